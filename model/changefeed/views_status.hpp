// GET /api/v2/changefeeds/{id}/status and /synced: a changefeed's progress
// as TiCDC's ChangefeedStatus and SyncedStatus show it.
#pragma once

#include <optional>
#include <string>

#include <boost/json/value.hpp>

#include "model/changefeed/info.hpp"
#include "model/config/synced_status_config.hpp"

namespace cdc::model {

/// {state, resolved_ts, checkpoint_ts, last_error?}: the error only when it
/// happened after the checkpoint's wall time (an error the feed has since
/// moved past is history, as TiCDC decides).
boost::json::value status_json(const changefeed_info& info, const changefeed_progress& progress);

struct synced_status {
  bool synced = false;
  tso_t sink_checkpoint_ts = 0;
  tso_t puller_resolved_ts = 0;
  tso_t last_synced_ts = 0;
  std::int64_t now_ms = 0; ///< PD's physical time
  std::string info;
};

/// TiCDC's synced decision (reference 9.4) at PD time `now_ms`: synced once
/// nothing was written for synced_check_interval and the checkpoint is
/// within checkpoint_interval of now. Both intervals fall back to 300 s
/// and 15 s unless both are set.
synced_status decide_synced(const changefeed_progress& progress,
                            const std::optional<config::synced_status_config>& intervals, std::int64_t now_ms);

/// {synced, sink_checkpoint_ts, puller_resolved_ts, last_synced_ts, now_ts,
/// info}: the four times as "YYYY-MM-DD HH:MM:SS.mmm" local time, now_ts
/// truncated to the second, as TiCDC writes them.
boost::json::value to_json(const synced_status& s);

} // namespace cdc::model
