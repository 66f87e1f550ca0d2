// Maps method + path pattern ("/api/v2/changefeeds/{changefeed_id}") to a
// handler. Unknown paths answer 404 and known paths with another method 405,
// both as TiCDC-style JSON errors.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/beast/http/verb.hpp>

#include "http/reply.hpp"
#include "http/request_context.hpp"
#include "http/route_metrics.hpp"

namespace cdc::http {

using handler = std::function<void(request_context& rc, const reply& r)>;

class router {
public:
  /// Registers `h` for `method` on `pattern`; segments in braces match any
  /// one non-empty segment and are passed in rc.path_params.
  void add(boost::beast::http::verb method, std::string_view pattern, handler h);

  /// Finds the route for rc.method and rc.segments, fills rc.path_params and
  /// runs it; answers 404/405 itself when nothing fits.
  void dispatch(request_context& rc, const reply& r) const;

  /// Where answers no route took are counted (unknown paths, 405s,
  /// requests that could not be read).
  const route_metrics& unrouted() const { return *unrouted_; }

  /// ticdc_http_requests_total and ticdc_http_request_duration_seconds.
  std::vector<prometheus::MetricFamily> request_metrics() const;

private:
  struct route {
    boost::beast::http::verb method;
    std::string pattern;
    std::vector<std::string> segments; ///< "{}" marks a placeholder
    handler run;
    /// Held by pointer: sessions keep it while the route table may move.
    std::unique_ptr<route_metrics> metrics;
  };
  static bool matches(const route& rt, const std::vector<std::string>& segments);

  std::vector<route> routes_;
  std::unique_ptr<route_metrics> unrouted_ = std::make_unique<route_metrics>("other", "unrouted");
};

} // namespace cdc::http
