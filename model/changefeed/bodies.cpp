#include "model/changefeed/bodies.hpp"

#include "model/config/defaults.hpp"
#include "model/config/merge.hpp"
#include "model/json/body.hpp"
#include "model/json/fields.hpp"

namespace cdc::model {

namespace {

using json::emit;
using json::fld;

constexpr auto pd_fields = std::tuple{
  fld("pd_addrs", &pd_config::pd_addrs, emit::omit_empty),
  fld("ca_path", &pd_config::ca_path),
  fld("cert_path", &pd_config::cert_path),
  fld("key_path", &pd_config::key_path),
  fld("cert_allowed_cn", &pd_config::cert_allowed_cn, emit::omit_empty),
};

constexpr auto create_fields = std::tuple{
  fld("namespace", &changefeed_config::namespace_),
  fld("changefeed_id", &changefeed_config::changefeed_id),
  fld("start_ts", &changefeed_config::start_ts),
  fld("target_ts", &changefeed_config::target_ts),
  fld("sink_uri", &changefeed_config::sink_uri),
  fld("replica_config", &changefeed_config::replica_config),
};

// The update body as decoded, before the replica config is converted; the
// ignored keys are still decoded so a wrong type is reported as TiCDC does.
struct update_body {
  std::string namespace_;
  std::string changefeed_id;
  tso_t start_ts = 0;
  tso_t target_ts = 0;
  std::string sink_uri;
  std::optional<config::replica_config> replica_config;
};

constexpr auto update_fields = std::tuple{
  fld("namespace", &update_body::namespace_),
  fld("changefeed_id", &update_body::changefeed_id),
  fld("start_ts", &update_body::start_ts),
  fld("target_ts", &update_body::target_ts),
  fld("sink_uri", &update_body::sink_uri),
  fld("replica_config", &update_body::replica_config),
};

constexpr auto resume_fields = std::tuple{
  fld("overwrite_checkpoint_ts", &resume_config::overwrite_checkpoint_ts),
};

constexpr auto upstream_fields = std::tuple{
  fld("id", &upstream_config::id),
};

constexpr auto resolve_lock_fields = std::tuple{
  fld("region_id", &resolve_lock_request::region_id),
  fld("ts", &resolve_lock_request::ts),
};

constexpr auto log_fields = std::tuple{
  fld("log_level", &log_level_request::log_level),
};

json::status read_pd(pd_config& pd, const boost::json::object& obj) {
  return json::decode_fields(pd, obj, json::path{}, pd_fields);
}

bool has(const boost::json::object& obj, std::string_view key) {
  return json::find_key(obj, key) != nullptr;
}

update_keys keys_of(const boost::json::object& obj) {
  update_keys k;
  k.namespace_ = has(obj, "namespace");
  k.changefeed_id = has(obj, "changefeed_id");
  k.start_ts = has(obj, "start_ts");
  k.target_ts = has(obj, "target_ts");
  k.sink_uri = has(obj, "sink_uri");
  k.replica_config = has(obj, "replica_config");
  k.pd_addrs = has(obj, "pd_addrs");
  k.ca_path = has(obj, "ca_path");
  k.cert_path = has(obj, "cert_path");
  k.key_path = has(obj, "key_path");
  k.cert_allowed_cn = has(obj, "cert_allowed_cn");
  return k;
}

} // namespace

result<changefeed_config> parse_create_body(std::string_view body) {
  auto obj = json::parse_object(body);
  if (!obj)
    return obj.error();
  changefeed_config out;
  out.replica_config = config::default_replica_config();
  if (auto st = json::decode_fields(out, *obj, json::path{}, create_fields); !st)
    return st.error();
  if (auto st = read_pd(out.pd, *obj); !st)
    return st.error();
  out.replica_config = config::to_internal(std::move(out.replica_config));
  return out;
}

result<changefeed_update> parse_update_body(std::string_view body) {
  auto obj = json::parse_object(body);
  if (!obj)
    return obj.error();
  update_body decoded;
  if (auto st = json::decode_fields(decoded, *obj, json::path{}, update_fields); !st)
    return st.error();
  changefeed_update out;
  if (auto st = read_pd(out.pd, *obj); !st)
    return st.error();
  out.target_ts = decoded.target_ts;
  out.sink_uri = std::move(decoded.sink_uri);
  if (decoded.replica_config)
    out.replica_config = config::to_internal(std::move(*decoded.replica_config));
  out.present = keys_of(*obj);
  return out;
}


namespace {

/// A body of `fields` with PDConfig's keys beside them.
template <class T, class Fields>
result<T> parse_with_pd(std::string_view body, const Fields& fields) {
  auto obj = json::parse_object(body);
  if (!obj)
    return obj.error();
  T out;
  if (auto st = json::decode_fields(out, *obj, json::path{}, fields); !st)
    return st.error();
  if (auto st = read_pd(out.pd, *obj); !st)
    return st.error();
  return out;
}

} // namespace

result<resume_config> parse_resume_body(std::string_view body) {
  return parse_with_pd<resume_config>(body, resume_fields);
}

result<upstream_config> parse_upstream_body(std::string_view body) {
  return parse_with_pd<upstream_config>(body, upstream_fields);
}

result<resolve_lock_request> parse_resolve_lock_body(std::string_view body) {
  return parse_with_pd<resolve_lock_request>(body, resolve_lock_fields);
}

result<log_level_request> parse_log_level_body(std::string_view body) {
  constexpr std::string_view prefix = "invalid log level: ";
  auto obj = json::parse_object(body, prefix);
  if (!obj)
    return obj.error();
  log_level_request out;
  if (auto st = json::decode_fields(out, *obj, json::path{}, log_fields); !st)
    return json::with_prefix(st.error(), prefix);
  return out;
}

} // namespace cdc::model
