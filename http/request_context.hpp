// Everything a route handler gets to know about one request.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/beast/http/verb.hpp>

namespace cdc::actors {
struct node_state;
}

namespace cdc::http {

struct api_context;
class route_metrics;

struct request_context {
  boost::beast::http::verb method;
  /// Decoded path segments, e.g. {"api", "v2", "changefeeds", "cf-1"}.
  std::vector<std::string> segments;
  /// Decoded query parameters in order.
  std::vector<std::pair<std::string, std::string>> query;
  /// Values of the route pattern's {placeholders}, in pattern order.
  std::vector<std::string> path_params;
  std::string body;
  /// The Authorization header ("" when absent), for routes/authenticated.hpp.
  std::string authorization;
  /// The node whose listener took the request.
  const actors::node_state* node = nullptr;
  const api_context* api = nullptr;
  /// Spreads API calls over the callers, one lane per connection (a
  /// connection's calls stay in order).
  std::size_t caller_lane = 0;
  /// Where the router notes the route that took the request, before its
  /// handler runs (the session counts the answer under it); may be null.
  const route_metrics** route_taken = nullptr;

  /// The first value of query parameter `name`, if present.
  std::optional<std::string_view> query_param(std::string_view name) const;
};

} // namespace cdc::http
