// replica_config: a changefeed's configuration exactly as TiCDC's OpenAPI v2
// shows it (cdc/api/v2/model.go ReplicaConfig), with its JSON codecs.
// Default construction gives Go's zero value (what PUT decodes onto);
// default_replica_config() in defaults.hpp gives TiCDC's defaults.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "model/config/codec_decl.hpp"
#include "model/config/consistent_config.hpp"
#include "model/config/filter_config.hpp"
#include "model/config/integrity_config.hpp"
#include "model/config/mounter_config.hpp"
#include "model/config/scheduler_config.hpp"
#include "model/config/sink_config.hpp"
#include "model/config/synced_status_config.hpp"
#include "model/duration.hpp"

namespace cdc::model::config {

struct replica_config {
  std::uint64_t memory_quota = 0;  ///< bytes; 0 means the default (validation fixes it)
  bool case_sensitive = false;
  bool force_replicate = false;
  bool ignore_ineligible_table = false;
  bool check_gc_safe_point = false;
  std::optional<bool> enable_sync_point;
  std::optional<bool> enable_table_monitor;
  std::optional<bool> bdr_mode;
  std::optional<duration> sync_point_interval;   ///< written as integer ns
  std::optional<duration> sync_point_retention;  ///< written as integer ns
  std::optional<filter_config> filter;           ///< null when absent
  std::optional<mounter_config> mounter;         ///< null when absent
  std::optional<sink_config> sink;               ///< null when absent
  std::optional<consistent_config> consistent;   ///< omitted when absent
  std::optional<scheduler_config> scheduler;     ///< null when absent
  std::optional<integrity_config> integrity;     ///< null when absent
  std::optional<duration> changefeed_error_stuck_duration;  ///< omitted when absent
  /// Deprecated and ignored by TiCDC: decoded (so a wrong type is still an
  /// error) but dropped by to_internal(), so it is never shown back.
  std::string sql_mode;
  std::optional<synced_status_config> synced_status;  ///< omitted when absent

  friend bool operator==(const replica_config&, const replica_config&) = default;
};

status read_into(replica_config& x, const boost::json::value& v, const json::path& at);
status read_into(replica_config& x, const boost::json::object& obj, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const replica_config& x);

} // namespace cdc::model::config
