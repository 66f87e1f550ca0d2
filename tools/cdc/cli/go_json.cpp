// Go's JSON printing; see go_json.hpp.
#include "tools/cdc/cli/go_json.hpp"

#include <boost/json/serialize.hpp>

#include "model/codec/go_format.hpp"

namespace cdc::cli {

namespace {

void write(const boost::json::value& v, std::string& out, int indent, int depth) {
  auto newline = [&](int d) {
    if (indent == 0)
      return;
    out += '\n';
    out.append(static_cast<std::size_t>(d * indent), ' ');
  };
  switch (v.kind()) {
  case boost::json::kind::object: {
    const auto& obj = v.get_object();
    if (obj.empty()) {
      out += "{}";
      return;
    }
    out += '{';
    bool first = true;
    for (const auto& kv : obj) {
      if (!first)
        out += ',';
      first = false;
      newline(depth + 1);
      model::codec::append_json_string(kv.key(), out);
      out += indent ? ": " : ":";
      write(kv.value(), out, indent, depth + 1);
    }
    newline(depth);
    out += '}';
    return;
  }
  case boost::json::kind::array: {
    const auto& arr = v.get_array();
    if (arr.empty()) {
      out += "[]";
      return;
    }
    out += '[';
    for (std::size_t i = 0; i < arr.size(); ++i) {
      if (i)
        out += ',';
      newline(depth + 1);
      write(arr[i], out, indent, depth + 1);
    }
    newline(depth);
    out += ']';
    return;
  }
  case boost::json::kind::string: model::codec::append_json_string(v.get_string(), out); return;
  case boost::json::kind::double_: model::codec::append_go_float_f(v.get_double(), out); return;
  default: out += boost::json::serialize(v); return;
  }
}

} // namespace

std::string go_indent(const boost::json::value& v) {
  std::string out;
  write(v, out, 2, 0);
  return out;
}

std::string go_compact(const boost::json::value& v) {
  std::string out;
  write(v, out, 0, 0);
  return out;
}

} // namespace cdc::cli
