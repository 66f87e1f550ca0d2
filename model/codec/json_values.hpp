// How TiCDC's JSON encoders write one column value, the parts they share:
// as a string (canal-json and simple print every value as text), or as a
// JSON number (open-protocol and debezium marshal integers and doubles).
#pragma once

#include <string>

#include "model/upstream/workload.hpp"

namespace cdc::model::codec {

/// The value as a JSON string: integers in decimal, doubles as strconv 'f',
/// strings as they are; NULL as null.
void append_value_as_string(const upstream::column_value& v, std::string& out);

/// NULL as null, an integer or a double as encoding/json prints it; false
/// (nothing appended) for a string value, which each protocol writes its way.
bool append_json_scalar(const upstream::column_value& v, std::string& out);

} // namespace cdc::model::codec
