#include "tools/load/feed_list.hpp"

#include <boost/json/parse.hpp>

namespace cdc::load {

std::optional<std::map<std::string, std::string>> parse_feed_list(std::string_view body) {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec || !v.is_object())
    return std::nullopt;
  const auto* items = v.as_object().if_contains("items");
  if (!items || !items->is_array())
    return std::nullopt;
  std::map<std::string, std::string> out;
  for (const auto& it : items->as_array()) {
    const auto* item = it.if_object();
    const auto* id = item ? item->if_contains("id") : nullptr;
    if (!id || !id->is_string())
      continue;
    const auto* state = item->if_contains("state");
    out[std::string(id->as_string())] = state && state->is_string() ? std::string(state->as_string()) : "(none)";
  }
  return out;
}

} // namespace cdc::load
