#include "model/config/replica_config.hpp"

#include "model/json/fields.hpp"

namespace cdc::model::config {

namespace {

using json::emit;
using json::fld;
constexpr auto opt = emit::omit_empty;

// Order and tags of TiCDC's API ReplicaConfig (spec/reference.md 6.2).
constexpr auto fields = std::tuple{
  fld("memory_quota", &replica_config::memory_quota),
  fld("case_sensitive", &replica_config::case_sensitive),
  fld("force_replicate", &replica_config::force_replicate),
  fld("ignore_ineligible_table", &replica_config::ignore_ineligible_table),
  fld("check_gc_safe_point", &replica_config::check_gc_safe_point),
  fld("enable_sync_point", &replica_config::enable_sync_point, opt),
  fld("enable_table_monitor", &replica_config::enable_table_monitor, opt),
  fld("bdr_mode", &replica_config::bdr_mode, opt),
  fld("sync_point_interval", &replica_config::sync_point_interval, opt),
  fld("sync_point_retention", &replica_config::sync_point_retention, opt),
  fld("filter", &replica_config::filter),
  fld("mounter", &replica_config::mounter),
  fld("sink", &replica_config::sink),
  fld("consistent", &replica_config::consistent, opt),
  fld("scheduler", &replica_config::scheduler),
  fld("integrity", &replica_config::integrity),
  fld("changefeed_error_stuck_duration", &replica_config::changefeed_error_stuck_duration, opt),
  fld("sql_mode", &replica_config::sql_mode, opt),
  fld("synced_status", &replica_config::synced_status, opt),
};

} // namespace

status read_into(replica_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, fields);
}

status read_into(replica_config& x, const boost::json::object& obj, const json::path& at) {
  return json::decode_fields(x, obj, at, fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const replica_config& x) {
  json::encode_into(jv, x, fields);
}

} // namespace cdc::model::config
