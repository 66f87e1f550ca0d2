// POST /api/v2/owner/resign: the owner steps down and a new one is elected.
#include "http/api_context.hpp"
#include "http/routes.hpp"

namespace cdc::http {

void set_owner_routes(router& r) {
  r.add(boost::beast::http::verb::post, "/api/v2/owner/resign", [](request_context& rc, const reply& rep) {
    call_api<bool>(rc, rep, [rep](bool) { rep.send_empty(); }, atom::resign_v);
  });
}

} // namespace cdc::http
