// GET /api/v2/processors and /api/v2/processors/{changefeed_id}/{capture_id}
// (and v1's, which TiCDC's tools still call): from the feeds' published
// placements under the current owner; during an election, from the next
// owner's.
#include <boost/json/value_from.hpp>

#include "actors/published/processor_reads.hpp"
#include "http/api_context.hpp"
#include "http/routes.hpp"
#include "model/changefeed/views_v1.hpp"
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

/// GET /api/v1/processors: v2's items as a bare array.
void v1_list(request_context& rc, const reply& rep) {
  if (!feeds_loaded(rc, rep))
    return;
  auto render = [rep](const std::vector<model::processor_item>& items) {
    rep.send_json(boost::json::value_from(items));
  };
  if (rc.api->captures->current())
    return render(actors::processor_list(*rc.api->directory));
  call_api<std::vector<model::processor_item>>(rc, rep, render, atom::processors_v);
}

/// GET /api/v1/processors/{changefeed_id}/{capture_id}: v2's tables with the
/// feed's checkpoint and resolved TS (feeds of the default namespace only).
void v1_get(request_context& rc, const reply& rep) {
  const auto& id = rc.path_params.at(0);
  const auto& capture = rc.path_params.at(1);
  if (auto ok = model::check_id("changefeed_id", id); !ok)
    return rep.send_failure(ok.error());
  if (auto ok = model::check_id("capture_id", capture); !ok)
    return rep.send_failure(ok.error());
  if (!feeds_loaded(rc, rep))
    return;
  model::changefeed_key key{std::string(model::default_namespace), id};
  auto directory = rc.api->directory;
  auto render = [rep, directory, key](const model::processor_detail& d) {
    auto snap = directory->find(key);
    auto progress = snap ? snap->view().progress : model::changefeed_progress{};
    rep.send_json(model::v1_processor(d, progress.checkpoint_ts, progress.resolved_ts));
  };
  if (auto captures = rc.api->captures->current()) {
    auto d = actors::processor_of(*directory, *captures, key, capture);
    return d ? render(*d) : rep.send_failure(d.error());
  }
  call_api<model::processor_detail>(rc, rep, render, atom::processor_v, std::move(key), capture);
}

} // namespace

void set_processor_routes(router& r) {
  using boost::beast::http::verb;
  r.add(verb::get, "/api/v2/processors", list);
  r.add(verb::get, "/api/v2/processors/{changefeed_id}/{capture_id}", get);
  r.add(verb::get, "/api/v1/processors", v1_list);
  r.add(verb::get, "/api/v1/processors/{changefeed_id}/{capture_id}", v1_get);
}

} // namespace cdc::http
