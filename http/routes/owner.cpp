// POST /api/v2/owner/resign and /api/v1/owner/resign: the owner steps
// down and a new one is elected (v2 answers 200 {}, v1 202 with no body).
#include "http/api_context.hpp"
#include "http/routes.hpp"

namespace cdc::http {

void set_owner_routes(router& r) {
  using boost::beast::http::verb;
  r.add(verb::post, "/api/v2/owner/resign", [](request_context& rc, const reply& rep) {
    call_api<bool>(rc, rep, [rep](bool) { rep.send_empty(); }, atom::resign_v);
  });
  r.add(verb::post, "/api/v1/owner/resign", [](request_context& rc, const reply& rep) {
    call_api<bool>(rc, rep, [rep](bool) { rep.send(202, ""); }, atom::resign_v);
  });
}

} // namespace cdc::http
