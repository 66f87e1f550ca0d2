// API v1's changefeed writes, which TiCDC's older tools still send: create,
// update, pause, resume and remove answer 202 with no body once the owner
// took them; the bodies become v2's (model/changefeed/bodies_v1.hpp), so
// one set of rules decides both.
#include "http/routes.hpp"
#include "http/routes/authenticated.hpp"
#include "http/routes/feed_lookup.hpp"
#include "model/changefeed/bodies_v1.hpp"
#include "model/config/defaults.hpp"
#include "model/config/merge.hpp"

namespace cdc::http {

namespace {

template <class T>
auto accepted(reply rep) {
  return [rep](const T&) { rep.send(202, ""); };
}

void create(request_context& rc, const reply& rep) {
  auto body = model::parse_v1_create_body(rc.body);
  if (!body)
    return rep.send_failure(body.error());
  call_api<model::changefeed_detail>(rc, rep, accepted<model::changefeed_detail>(rep), atom::create_v,
                                     std::move(*body));
}

/// v1 updates only a stopped feed, and changes only the fields it is given.
void update(request_context& rc, const reply& rep) {
  auto key = v1_key_of(rc);
  auto snap = published_feed(rc, rep, key);
  if (!snap)
    return;
  const auto& info = *snap->view().info;
  if (info.state != model::feed_state::stopped)
    return rep.send_failure(
      model::fail(model::api_error::changefeed_update_refused, {"can only update changefeed config when it is stopped"}));
  auto current = info.config ? *info.config : model::config::to_internal(model::config::default_replica_config());
  auto body = model::parse_v1_update_body(rc.body, current);
  if (!body)
    return rep.send_failure(body.error());
  call_api<model::changefeed_detail>(rc, rep, accepted<model::changefeed_detail>(rep), atom::update_v, *key,
                                     std::move(*body));
}

/// Pause, resume and remove check that the feed exists first (400
/// ErrChangeFeedNotExists), as v1 does, then queue the job.
template <class... Ts>
void admin_job(request_context& rc, const reply& rep, Ts... request) {
  auto key = v1_key_of(rc);
  if (published_feed(rc, rep, key))
    call_api<bool>(rc, rep, accepted<bool>(rep), request..., *key);
}

} // namespace

void set_changefeed_v1_write_routes(router& r) {
  using boost::beast::http::verb;
  r.add(verb::post, "/api/v1/changefeeds", authenticated(create));
  r.add(verb::put, "/api/v1/changefeeds/{changefeed_id}", authenticated(update));
  r.add(verb::post, "/api/v1/changefeeds/{changefeed_id}/pause",
        authenticated([](request_context& rc, const reply& rep) { admin_job(rc, rep, atom::pause_v); }));
  r.add(verb::post, "/api/v1/changefeeds/{changefeed_id}/resume", authenticated([](request_context& rc, const reply& rep) {
    auto key = v1_key_of(rc);
    if (published_feed(rc, rep, key))
      call_api<bool>(rc, rep, accepted<bool>(rep), atom::resume_v, *key, model::resume_config{});
  }));
  r.add(verb::delete_, "/api/v1/changefeeds/{changefeed_id}",
        authenticated([](request_context& rc, const reply& rep) { admin_job(rc, rep, atom::remove_v); }));
}

} // namespace cdc::http
