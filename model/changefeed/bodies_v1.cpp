#include "model/changefeed/bodies_v1.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

#include "model/config/internal_keys.hpp"
#include "model/json/body.hpp"
#include "model/json/fields.hpp"

namespace cdc::model {

namespace {

using json::fld;

struct v1_body {
  std::string namespace_;
  std::string changefeed_id;
  tso_t start_ts = 0;
  tso_t target_ts = 0;
  std::string sink_uri;
  std::string timezone;
  bool force_replicate = false;
  bool ignore_ineligible_table = false;
  std::optional<std::vector<std::string>> filter_rules;
  std::optional<std::vector<std::uint64_t>> ignore_txn_start_ts;
  std::int64_t mounter_worker_num = 0;
};

constexpr auto v1_fields = std::tuple{
  fld("namespace", &v1_body::namespace_),
  fld("changefeed_id", &v1_body::changefeed_id),
  fld("start_ts", &v1_body::start_ts),
  fld("target_ts", &v1_body::target_ts),
  fld("sink_uri", &v1_body::sink_uri),
  fld("timezone", &v1_body::timezone),
  fld("force_replicate", &v1_body::force_replicate),
  fld("ignore_ineligible_table", &v1_body::ignore_ineligible_table),
  fld("filter_rules", &v1_body::filter_rules),
  fld("ignore_txn_start_ts", &v1_body::ignore_txn_start_ts),
  fld("mounter_worker_num", &v1_body::mounter_worker_num),
};

struct decoded {
  v1_body body;
  /// sink_config in the API's keys, when the body has one (not null).
  std::optional<boost::json::value> sink;
};

result<decoded> decode(std::string_view text) {
  auto obj = json::parse_object(text);
  if (!obj)
    return obj.error();
  decoded out;
  if (auto st = json::decode_fields(out.body, *obj, json::path{}, v1_fields); !st)
    return st.error();
  if (const auto* sink = json::find_key(*obj, "sink_config"); sink && !sink->is_null())
    out.sink = config::api_keys_of(*sink, "sink");
  return out;
}

/// Sets in the API-form `cfg` what the v1 body carries.
void apply(const decoded& d, boost::json::object& cfg) {
  auto& filter = cfg["filter"];
  if (!filter.is_object())
    filter = boost::json::object{};
  if (d.body.filter_rules)
    filter.as_object()["rules"] = boost::json::value_from(*d.body.filter_rules);
  if (d.body.ignore_txn_start_ts)
    filter.as_object()["ignore_txn_start_ts"] = boost::json::value_from(*d.body.ignore_txn_start_ts);
  if (d.body.mounter_worker_num > 0)
    cfg["mounter"] = boost::json::object{{"worker_num", d.body.mounter_worker_num}};
  if (d.sink)
    cfg["sink"] = *d.sink;
}

} // namespace

result<changefeed_config> parse_v1_create_body(std::string_view text) {
  auto d = decode(text);
  if (!d)
    return d.error();
  boost::json::object cfg{{"force_replicate", d->body.force_replicate},
                          {"ignore_ineligible_table", d->body.ignore_ineligible_table}};
  apply(*d, cfg);
  boost::json::object v2{{"namespace", d->body.namespace_},     {"changefeed_id", d->body.changefeed_id},
                         {"start_ts", d->body.start_ts},         {"target_ts", d->body.target_ts},
                         {"sink_uri", d->body.sink_uri},         {"replica_config", std::move(cfg)}};
  return parse_create_body(boost::json::serialize(v2));
}

result<changefeed_update> parse_v1_update_body(std::string_view text, const config::replica_config& current) {
  auto d = decode(text);
  if (!d)
    return d.error();
  boost::json::object v2;
  if (d->body.target_ts != 0)
    v2["target_ts"] = d->body.target_ts;
  if (!d->body.sink_uri.empty())
    v2["sink_uri"] = d->body.sink_uri;
  if (d->body.filter_rules || d->body.ignore_txn_start_ts || d->body.mounter_worker_num > 0 || d->sink) {
    auto cfg = boost::json::value_from(current);
    apply(*d, cfg.as_object());
    v2["replica_config"] = std::move(cfg);
  }
  return parse_update_body(boost::json::serialize(v2));
}

} // namespace cdc::model
