// GET /metrics: Prometheus' text format, on the API port as TiCDC serves it.
#include "http/api_context.hpp"
#include "http/metrics_exposition.hpp"
#include "http/routes.hpp"

namespace cdc::http {

void set_metrics_routes(router& r) {
  r.add(boost::beast::http::verb::get, "/metrics", [](request_context& rc, const reply& rep) {
    if (!rc.api->metrics)
      return rep.send_failure(model::fail(model::api_error::route_not_found, {"/metrics"}));
    rc.api->metrics->scrape_async(
      [rep](const std::string& text) { rep.send_as(200, text, metrics_exposition::content_type); });
  });
}

} // namespace cdc::http
