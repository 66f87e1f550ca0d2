// POST /changefeeds checks; see create_rules.hpp.
#include "model/changefeed/create_rules.hpp"

#include <algorithm>
#include <cctype>

#include "model/changefeed/table_rules.hpp"
#include "model/config/defaults.hpp"
#include "model/ids.hpp"

namespace cdc::model {

namespace {

std::string normalized_address(std::string_view addr) {
  for (std::string_view scheme : {"http://", "https://"})
    if (addr.size() >= scheme.size()
        && std::equal(scheme.begin(), scheme.end(), addr.begin(),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); })) {
      addr.remove_prefix(scheme.size());
      break;
    }
  while (!addr.empty() && addr.back() == '/')
    addr.remove_suffix(1);
  std::string out{addr};
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string go_list(std::span<const std::string> xs) {
  std::string out = "[";
  for (std::size_t i = 0; i < xs.size(); ++i)
    out += (i > 0 ? " " : "") + xs[i];
  return out + "]";
}

result<void> check_timestamps(tso_t& start_ts, tso_t target_ts, const create_context& ctx) {
  if (start_ts == 0)
    start_ts = ctx.current_tso;
  if (start_ts > ctx.current_tso)
    return fail_with(api_error::api_invalid_param, "invalid start-ts " + std::to_string(start_ts)
                                                     + ", larger than current tso "
                                                     + std::to_string(ctx.current_tso));
  if (start_ts <= ctx.gc_safepoint)
    return fail(api_error::start_ts_before_gc, {std::to_string(start_ts), std::to_string(ctx.gc_safepoint)});
  if (target_ts > 0 && target_ts <= start_ts)
    return fail(api_error::target_ts_before_start_ts, {std::to_string(target_ts), std::to_string(start_ts)});
  return {};
}

} // namespace

result<void> check_pd_addrs(const pd_config& pd, std::span<const std::string> ours) {
  for (const auto& addr : pd.pd_addrs) {
    auto norm = normalized_address(addr);
    bool known = std::any_of(ours.begin(), ours.end(),
                             [&](const std::string& o) { return normalized_address(o) == norm; });
    if (!known)
      return fail_with(api_error::api_get_pd_client_failed,
                       "failed to get PDClient to connect PD, please recheck: pd_addrs "
                         + go_list(pd.pd_addrs) + " do not name this server's upstream, whose PD is at "
                         + go_list(ours) + " (a server has exactly one upstream)");
  }
  return {};
}

result<created_changefeed> check_create(changefeed_config body, const create_context& ctx) {
  if (auto ok = check_pd_addrs(body.pd, ctx.upstream_pd_addrs); !ok)
    return ok.error();
  if (body.sink_uri.empty())
    return fail(api_error::sink_uri_invalid, {"sink_uri is empty, cannot create a changefeed without sink_uri"});
  if (body.changefeed_id.empty())
    body.changefeed_id = make_uuid_v4(ctx.random_hi, ctx.random_lo);
  if (auto ok = check_id("changefeed_id", body.changefeed_id); !ok)
    return ok.error();
  if (body.namespace_.empty())
    body.namespace_ = std::string{default_namespace};
  if (auto ok = check_id("namespace", body.namespace_); !ok)
    return ok.error();
  changefeed_key key{body.namespace_, body.changefeed_id};
  if (ctx.exists && ctx.exists(key))
    return fail(api_error::changefeed_already_exists, {key.id});
  if (auto ok = check_timestamps(body.start_ts, body.target_ts, ctx); !ok)
    return ok.error();

  auto cfg = std::move(body.replica_config);
  auto uri = sink::parse_sink_uri(body.sink_uri);
  if (!uri)
    return uri.error();
  if (auto st = adjust_to_sink(cfg, *uri); !st)
    return st.error();
  auto selection = select_catalog_tables(cfg, ctx.tables);
  if (!selection)
    return selection.error();
  if (auto ok = verify_mq_dispatch(cfg, *uri, selection->matched); !ok)
    return ok.error();
  if (auto ok = check_ineligible(cfg, *selection); !ok)
    return ok.error();
  auto params = validate_sink_target(cfg, *uri);
  if (!params)
    return params.error();

  created_changefeed out;
  auto& info = out.info;
  info.key = std::move(key);
  info.upstream_id = ctx.upstream_id;
  info.sink_uri = std::move(body.sink_uri);
  info.create_time = ctx.now;
  info.start_ts = body.start_ts;
  info.target_ts = body.target_ts;
  info.config = std::make_shared<const config::replica_config>(std::move(cfg));
  info.state = feed_state::normal;
  info.creator_version = ctx.creator_version;
  // TiCDC stamps a new feed with a TSO-based epoch: a feed created again under
  // the same ID never shares its predecessor's epoch.
  info.epoch = std::max<std::uint64_t>(ctx.current_tso, 1);
  out.table_ids = std::move(selection->table_ids);
  out.sink = validated_sink{std::move(*uri), std::move(*params)};
  return out;
}

result<std::vector<std::int64_t>> select_tables(const changefeed_info& info,
                                                std::span<const upstream::catalog_table> tables) {
  auto selection = info.config ? select_catalog_tables(*info.config, tables)
                               : select_catalog_tables(config::default_replica_config(), tables);
  if (!selection)
    return selection.error();
  return std::move(selection->table_ids);
}

} // namespace cdc::model
