// GET /api/v2/processors and /api/v2/processors/{changefeed_id}/{capture_id}
// (and v1's, which TiCDC's tools still call): from the feeds' published
// placements under the current owner; during an election, from the next
// owner's.
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

#include "actors/published/processor_reads.hpp"
#include "http/api_context.hpp"
#include "http/routes.hpp"
#include "model/changefeed/views_v1.hpp"
#include "model/ids.hpp"

namespace cdc::http {

namespace {

using items = std::vector<model::processor_item>;

/// Answers 200 with `text(processors)`: from what is published (made where
/// reads of every feed are, send_bulk), or during an election once the next
/// owner is in office. `key` names the body.
template <class Text>
void serve_list(request_context& rc, const reply& rep, const char* key, Text text) {
  if (!feeds_loaded(rc, rep))
    return;
  if (rc.api->captures->current())
    return send_bulk(rc, rep, key, [api = rc.api, text] { return text(actors::processor_list(*api->directory)); });
  call_api<items>(rc, rep, [rep, text](const items& all) { rep.send(200, text(all)); }, atom::processors_v);
}

/// Answers `render(key, tables)` with the tables {capture_id} holds of
/// {changefeed_id} (of ?namespace= when `namespaced`, else the default
/// one, as v1), or with TiCDC's error.
template <class Render>
void serve_detail(request_context& rc, const reply& rep, bool namespaced, Render render) {
  const auto& id = rc.path_params.at(0);
  const auto& capture = rc.path_params.at(1);
  if (auto ok = model::check_id("changefeed_id", id); !ok)
    return rep.send_failure(ok.error());
  if (auto ok = model::check_id("capture_id", capture); !ok)
    return rep.send_failure(ok.error());
  auto ns = namespaced ? rc.query_param("namespace").value_or(model::default_namespace) : model::default_namespace;
  model::changefeed_key key{std::string(ns.empty() ? model::default_namespace : ns), id};
  if (!feeds_loaded(rc, rep))
    return;
  auto answer = [render, key](const model::processor_detail& d) { render(key, d); };
  if (auto captures = rc.api->captures->current()) {
    auto d = actors::processor_of(*rc.api->directory, *captures, key, capture);
    return d ? answer(*d) : rep.send_failure(d.error());
  }
  call_api<model::processor_detail>(rc, rep, answer, atom::processor_v, std::move(key), capture);
}

void list(request_context& rc, const reply& rep) {
  serve_list(rc, rep, "processors v2", [](const items& all) { return model::processor_list_text(all); });
}

void get(request_context& rc, const reply& rep) {
  serve_detail(rc, rep, true, [rep](const model::changefeed_key&, const model::processor_detail& d) {
    rep.send_json(boost::json::value_from(d));
  });
}

/// GET /api/v1/processors: v2's items as a bare array.
void v1_list(request_context& rc, const reply& rep) {
  serve_list(rc, rep, "processors v1",
             [](const items& all) { return boost::json::serialize(boost::json::value_from(all)); });
}

/// GET /api/v1/processors/{changefeed_id}/{capture_id}: v2's tables with the
/// feed's checkpoint and resolved TS.
void v1_get(request_context& rc, const reply& rep) {
  serve_detail(rc, rep, false,
               [rep, directory = rc.api->directory](const model::changefeed_key& key, const model::processor_detail& d) {
                 auto snap = directory->find(key);
                 auto progress = snap ? snap->view().progress.at(directory->resolved()) : model::changefeed_progress{};
                 rep.send_json(model::v1_processor(d, progress.checkpoint_ts, progress.resolved_ts));
               });
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
