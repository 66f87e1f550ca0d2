// POST /api/v2/owner/resign: the owner steps down and a new one is elected.
#include "http/api_context.hpp"
#include "http/routes.hpp"

namespace cdc::http {

void set_owner_routes(router& r) {
  r.add(boost::beast::http::verb::post, "/api/v2/owner/resign", [](request_context& rc, const reply& rep) {
    auto election = rc.api->election;
    auto timeout = rc.api->actor_timeout;
    post_job(rc, {[=](actors::bridge_actor::pointer self, const actors::owner_actor&) {
                    self->request(election, timeout, atom::resign_v)
                      .then([rep](bool) { rep.send_empty(); }, fail_reply(rep));
                  },
                  false});
  });
}

} // namespace cdc::http
