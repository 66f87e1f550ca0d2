// Tables: POST /api/v2/verify_table (which tables a config would
// replicate, served by any node from the upstream's catalog), and v1's
// POST .../tables/move_table and .../tables/rebalance_table, which become
// scheduling orders of the owner (202 once queued, as in TiCDC).
#include "http/routes.hpp"
#include "http/routes/authenticated.hpp"
#include "http/routes/feed_lookup.hpp"
#include "model/changefeed/bodies.hpp"
#include "model/changefeed/verify_tables.hpp"
#include "model/ids.hpp"
#include "model/json/body.hpp"
#include "model/json/fields.hpp"

namespace cdc::http {

namespace {

void verify_table(request_context& rc, const reply& rep) {
  auto body = model::parse_create_body(rc.body);
  if (!body)
    return rep.send_failure(body.error());
  auto verified = model::verify_tables(*body, rc.api->tables->tables);
  if (!verified)
    return rep.send_failure(verified.error());
  rep.send_json(model::to_json(*verified));
}

/// v1 checks the feed exists (400 ErrChangeFeedNotExists) before it queues
/// anything; the owner checks again.
std::optional<model::changefeed_key> existing_v1_feed(const request_context& rc, const reply& rep) {
  auto key = v1_key_of(rc);
  if (!published_feed(rc, rep, key))
    return std::nullopt;
  return *key;
}

struct move_request {
  std::string capture_id;
  std::int64_t table_id = 0;
};

constexpr auto move_fields = std::tuple{
  model::json::fld("capture_id", &move_request::capture_id),
  model::json::fld("table_id", &move_request::table_id),
};

void move_table(request_context& rc, const reply& rep) {
  auto key = existing_v1_feed(rc, rep);
  if (!key)
    return;
  auto obj = model::json::parse_object(rc.body);
  if (!obj)
    return rep.send_failure(obj.error());
  move_request req;
  if (auto st = model::json::decode_fields(req, *obj, model::json::path{}, move_fields); !st)
    return rep.send_failure(st.error());
  if (auto ok = model::check_id("capture_id", req.capture_id); !ok)
    return rep.send_failure(ok.error());
  call_api<bool>(rc, rep, [rep](bool) { rep.send(202, ""); }, atom::move_v, *key, req.table_id,
                 std::move(req.capture_id));
}

void rebalance_table(request_context& rc, const reply& rep) {
  if (auto key = existing_v1_feed(rc, rep))
    call_api<bool>(rc, rep, [rep](bool) { rep.send(202, ""); }, atom::rebalance_v, *key);
}

} // namespace

void set_table_routes(router& r) {
  using boost::beast::http::verb;
  r.add(verb::post, "/api/v2/verify_table", verify_table);
  r.add(verb::post, "/api/v1/changefeeds/{changefeed_id}/tables/move_table", authenticated(move_table));
  r.add(verb::post, "/api/v1/changefeeds/{changefeed_id}/tables/rebalance_table", authenticated(rebalance_table));
}

} // namespace cdc::http
