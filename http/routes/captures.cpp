// GET /api/v2/captures: the captures as the owner sees them.
#include "http/api_context.hpp"
#include "http/routes.hpp"
#include "model/list_response.hpp"

namespace cdc::http {

void set_capture_routes(router& r) {
  r.add(boost::beast::http::verb::get, "/api/v2/captures", [](request_context& rc, const reply& rep) {
    ask_owner(
      rc, rep,
      [rep](const std::vector<model::capture_view>& caps) {
        rep.send_json(model::list_response_of(caps));
      },
      atom::captures_v);
  });
}

} // namespace cdc::http
