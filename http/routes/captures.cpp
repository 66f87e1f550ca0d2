// GET /api/v2/captures and /api/v1/captures: the captures under the
// current owner, as the election published them; during an election, from
// the next owner. v1 answers the same items as a bare array.
// POST /api/v2/captures/{capture_id}/drain and v1's PUT /api/v1/captures/drain:
// the owner moves the capture's tables away; the answer counts those still
// there, and the caller asks again until it is 0 (202, as TiCDC).
#include <boost/json/object.hpp>
#include <boost/json/value_from.hpp>

#include "http/api_context.hpp"
#include "http/routes.hpp"
#include "model/ids.hpp"
#include "model/json/body.hpp"
#include "model/json/fields.hpp"
#include "model/list_response.hpp"

namespace cdc::http {

namespace {

void drain(request_context& rc, const reply& rep, std::string capture_id) {
  if (auto ok = model::check_id("capture_id", capture_id); !ok)
    return rep.send_failure(ok.error());
  call_api<std::int64_t>(
    rc, rep, [rep](std::int64_t left) { rep.send_json(boost::json::object{{"current_table_count", left}}, 202); },
    atom::drain_v, std::move(capture_id));
}

struct drain_request {
  std::string capture_id;
};

constexpr auto drain_fields = std::tuple{model::json::fld("capture_id", &drain_request::capture_id)};

void v1_drain(request_context& rc, const reply& rep) {
  auto obj = model::json::parse_object(rc.body);
  if (!obj)
    return rep.send_failure(obj.error());
  drain_request req;
  if (auto st = model::json::decode_fields(req, *obj, model::json::path{}, drain_fields); !st)
    return rep.send_failure(st.error());
  drain(rc, rep, std::move(req.capture_id));
}

} // namespace

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
  r.add(verb::post, "/api/v2/captures/{capture_id}/drain",
        [](request_context& rc, const reply& rep) { drain(rc, rep, rc.path_params.at(0)); });
  r.add(verb::put, "/api/v1/captures/drain", v1_drain);
}

} // namespace cdc::http
