// Keeping answers valid UTF-8: request bytes (percent-decoded paths, query
// strings, bodies) reach error messages as they came, and strict JSON
// parsers reject a whole answer for one invalid byte.
#pragma once

#include <string>

namespace cdc::model::json {

/// Replaces each byte that does not start a well-formed UTF-8 sequence with
/// U+FFFD, as Go's encoding/json does (so a truncated "\xe2\x82" becomes two
/// of them). Valid text is left untouched and not copied.
void replace_invalid_utf8(std::string& s);

} // namespace cdc::model::json
