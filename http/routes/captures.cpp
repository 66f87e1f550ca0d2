// GET /api/v2/captures and /api/v1/captures: the captures under the
// current owner, as the election published them; during an election, from
// the next owner. v1 answers the same items as a bare array.
#include <boost/json/value_from.hpp>

#include "http/api_context.hpp"
#include "http/routes.hpp"
#include "model/list_response.hpp"

namespace cdc::http {

void set_capture_routes(router& r) {
  using boost::beast::http::verb;
  r.add(verb::get, "/api/v2/captures", [](request_context& rc, const reply& rep) {
    // The body is made once per publish, not once per read.
    if (auto body = rc.api->captures->current_body())
      return rep.send(200, *body);
    with_captures(rc, rep, [rep](const std::vector<model::capture_view>& caps) {
      rep.send_json(model::list_response_of(caps));
    });
  });
  r.add(verb::get, "/api/v1/captures", [](request_context& rc, const reply& rep) {
    with_captures(rc, rep,
                  [rep](const std::vector<model::capture_view>& caps) { rep.send_json(boost::json::value_from(caps)); });
  });
}

} // namespace cdc::http
