// Column values in TiCDC's JSON encoders; see json_values.hpp.
#include "model/codec/json_values.hpp"

#include "model/codec/go_format.hpp"

namespace cdc::model::codec {

void append_value_as_string(const upstream::column_value& v, std::string& out) {
  if (std::holds_alternative<std::monostate>(v)) {
    out += "null";
  } else if (auto* i = std::get_if<std::int64_t>(&v)) {
    append_json_string(std::to_string(*i), out);
  } else if (auto* d = std::get_if<double>(&v)) {
    std::string s;
    append_go_float_f(*d, s);
    append_json_string(s, out);
  } else {
    append_json_string(std::get<std::string>(v), out);
  }
}

bool append_json_scalar(const upstream::column_value& v, std::string& out) {
  if (std::holds_alternative<std::monostate>(v)) {
    out += "null";
  } else if (auto* i = std::get_if<std::int64_t>(&v)) {
    out += std::to_string(*i);
  } else if (auto* d = std::get_if<double>(&v)) {
    append_go_json_float(*d, out);
  } else {
    return false;
  }
  return true;
}

} // namespace cdc::model::codec
