// Reading request bodies: JSON that must be an object, with errors in
// TiCDC's form (400 ErrAPIInvalidParam naming what went wrong).
#pragma once

#include <string_view>

#include <boost/json/object.hpp>

#include "model/result.hpp"

namespace cdc::model::json {

/// Parses `body` as one JSON object. Malformed JSON, trailing bytes, a value
/// that is not an object, and an empty body (TiCDC's decoder says "EOF") all
/// give 400 ErrAPIInvalidParam; `prefix` starts the message (TiCDC uses
/// e.g. "invalid log level: ").
result<boost::json::object> parse_object(std::string_view body,
                                         std::string_view prefix = "invalid api parameter: ");

} // namespace cdc::model::json
