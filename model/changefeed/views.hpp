// What the changefeed and processor endpoints answer, with their JSON
// encodings (TiCDC's ChangeFeedInfo, ChangefeedCommonInfo, RunningError,
// ProcessorCommonInfo, ProcessorDetail; spec/reference.md 3.3-3.7).
// Views own their data so actors can send them; encoding only reads them.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "model/changefeed/state.hpp"
#include "model/config/replica_config.hpp"
#include "model/tso.hpp"

namespace cdc::model {

/// An error recorded by the owner or a processor while a changefeed ran.
struct running_error {
  std::optional<std::chrono::system_clock::time_point> time;  ///< RFC 3339 when written
  std::string addr;     ///< the capture that saw it
  std::string code;     ///< e.g. "CDC:ErrGCTTLExceeded"
  std::string message;

  friend bool operator==(const running_error&, const running_error&) = default;
};

/// One task_status entry: the tables a capture replicates for the changefeed.
struct capture_task_status {
  std::string capture_id;
  std::vector<std::int64_t> table_ids;

  friend bool operator==(const capture_task_status&, const capture_task_status&) = default;
};

/// GET/POST/PUT changefeed answer. Keys in TiCDC's order; start_ts,
/// target_ts, admin_job_type, resolved_ts and checkpoint_ts are always written
/// (also when 0) because users' tools read them; `error` is null or
/// {addr, code, message}; create_time is a Go time.Time's JSON (RFC 3339
/// with nanoseconds and the zone, so TiCDC's Go client decodes it) and
/// checkpoint_time "YYYY-MM-DD HH:MM:SS.mmm" in local time (spec/api.md); `config` is shared
/// so building a view does not copy the config; task_status is written only
/// when set (TiCDC shows it for normal feeds only).
struct changefeed_detail {
  std::uint64_t upstream_id = 0;
  std::string namespace_;
  std::string id;
  std::string sink_uri;  ///< already masked by the caller
  std::chrono::system_clock::time_point create_time{};
  tso_t start_ts = 0;
  tso_t target_ts = 0;
  admin_job admin_job_type = admin_job::none;
  std::shared_ptr<const config::replica_config> config;  ///< omitted when null
  feed_state state = feed_state::normal;
  std::optional<running_error> error;
  std::string creator_version;
  tso_t resolved_ts = 0;
  tso_t checkpoint_ts = 0;
  std::optional<std::vector<capture_task_status>> task_status;
};

/// One item of GET /changefeeds: every key always present, `error` null or
/// {time?, addr, code, message}.
struct changefeed_list_item {
  std::uint64_t upstream_id = 0;
  std::string namespace_;
  std::string id;
  feed_state state = feed_state::normal;
  tso_t checkpoint_tso = 0;
  std::optional<running_error> error;
};

/// One item of GET /processors.
struct processor_item {
  std::string namespace_;
  std::string changefeed_id;
  std::string capture_id;

  friend bool operator==(const processor_item&, const processor_item&) = default;
};

/// GET /processors/{changefeed_id}/{capture_id}; table_ids is always an array.
struct processor_detail {
  std::vector<std::int64_t> table_ids;

  friend bool operator==(const processor_detail&, const processor_detail&) = default;
};

/// {time?, addr, code, message}; time omitted when unknown.
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const running_error& x);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const capture_task_status& x);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const changefeed_detail& x);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const changefeed_list_item& x);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const processor_item& x);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const processor_detail& x);

/// GET /processors' body, {"total":N,"items":[...]}, written straight into
/// a string (the same bytes as serializing list_response_of(items); with
/// 10,000 feeds a JSON tree of it cost more than gathering it).
std::string processor_list_text(const std::vector<processor_item>& items);

} // namespace cdc::model
