// JSON as TiCDC's cli prints it with Go's encoding/json: MarshalIndent with
// two spaces for the tables it lists, Marshal for the one-line "Info:" of
// create and update. Go escapes <, > and & in strings (a sink URI's
// "&" prints as \u0026), and so does this.
#pragma once

#include <string>

#include <boost/json/value.hpp>

namespace cdc::cli {

/// json.MarshalIndent(v, "", "  ").
std::string go_indent(const boost::json::value& v);

/// json.Marshal(v).
std::string go_compact(const boost::json::value& v);

} // namespace cdc::cli
