#include "model/config/validate_replica.hpp"

#include "model/config/defaults.hpp"

namespace cdc::model::config {

namespace {

api_failure invalid_config(const std::string& detail) {
  return fail(api_error::invalid_replica_config, {detail});
}

api_failure bad_level(std::string_view key, const std::string& value, std::string_view allowed) {
  return invalid_config("integrity." + std::string(key) + " must be " + std::string(allowed) + ", got '"
                        + value + "'");
}

} // namespace

json::status validate_sync_point(const replica_config& c) {
  if (!c.enable_sync_point.value_or(false))
    return {};
  if (c.sync_point_interval && *c.sync_point_interval < min_sync_point_interval)
    return invalid_config("The SyncPointInterval:" + format_go_duration(*c.sync_point_interval)
                          + " must be larger than " + format_go_duration(min_sync_point_interval));
  if (c.sync_point_retention && *c.sync_point_retention < min_sync_point_retention)
    return invalid_config("The SyncPointRetention:" + format_go_duration(*c.sync_point_retention)
                          + " must be larger than " + format_go_duration(min_sync_point_retention));
  return {};
}

void adjust_memory_quota(replica_config& c) noexcept {
  if (c.memory_quota == 0)
    c.memory_quota = default_memory_quota;
}

json::status validate_scheduler(const scheduler_config& s) {
  if (!s.enable_table_across_nodes)
    return {};
  if (s.region_threshold < 0)
    return fail_with(api_error::invalid_replica_config, "region-threshold must be larger than 0");
  if (s.write_key_threshold < 0)
    return fail_with(api_error::invalid_replica_config, "write-key-threshold must be larger than 0");
  return {};
}

json::status validate_integrity(const integrity_config& i) {
  if (i.integrity_check_level != "none" && i.integrity_check_level != "correctness")
    return bad_level("integrity_check_level", i.integrity_check_level, "none or correctness");
  if (i.corruption_handle_level != "warn" && i.corruption_handle_level != "error")
    return bad_level("corruption_handle_level", i.corruption_handle_level, "warn or error");
  return {};
}

json::status validate_changefeed_error_stuck_duration(std::optional<duration> d) {
  if (!d || *d >= min_changefeed_error_stuck_duration)
    return {};
  return invalid_config("The ChangefeedErrorStuckDuration:" + format_seconds_f(*d) + " must be larger than "
                        + format_seconds_f(min_changefeed_error_stuck_duration) + " Seconds");
}

} // namespace cdc::model::config
