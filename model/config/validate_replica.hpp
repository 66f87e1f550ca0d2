// Top-level replica config checks of TiCDC's ReplicaConfig.ValidateAndAdjust
// that need no sink URI: sync point, memory quota, scheduler, integrity and
// the error-stuck duration.
#pragma once

#include <optional>

#include "model/config/replica_config.hpp"
#include "model/duration.hpp"
#include "model/result.hpp"

namespace cdc::model::config {

/// With enable_sync_point true: sync_point_interval >= 30s and
/// sync_point_retention >= 1h, else 500 ErrInvalidReplicaConfig
/// "invalid replica config, The SyncPointInterval:10s must be larger than 30s".
json::status validate_sync_point(const replica_config& c);

/// memory_quota 0 means the default 1 GiB.
void adjust_memory_quota(replica_config& c) noexcept;

/// With enable_table_across_nodes: thresholds must not be negative. (TiCDC
/// returns a plain error, i.e. 500 with an empty code; we use
/// ErrInvalidReplicaConfig, also 500, with TiCDC's text.)
json::status validate_scheduler(const scheduler_config& s);

/// integrity_check_level none|correctness, corruption_handle_level warn|error,
/// else 500 ErrInvalidReplicaConfig (TiCDC leaves its %s unfilled; we say
/// which key and value are wrong).
json::status validate_integrity(const integrity_config& i);

/// changefeed_error_stuck_duration >= 30m when set, else 500
/// ErrInvalidReplicaConfig "... The ChangefeedErrorStuckDuration:60.000000
/// must be larger than 1800.000000 Seconds".
json::status validate_changefeed_error_stuck_duration(std::optional<duration> d);

} // namespace cdc::model::config
