// PUT /changefeeds/{id} checks; see update_rules.hpp.
#include "model/changefeed/update_rules.hpp"

#include "model/changefeed/create_rules.hpp"
#include "model/changefeed/state_machine.hpp"
#include "model/changefeed/table_rules.hpp"
#include "model/changefeed/validate_config.hpp"

namespace cdc::model {

api_failure update_refused(const api_failure& cause) {
  return fail(api_error::changefeed_update_refused, {full_message(cause)});
}

namespace {

// TiCDC's applyParameterBySinkURI conflicts: "key=value" pairs of the URI and
// of the config that disagree (atomicity first, as TiCDC inserts them).
struct conflicts {
  std::string in_uri, in_config;
  bool any() const { return !in_uri.empty(); }
  void add(std::string_view key, std::string_view uri_value, std::string_view config_value) {
    auto sep = in_uri.empty() ? "" : ", ";
    in_uri += sep + std::string{key} + "=" + std::string{uri_value};
    in_config += sep + std::string{key} + "=" + std::string{config_value};
  }
};

conflicts conflicts_with_uri(const config::replica_config& cfg, const sink::sink_uri& uri) {
  conflicts out;
  if (!cfg.sink)
    return out;
  auto atomicity = uri.param_or_empty("transaction-atomicity");
  const auto& cfg_atomicity = cfg.sink->transaction_atomicity;
  if (!atomicity.empty() && cfg_atomicity && !cfg_atomicity->empty() && *cfg_atomicity != atomicity)
    out.add("transaction-atomicity", atomicity, *cfg_atomicity);
  auto protocol = uri.param_or_empty("protocol");
  const auto& cfg_protocol = cfg.sink->protocol;
  if (!protocol.empty() && cfg_protocol && *cfg_protocol != protocol)
    out.add("protocol", protocol, *cfg_protocol);
  return out;
}

// When the config or the URI changed: TiCDC's checks of the new pair.
result<void> verify_changed(config::replica_config& cfg, const config::replica_config& old_cfg,
                            const std::string& sink_uri, const update_context& ctx) {
  auto selection = select_catalog_tables(cfg, ctx.tables);
  if (!selection)
    return update_refused(selection.error());
  auto uri = sink::parse_sink_uri(sink_uri);
  if (!uri)
    return update_refused(uri.error());
  if (auto ok = check_sink_compatibility(cfg, old_cfg, *uri); !ok)
    return ok.error();
  if (auto st = adjust_to_sink(cfg, *uri); !st)
    return update_refused(st.error());
  if (auto ok = verify_mq_dispatch(cfg, *uri, selection->matched); !ok)
    return update_refused(ok.error());
  if (auto ok = check_ineligible(cfg, *selection); !ok)
    return ok.error();
  if (auto params = validate_sink_target(cfg, *uri); !params)
    return update_refused(params.error());
  return {};
}

} // namespace

result<void> check_sink_compatibility(const config::replica_config& updated,
                                      const config::replica_config& old, const sink::sink_uri& uri) {
  auto now = conflicts_with_uri(updated, uri);
  // A URI that already overrode the old config is the user's choice; only a
  // config that starts to disagree with the URI is refused.
  if (!now.any() || conflicts_with_uri(old, uri).any())
    return {};
  return fail(api_error::changefeed_update_refused,
              {"[CDC:ErrIncompatibleSinkConfig]incompatible configuration in sink uri(" + now.in_uri
               + ") and config file(" + now.in_config
               + "), please try to update the configuration only through sink uri"});
}

result<changefeed_info> check_update(const changefeed_info& old, tso_t /*checkpoint_ts*/,
                                     const changefeed_update& body, const update_context& ctx) {
  if (auto t = transition(feed_status{.state = old.state}, feed_event::update{}, old.key.id); !t)
    return t.error();
  if (auto ok = check_pd_addrs(body.pd, ctx.upstream_pd_addrs); !ok)
    return ok.error();
  if (body.sets_target_ts() && body.target_ts <= old.start_ts)
    return fail_with(api_error::changefeed_update_refused,
                     "can not update target_ts:" + std::to_string(body.target_ts)
                       + " less than start_ts:" + std::to_string(old.start_ts));

  changefeed_info next = old;
  if (body.sets_target_ts())
    next.target_ts = body.target_ts;
  if (body.sets_sink_uri())
    next.sink_uri = body.sink_uri;
  if (body.sets_replica_config() || body.sets_sink_uri()) {
    const auto old_cfg = old.config ? *old.config : config::replica_config{};
    auto cfg = body.sets_replica_config() ? *body.replica_config : old_cfg;
    if (auto ok = verify_changed(cfg, old_cfg, next.sink_uri, ctx); !ok)
      return ok.error();
    next.config = std::make_shared<const config::replica_config>(std::move(cfg));
  }

  const bool same_config = next.config == old.config || (next.config && old.config && *next.config == *old.config);
  if (next.target_ts == old.target_ts && next.sink_uri == old.sink_uri && same_config)
    return fail(api_error::changefeed_update_refused,
                {"changefeed config is the same with the old one, do nothing"});
  if (same_config)
    next.config = old.config;  // share, do not hold two copies of one config
  ++next.epoch;
  return next;
}

} // namespace cdc::model
