// GET /api/v2/health: 200 {} while an owner answers, every capture it knows
// is alive and every node of this process still has its capture. GET
// /api/v1/health, as TiCDC's v1: 200 with no body while the cluster has an
// owner (ErrOwnerNotFound after the API's wait for one otherwise).
#include "http/api_context.hpp"
#include "http/routes.hpp"

namespace cdc::http {

void set_health_routes(router& r) {
  r.add(boost::beast::http::verb::get, "/api/v1/health", [](request_context& rc, const reply& rep) {
    with_captures(rc, rep, [rep](const std::vector<model::capture_view>&) { rep.send(200, ""); });
  });
  r.add(boost::beast::http::verb::get, "/api/v2/health", [](request_context& rc, const reply& rep) {
    auto unhealthy = [rep] { rep.send_failure(model::fail(model::api_error::cluster_is_unhealthy)); };
    for (const auto* n : rc.api->nodes)
      if (!n->capture_up.load(std::memory_order_relaxed))
        return unhealthy();
    rc.api->api.call<bool>(
      rc.caller_lane, [rep, unhealthy](model::result<bool> healthy) { healthy && *healthy ? rep.send_empty() : unhealthy(); },
      atom::health_v);
  });
}

} // namespace cdc::http
