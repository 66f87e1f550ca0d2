// What the API asks of the upstream (our simulated PD and TiKV): POST
// /api/v2/tso, DELETE /api/v2/unsafe/service_gc_safepoint and POST
// /api/v2/unsafe/resolve_lock. Each names its upstream as TiCDC's
// UpstreamConfig does; ours is the only one.
#include <boost/json/object.hpp>

#include "http/api_context.hpp"
#include "http/routes.hpp"
#include "http/routes/authenticated.hpp"
#include "model/changefeed/bodies.hpp"
#include "model/changefeed/create_rules.hpp"
#include "model/tso.hpp"

namespace cdc::http {

namespace {

/// TiCDC's upstream selection: an ID names a registered upstream, PD
/// addresses one to connect to, neither the default one.
model::result<void> check_upstream(const api_context& api, std::uint64_t id, const model::pd_config& pd) {
  if (id > 0 && id != api.upstream_id)
    return model::fail(model::api_error::upstream_not_found, {std::to_string(id)});
  if (!pd.pd_addrs.empty())
    if (auto ok = model::check_pd_addrs(pd, api.pd_addrs); !ok)
      return model::fail_with(model::api_error::internal_server_error, ok.error().message);
  return {};
}

/// The body as TiCDC's UpstreamConfig, checked; nullopt having answered.
std::optional<model::upstream_config> upstream_of(const request_context& rc, const reply& rep) {
  auto body = model::parse_upstream_body(rc.body);
  if (!body) {
    rep.send_failure(body.error());
    return std::nullopt;
  }
  if (auto ok = check_upstream(*rc.api, body->id, body->pd); !ok) {
    rep.send_failure(ok.error());
    return std::nullopt;
  }
  return std::move(*body);
}

void tso(request_context& rc, const reply& rep) {
  if (!upstream_of(rc, rep))
    return;
  call_upstream<actors::upstream_times>(
    rc, rep,
    [rep](const actors::upstream_times& pd) {
      rep.send_json(boost::json::object{{"timestamp", model::tso_physical_ms(pd.tso)},
                                        {"logic_time", model::tso_logical(pd.tso)}});
    },
    atom::tso_v);
}

/// Drops TiCDC's service GC safepoint; the owner sets it again as its
/// feeds' checkpoints advance, as TiCDC's does.
void delete_service_gc_safepoint(request_context& rc, const reply& rep) {
  if (!upstream_of(rc, rep))
    return;
  call_api<bool>(rc, rep, [rep](bool) { rep.send_empty(); }, atom::safepoint_v);
}

/// Our upstream writes every transaction's rows at their commit TS and
/// leaves no lock behind, so every region is already free of locks below
/// any TS: the request is checked as TiCDC checks it and has nothing left
/// to resolve.
void resolve_lock(request_context& rc, const reply& rep) {
  auto body = model::parse_resolve_lock_body(rc.body);
  if (!body)
    return rep.send_failure(body.error());
  if (body->region_id == 0 || body->ts == 0)
    return rep.send_failure(model::fail_with(model::api_error::api_invalid_param,
                                             "invalid resolve_lock request: region_id and ts must be non-zero"));
  if (auto ok = check_upstream(*rc.api, 0, body->pd); !ok)
    return rep.send_failure(ok.error());
  rep.send_empty();
}

} // namespace

void set_upstream_routes(router& r) {
  using boost::beast::http::verb;
  r.add(verb::post, "/api/v2/tso", tso);
  r.add(verb::delete_, "/api/v2/unsafe/service_gc_safepoint", authenticated(delete_service_gc_safepoint));
  r.add(verb::post, "/api/v2/unsafe/resolve_lock", authenticated(resolve_lock));
}

} // namespace cdc::http
