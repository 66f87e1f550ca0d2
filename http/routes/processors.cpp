// GET /api/v2/processors and /api/v2/processors/{changefeed_id}/{capture_id}.
#include <boost/json/value_from.hpp>

#include "http/api_context.hpp"
#include "http/routes.hpp"
#include "model/ids.hpp"

namespace cdc::http {

void set_processor_routes(router& r) {
  using boost::beast::http::verb;
  r.add(verb::get, "/api/v2/processors", [](request_context& rc, const reply& rep) {
    call_api<std::vector<model::processor_item>>(
      rc, rep, [rep](const std::vector<model::processor_item>& items) { rep.send(200, model::processor_list_text(items)); },
      atom::processors_v);
  });
  r.add(verb::get, "/api/v2/processors/{changefeed_id}/{capture_id}", [](request_context& rc, const reply& rep) {
    const auto& id = rc.path_params.at(0);
    const auto& capture = rc.path_params.at(1);
    if (auto ok = model::check_id("changefeed_id", id); !ok)
      return rep.send_failure(ok.error());
    if (auto ok = model::check_id("capture_id", capture); !ok)
      return rep.send_failure(ok.error());
    auto ns = rc.query_param("namespace").value_or(model::default_namespace);
    model::changefeed_key key{std::string(ns.empty() ? model::default_namespace : ns), id};
    call_api<model::processor_detail>(
      rc, rep, [rep](const model::processor_detail& d) { rep.send_json(boost::json::value_from(d)); },
      atom::processor_v, std::move(key), capture);
  });
}

} // namespace cdc::http
