// Parameter reading shared by the per-class sink validators.
#include "model/sink/param_reader.hpp"

#include "model/sink/go_parse.hpp"

namespace cdc::model::sink {

std::optional<std::string_view> param_reader::get(std::string_view key) const {
  if (auto v = uri_.param(key))
    return v;
  for (const auto& p : config_)
    if (p.key == key)
      return std::string_view{p.value};
  return std::nullopt;
}

result<std::optional<std::int64_t>> param_reader::integer(std::string_view key, int bits,
                                                          empty_value empty,
                                                          std::string_view func) const {
  auto v = get(key);
  if (!v || (v->empty() && empty == empty_value::absent))
    return std::optional<std::int64_t>{};
  auto parsed = parse_go_int(gin_value(*v, "0"), bits, func);
  if (!parsed)
    return wrap(parsed.error().text);
  return std::optional<std::int64_t>{*parsed};
}

result<std::optional<bool>> param_reader::boolean(std::string_view key) const {
  auto v = get(key);
  if (!v)
    return std::optional<bool>{};
  auto parsed = parse_go_bool(gin_value(*v, "false"));
  if (!parsed)
    return wrap(parsed.error().text);
  return std::optional<bool>{*parsed};
}

result<std::optional<std::chrono::nanoseconds>> param_reader::duration(std::string_view key) const {
  auto v = get(key);
  if (!v || v->empty())
    return std::optional<std::chrono::nanoseconds>{};
  auto parsed = parse_go_duration(*v);
  if (!parsed)
    return wrap(parsed.error().text);
  return std::optional<std::chrono::nanoseconds>{*parsed};
}

api_failure param_reader::wrap(std::string_view cause) const {
  std::string message{spec_of(kind_).message_template};
  message += ": ";
  message += cause;
  return fail_with(kind_, std::move(message));
}

} // namespace cdc::model::sink
