// Writing small JSON answers straight into a string, for the hot paths that
// would otherwise build a boost::json tree only to serialize it at once.
#pragma once

#include <string>
#include <string_view>

namespace cdc::model::json {

/// Appends `s` as a JSON string (quoted; ", \ and control characters
/// escaped exactly as boost::json::serialize escapes them).
/// Deliberately not codec::append_json_string, which escapes as Go does
/// (<, >, &, U+2028) for encoders that must match TiCDC byte for byte.
void append_quoted(std::string& out, std::string_view s);

} // namespace cdc::model::json
