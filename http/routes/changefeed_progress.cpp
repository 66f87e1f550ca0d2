// GET /api/v2/changefeeds/{id}/status, /synced and /meta_info: a feed's
// progress and its record, from what the feed published (any node answers,
// as TiCDC's forwarding to the owner gives the same answer).
#include <boost/json/value_from.hpp>

#include "http/routes.hpp"
#include "http/routes/feed_lookup.hpp"
#include "model/changefeed/bodies.hpp"
#include "model/changefeed/views_status.hpp"
#include "model/json/body.hpp"
#include "model/json/reader.hpp"
#include "model/tso.hpp"

namespace cdc::http {

namespace {

void status(request_context& rc, const reply& rep) {
  if (auto snap = published_feed(rc, rep, key_of(rc)))
    rep.send_json(model::status_json(*snap->view().info, snap->view().progress.at(rc.api->directory->resolved())));
}

/// The intervals /synced decides with: the feed's own, or those of the
/// optional body's replica_config.synced_status (TiCDC decodes the body
/// onto the feed's values).
model::result<std::optional<model::config::synced_status_config>> synced_intervals(const request_context& rc,
                                                                                    const model::changefeed_info& info) {
  std::optional<model::config::synced_status_config> intervals;
  if (info.config)
    intervals = info.config->synced_status;
  if (rc.body.empty())
    return intervals;
  auto body = model::parse_create_body(rc.body);
  if (!body)
    return body.error();
  auto obj = model::json::parse_object(rc.body);
  const auto* cfg = obj ? model::json::find_key(*obj, "replica_config") : nullptr;
  if (cfg && cfg->is_object() && model::json::find_key(cfg->as_object(), "synced_status"))
    intervals = body->replica_config.synced_status;
  return intervals;
}

void synced(request_context& rc, const reply& rep) {
  auto snap = published_feed(rc, rep, key_of(rc));
  if (!snap)
    return;
  auto intervals = synced_intervals(rc, *snap->view().info);
  if (!intervals)
    return rep.send_failure(intervals.error());
  call_upstream<actors::upstream_times>(
    rc, rep,
    [rep, progress = snap->view().progress.at(rc.api->directory->resolved()),
     intervals = *intervals](const actors::upstream_times& pd) {
      rep.send_json(model::to_json(model::decide_synced(progress, intervals, model::tso_physical_ms(pd.tso))));
    },
    atom::tso_v);
}

/// The detail. TiCDC shows the sink URI as stored here, password and all,
/// for its own tools; no answer of ours shows a password, so it is masked
/// as everywhere else.
void meta_info(request_context& rc, const reply& rep) {
  auto snap = published_feed(rc, rep, key_of(rc));
  if (!snap)
    return;
  rep.send_json(boost::json::value_from(snap->view_at(rc.api->directory->resolved()).detail()));
}

} // namespace

void set_changefeed_progress_routes(router& r) {
  using boost::beast::http::verb;
  r.add(verb::get, "/api/v2/changefeeds/{changefeed_id}/status", status);
  r.add(verb::get, "/api/v2/changefeeds/{changefeed_id}/synced", synced);
  r.add(verb::get, "/api/v2/changefeeds/{changefeed_id}/meta_info", meta_info);
}

} // namespace cdc::http
