// Request bodies of the changefeed endpoints (create, update, resume) and of
// POST /log, decoded strictly from the raw body text (TiCDC's
// ChangefeedConfig, ResumeChangefeedConfig, PDConfig, LogLevelReq).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/config/replica_config.hpp"
#include "model/result.hpp"
#include "model/tso.hpp"

namespace cdc::model {

/// TiCDC's PDConfig: an upstream to connect to instead of the default one.
/// Its keys sit at the top level of the body that carries it.
struct pd_config {
  std::vector<std::string> pd_addrs;
  std::string ca_path;
  std::string cert_path;
  std::string key_path;
  std::vector<std::string> cert_allowed_cn;

  friend bool operator==(const pd_config&, const pd_config&) = default;
};

/// POST /changefeeds. `replica_config` is already the full config: the
/// defaults with the body's replica_config merged on top and converted
/// (config::create_replica_config); `"replica_config": null` means defaults.
/// Empty namespace, ID and start_ts (0) are filled in later by the create rules.
struct changefeed_config {
  std::string namespace_;
  std::string changefeed_id;
  tso_t start_ts = 0;
  tso_t target_ts = 0;
  std::string sink_uri;
  config::replica_config replica_config;
  pd_config pd;
};

/// Which keys a PUT body contained (matched as Go matches them, ignoring
/// case), so "nothing changed" can be told from "set to the same value".
struct update_keys {
  bool namespace_ = false;      ///< ignored by update, as in TiCDC
  bool changefeed_id = false;   ///< ignored by update, as in TiCDC
  bool start_ts = false;        ///< ignored by update, as in TiCDC
  bool target_ts = false;
  bool sink_uri = false;
  bool replica_config = false;
  bool pd_addrs = false;
  bool ca_path = false;
  bool cert_path = false;
  bool key_path = false;
  bool cert_allowed_cn = false;

  friend bool operator==(const update_keys&, const update_keys&) = default;
};

/// PUT /changefeeds/{id} (spec/reference.md 2.8). TiCDC applies a field only
/// when it is set: target_ts != 0, sink_uri != "", replica_config present
/// and not null. `replica_config` is then the complete new config
/// (config::update_replica_config: absent parts are defaults, not the old
/// values).
struct changefeed_update {
  tso_t target_ts = 0;
  std::string sink_uri;
  std::optional<config::replica_config> replica_config;
  pd_config pd;
  update_keys present;

  bool sets_target_ts() const noexcept { return target_ts != 0; }
  bool sets_sink_uri() const noexcept { return !sink_uri.empty(); }
  bool sets_replica_config() const noexcept { return replica_config.has_value(); }
  bool sets_upstream() const noexcept { return !pd.pd_addrs.empty(); }
};

/// POST /changefeeds/{id}/resume; overwrite_checkpoint_ts 0 keeps the checkpoint.
struct resume_config {
  tso_t overwrite_checkpoint_ts = 0;
  pd_config pd;
};

/// POST /tso and DELETE /unsafe/service_gc_safepoint (TiCDC's
/// UpstreamConfig): an upstream by its PD cluster ID (0: not set) or by
/// its PD addresses; neither means the default upstream.
struct upstream_config {
  std::uint64_t id = 0;
  pd_config pd;
};

/// POST /unsafe/resolve_lock.
struct resolve_lock_request {
  std::uint64_t region_id = 0;
  tso_t ts = 0;
  pd_config pd;
};

/// POST /log.
struct log_level_request {
  std::string log_level;  ///< "" when absent (zap reads it as info)
};

/// Each parser needs a JSON object body: an empty body is 400
/// ErrAPIInvalidParam "invalid api parameter: EOF", a wrong type names its
/// path ("invalid api parameter: replica_config.sink.csv.delimiter: expected
/// string, got number"), unknown keys are ignored.
result<changefeed_config> parse_create_body(std::string_view body);
result<changefeed_update> parse_update_body(std::string_view body);
result<resume_config> parse_resume_body(std::string_view body);
result<upstream_config> parse_upstream_body(std::string_view body);
result<resolve_lock_request> parse_resolve_lock_body(std::string_view body);

/// Errors here start "invalid log level: ", as TiCDC's do.
result<log_level_request> parse_log_level_body(std::string_view body);

} // namespace cdc::model
