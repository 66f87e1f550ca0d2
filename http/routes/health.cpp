// GET /api/v2/health: 200 {} while an owner answers, every capture it knows
// is alive and every node of this process still has its capture.
#include "http/api_context.hpp"
#include "http/routes.hpp"

namespace cdc::http {

void set_health_routes(router& r) {
  r.add(boost::beast::http::verb::get, "/api/v2/health", [](request_context& rc, const reply& rep) {
    auto unhealthy = [rep] { rep.send_failure(model::fail(model::api_error::cluster_is_unhealthy)); };
    auto timeout = rc.api->actor_timeout;
    for (const auto* n : rc.api->nodes)
      if (!n->capture_up.load(std::memory_order_relaxed))
        return unhealthy();
    post_job(rc, {[=](actors::bridge_actor::pointer self, const actors::owner_actor& owner) {
                    if (!owner)
                      return unhealthy();
                    self->request(owner, timeout, atom::health_v)
                      .then([=](bool healthy) { healthy ? rep.send_empty() : unhealthy(); },
                            [=](const caf::error&) { unhealthy(); });
                  },
                  true});
  });
}

} // namespace cdc::http
