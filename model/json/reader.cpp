#include "model/json/reader.hpp"

#include <charconv>
#include <cmath>
#include <limits>

namespace cdc::model::json {

namespace {

std::string number_text(double d) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, res.ptr);
}

api_failure out_of_range(const path& at, const std::string& number, std::string_view type) {
  std::string why = number;
  why += " is out of range for ";
  why += type;
  return invalid_at(at, why);
}

char lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whole numbers only, in range for I; Boost.JSON hands us int64, uint64 or
// double depending on how the literal looked.
template <class I>
status read_integer(I& out, const boost::json::value& v, const path& at, std::string_view type) {
  using limits = std::numeric_limits<I>;
  switch (v.kind()) {
  case boost::json::kind::null:
    return {};
  case boost::json::kind::int64: {
    auto x = v.get_int64();
    bool fits = limits::is_signed
                  ? x >= static_cast<std::int64_t>(limits::min()) && x <= static_cast<std::int64_t>(limits::max())
                  : x >= 0 && static_cast<std::uint64_t>(x) <= static_cast<std::uint64_t>(limits::max());
    if (!fits)
      return out_of_range(at, std::to_string(x), type);
    out = static_cast<I>(x);
    return {};
  }
  case boost::json::kind::uint64: {
    auto x = v.get_uint64();
    if (x > static_cast<std::uint64_t>(limits::max()))
      return out_of_range(at, std::to_string(x), type);
    out = static_cast<I>(x);
    return {};
  }
  case boost::json::kind::double_: {
    double d = v.get_double();
    if (!std::isfinite(d) || std::trunc(d) != d)
      return invalid_at(at, number_text(d) + " is not an integer (" + std::string(type) + ")");
    // Powers of two are exact doubles, so these bounds are exact too.
    double hi = std::ldexp(1.0, limits::digits);
    double lo = limits::is_signed ? -hi : 0.0;
    if (d < lo || d >= hi)
      return out_of_range(at, number_text(d), type);
    out = static_cast<I>(d);
    return {};
  }
  default:
    return type_mismatch(at, type, v);
  }
}

} // namespace

void path::append_to(std::string& out) const {
  if (parent_ != nullptr)
    parent_->append_to(out);
  switch (kind_) {
  case kind::root:
    break;
  case kind::key:
    if (!out.empty())
      out += '.';
    out += key_;
    break;
  case kind::index:
    out += '[';
    out += std::to_string(index_);
    out += ']';
    break;
  }
}

std::string path::str() const {
  std::string out;
  append_to(out);
  return out;
}

void path::note_unknown(std::string_view key) const {
  const path* root = this;
  while (root->parent_ != nullptr)
    root = root->parent_;
  if (root->unknown_keys_ == nullptr)
    return;
  std::string full = str();
  if (!full.empty())
    full += '.';
  full += key;
  root->unknown_keys_->push_back(std::move(full));
}

api_failure invalid_at(const path& at, std::string_view why) {
  std::string msg{invalid_param_prefix};
  auto where = at.str();
  if (!where.empty()) {
    msg += where;
    msg += ": ";
  }
  msg += why;
  return fail_with(api_error::api_invalid_param, std::move(msg));
}

api_failure with_prefix(api_failure failure, std::string_view prefix) {
  std::string_view msg = failure.message;
  if (msg.starts_with(invalid_param_prefix))
    msg.remove_prefix(invalid_param_prefix.size());
  std::string out{prefix};
  out += msg;
  failure.message = std::move(out);
  return failure;
}

std::string_view kind_name(const boost::json::value& v) noexcept {
  switch (v.kind()) {
  case boost::json::kind::null:
    return "null";
  case boost::json::kind::bool_:
    return "bool";
  case boost::json::kind::int64:
  case boost::json::kind::uint64:
  case boost::json::kind::double_:
    return "number";
  case boost::json::kind::string:
    return "string";
  case boost::json::kind::array:
    return "array";
  case boost::json::kind::object:
    return "object";
  }
  return "value";
}

api_failure type_mismatch(const path& at, std::string_view expected, const boost::json::value& v) {
  std::string why = "expected ";
  why += expected;
  why += ", got ";
  why += kind_name(v);
  return invalid_at(at, why);
}

bool key_matches(std::string_view key, std::string_view field_name) noexcept {
  if (key.size() != field_name.size())
    return false;
  for (std::size_t i = 0; i < key.size(); ++i)
    if (lower(key[i]) != lower(field_name[i]))
      return false;
  return true;
}

const boost::json::value* find_key(const boost::json::object& obj, std::string_view name) noexcept {
  if (auto it = obj.find(name); it != obj.end())
    return &it->value();
  for (const auto& kv : obj)
    if (key_matches(kv.key(), name))
      return &kv.value();
  return nullptr;
}

status read(bool& out, const boost::json::value& v, const path& at) {
  if (v.is_null())
    return {};
  if (!v.is_bool())
    return type_mismatch(at, "bool", v);
  out = v.get_bool();
  return {};
}

status read(std::string& out, const boost::json::value& v, const path& at) {
  if (v.is_null())
    return {};
  if (!v.is_string())
    return type_mismatch(at, "string", v);
  const auto& s = v.get_string();
  out.assign(s.data(), s.size());
  return {};
}

status read(std::int16_t& out, const boost::json::value& v, const path& at) {
  return read_integer(out, v, at, "int16");
}

status read(std::int32_t& out, const boost::json::value& v, const path& at) {
  return read_integer(out, v, at, "int32");
}

status read(std::int64_t& out, const boost::json::value& v, const path& at) {
  return read_integer(out, v, at, "int64");
}

status read(std::uint32_t& out, const boost::json::value& v, const path& at) {
  return read_integer(out, v, at, "uint32");
}

status read(std::uint64_t& out, const boost::json::value& v, const path& at) {
  return read_integer(out, v, at, "uint64");
}

status read(duration& out, const boost::json::value& v, const path& at) {
  switch (v.kind()) {
  case boost::json::kind::null:
    return {};
  case boost::json::kind::string: {
    const auto& s = v.get_string();
    auto parsed = parse_go_duration(std::string_view(s.data(), s.size()));
    if (!parsed)
      return invalid_at(at, parsed.error().message);
    out = *parsed;
    return {};
  }
  case boost::json::kind::int64:
    out = duration{v.get_int64()};
    return {};
  case boost::json::kind::uint64: {
    auto x = v.get_uint64();
    if (x > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      return out_of_range(at, std::to_string(x), "a duration in nanoseconds");
    out = duration{static_cast<std::int64_t>(x)};
    return {};
  }
  case boost::json::kind::double_: {
    // Go converts the float64 to Duration, truncating toward zero.
    double d = std::trunc(v.get_double());
    double hi = std::ldexp(1.0, 63);
    if (!std::isfinite(d) || d < -hi || d >= hi)
      return out_of_range(at, number_text(v.get_double()), "a duration in nanoseconds");
    out = duration{static_cast<std::int64_t>(d)};
    return {};
  }
  default:
    return invalid_at(at, "invalid duration");
  }
}

} // namespace cdc::model::json
