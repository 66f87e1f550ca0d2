// TiCDC's default replica config (spec/reference.md 6.2) and the constants
// its validation uses, from pkg/config and pkg/redo.
#pragma once

#include <chrono>
#include <cstdint>

#include "model/config/replica_config.hpp"

namespace cdc::model::config {

using namespace std::chrono_literals;

// -- top level ----------------------------------------------------------------
inline constexpr std::uint64_t default_memory_quota = 1024ULL * 1024 * 1024;  // 1 GiB
inline constexpr duration default_sync_point_interval = 10min;
inline constexpr duration default_sync_point_retention = 24h;
inline constexpr duration min_sync_point_interval = 30s;
inline constexpr duration min_sync_point_retention = 1h;
inline constexpr duration default_changefeed_error_stuck_duration = 30min;
inline constexpr duration min_changefeed_error_stuck_duration = 30min;

// -- mounter, scheduler, synced_status ----------------------------------------
inline constexpr std::int64_t default_mounter_worker_num = 16;
inline constexpr std::int64_t default_region_threshold = 100'000;
inline constexpr std::int64_t default_synced_check_interval = 300;  // seconds
inline constexpr std::int64_t default_checkpoint_interval = 15;     // seconds

// -- sink -----------------------------------------------------------------------
inline constexpr std::int64_t default_encoder_concurrency = 32;
inline constexpr std::string_view default_terminator = "\r\n";
inline constexpr std::string_view default_date_separator = "day";
inline constexpr std::uint64_t default_advance_timeout = 150;  // seconds
inline constexpr std::int64_t min_file_index_width = 6;
inline constexpr std::int64_t max_file_index_width = 20;
inline constexpr std::int64_t default_file_index_width = max_file_index_width;
inline constexpr std::int64_t default_send_bootstrap_interval_in_sec = 120;
inline constexpr std::int32_t default_send_bootstrap_in_msg_count = 10'000;

// -- consistent (redo) ----------------------------------------------------------
inline constexpr std::int64_t default_redo_max_log_size = 64;            // MiB
inline constexpr std::int64_t default_redo_flush_interval = 2000;        // ms
inline constexpr std::int64_t default_redo_meta_flush_interval = 200;    // ms
inline constexpr std::int64_t min_redo_flush_interval = 50;              // ms
inline constexpr std::int64_t default_redo_encoding_worker_num = 16;
inline constexpr std::int64_t default_redo_flush_worker_num = 8;
inline constexpr std::uint64_t default_redo_memory_quota_percentage = 50;

// -- the defaults of each part --------------------------------------------------
filter_config default_filter_config();
mounter_config default_mounter_config();
csv_config default_csv_config();
sink_config default_sink_config();
consistent_config default_consistent_config();
scheduler_config default_scheduler_config();
integrity_config default_integrity_config();
synced_status_config default_synced_status_config();

/// The whole default, equal to spec/reference.md 6.2 when serialised.
replica_config default_replica_config();

} // namespace cdc::model::config
