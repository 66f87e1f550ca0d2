// GET /api/v2/processors and /api/v2/processors/{changefeed_id}/{capture_id}:
// from the feeds' published placements under the current owner; during an
// election, from the next owner's.
#include <boost/json/value_from.hpp>

#include "actors/published/processor_reads.hpp"
#include "http/api_context.hpp"
#include "http/routes.hpp"
#include "model/ids.hpp"

namespace cdc::http {

namespace {

void list(request_context& rc, const reply& rep) {
  auto render = [rep](const std::vector<model::processor_item>& items) {
    rep.send(200, model::processor_list_text(items));
  };
  if (!feeds_loaded(rc, rep))
    return;
  if (rc.api->captures->current())
    return render(actors::processor_list(*rc.api->directory));
  call_api<std::vector<model::processor_item>>(rc, rep, render, atom::processors_v);
}

void get(request_context& rc, const reply& rep) {
  const auto& id = rc.path_params.at(0);
  const auto& capture = rc.path_params.at(1);
  if (auto ok = model::check_id("changefeed_id", id); !ok)
    return rep.send_failure(ok.error());
  if (auto ok = model::check_id("capture_id", capture); !ok)
    return rep.send_failure(ok.error());
  auto ns = rc.query_param("namespace").value_or(model::default_namespace);
  model::changefeed_key key{std::string(ns.empty() ? model::default_namespace : ns), id};
  if (!feeds_loaded(rc, rep))
    return;
  auto render = [rep](const model::processor_detail& d) { rep.send_json(boost::json::value_from(d)); };
  if (auto captures = rc.api->captures->current()) {
    auto d = actors::processor_of(*rc.api->directory, *captures, key, capture);
    return d ? render(*d) : rep.send_failure(d.error());
  }
  call_api<model::processor_detail>(rc, rep, render, atom::processor_v, std::move(key), capture);
}

} // namespace

void set_processor_routes(router& r) {
  using boost::beast::http::verb;
  r.add(verb::get, "/api/v2/processors", list);
  r.add(verb::get, "/api/v2/processors/{changefeed_id}/{capture_id}", get);
}

} // namespace cdc::http
