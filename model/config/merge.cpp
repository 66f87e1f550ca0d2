#include "model/config/merge.hpp"

#include "model/config/defaults.hpp"

namespace cdc::model::config {

namespace {

template <class T, class Make>
void default_if_absent(std::optional<T>& member, Make make) {
  if (!member)
    member = make();
}

} // namespace

result<replica_config> merge_onto(replica_config base, const boost::json::object& patch,
                                  std::string_view path) {
  json::path at{path};
  if (auto st = read_into(base, patch, at); !st)
    return st.error();
  return base;
}

replica_config to_internal(replica_config api) {
  default_if_absent(api.sync_point_interval, [] { return default_sync_point_interval; });
  default_if_absent(api.sync_point_retention, [] { return default_sync_point_retention; });
  default_if_absent(api.filter, default_filter_config);
  default_if_absent(api.mounter, default_mounter_config);
  default_if_absent(api.sink, default_sink_config);
  default_if_absent(api.consistent, default_consistent_config);
  default_if_absent(api.scheduler, default_scheduler_config);
  default_if_absent(api.integrity, default_integrity_config);
  default_if_absent(api.changefeed_error_stuck_duration,
                    [] { return default_changefeed_error_stuck_duration; });
  default_if_absent(api.synced_status, default_synced_status_config);
  api.sql_mode.clear();
  return api;
}

result<replica_config> create_replica_config(const boost::json::object& patch, std::string_view path) {
  auto merged = merge_onto(default_replica_config(), patch, path);
  if (!merged)
    return merged.error();
  return to_internal(std::move(*merged));
}

result<replica_config> update_replica_config(const boost::json::object& patch, std::string_view path) {
  auto decoded = merge_onto(replica_config{}, patch, path);
  if (!decoded)
    return decoded.error();
  return to_internal(std::move(*decoded));
}

} // namespace cdc::model::config
