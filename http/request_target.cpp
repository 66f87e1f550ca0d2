#include "http/request_target.hpp"

#include <boost/url/parse.hpp>

namespace cdc::http {

std::optional<std::string_view> request_context::query_param(std::string_view name) const {
  for (const auto& [k, v] : query)
    if (k == name)
      return std::string_view{v};
  return std::nullopt;
}

bool parse_request_target(std::string_view target, request_context& rc) {
  auto url = boost::urls::parse_origin_form(target);
  if (!url)
    return false;
  for (auto seg : url->segments())
    rc.segments.push_back(std::move(seg));
  if (!rc.segments.empty() && rc.segments.back().empty())
    rc.segments.pop_back();
  for (auto param : url->params())
    rc.query.emplace_back(std::move(param.key), std::move(param.value));
  return true;
}

} // namespace cdc::http
