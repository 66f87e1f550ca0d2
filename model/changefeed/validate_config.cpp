// ReplicaConfig.ValidateAndAdjust and the sink validator; see validate_config.hpp.
#include "model/changefeed/validate_config.hpp"

#include "model/changefeed/sink_view.hpp"
#include "model/config/defaults.hpp"
#include "model/config/validate_consistent.hpp"
#include "model/config/validate_replica.hpp"
#include "model/sink/mask.hpp"
#include "model/sink/validate.hpp"

namespace cdc::model {

namespace {

// TiCDC's isSinkCompatibleWithSpanReplication: splitting a table across
// captures is only safe where row order per key does not matter downstream.
bool supports_span_replication(std::string_view scheme) {
  return scheme.find("kafka") != std::string_view::npos || scheme.find("blackhole") != std::string_view::npos;
}

json::status adjust_scheduler(config::replica_config& cfg, const sink::sink_uri& uri) {
  if (!cfg.scheduler)
    cfg.scheduler = config::default_scheduler_config();
  else if (auto st = config::validate_scheduler(*cfg.scheduler); !st)
    return st;
  if (!supports_span_replication(uri.scheme))
    cfg.scheduler->enable_table_across_nodes = false;
  return {};
}

json::status adjust_integrity(config::replica_config& cfg, const sink::sink_uri& uri) {
  if (!cfg.integrity)
    return {};
  auto& integrity = *cfg.integrity;
  // Checksums are only carried by Kafka messages: TiCDC silently turns them off elsewhere.
  if (uri.kind != sink::scheme_class::kafka && integrity.integrity_check_level == "correctness")
    integrity.integrity_check_level = "none";
  if (auto st = config::validate_integrity(integrity); !st)
    return st;
  if (integrity.integrity_check_level == "correctness" && cfg.sink && !cfg.sink->column_selectors.empty())
    return fail_with(api_error::invalid_replica_config,
                     "integrity check enabled and column selector set, not allowed");
  return {};
}

} // namespace

json::status adjust_to_sink(config::replica_config& cfg, const sink::sink_uri& uri) {
  if (cfg.sink)
    if (auto st = adjust_sink_section(*cfg.sink, uri); !st)
      return st;
  if (cfg.consistent)
    if (auto st = config::validate_and_adjust_consistent(*cfg.consistent); !st)
      return st;
  if (auto st = config::validate_sync_point(cfg); !st)
    return st;
  config::adjust_memory_quota(cfg);
  if (auto st = adjust_scheduler(cfg, uri); !st)
    return st;
  if (auto st = adjust_integrity(cfg, uri); !st)
    return st;
  return config::validate_changefeed_error_stuck_duration(cfg.changefeed_error_stuck_duration);
}

result<sink::sink_params> validate_sink_target(const config::replica_config& cfg, const sink::sink_uri& uri) {
  const bool db = uri.kind == sink::scheme_class::mysql;
  if (cfg.enable_sync_point.value_or(false) && !db)
    return fail_with(api_error::sink_uri_invalid,
                     "sink uri scheme is not supported with syncpoint enabled sink uri: "
                       + sink::mask_for_message(uri.raw));
  // TiCDC then asks the downstream whether it supports BDR; we cannot, so a
  // MySQL-compatible scheme is all we check.
  if (cfg.bdr_mode.value_or(false) && !db)
    return fail_with(api_error::sink_uri_invalid,
                     "sink uri scheme is not supported in BDR mode, sink uri: " + sink::mask_for_display(uri.raw));
  return sink::validate_sink(uri, make_sink_view(cfg, uri.kind));
}

result<validated_sink> validate_and_adjust(config::replica_config& cfg, std::string_view sink_uri) {
  auto uri = sink::parse_sink_uri(sink_uri);
  if (!uri)
    return uri.error();
  if (auto st = adjust_to_sink(cfg, *uri); !st)
    return st.error();
  auto params = validate_sink_target(cfg, *uri);
  if (!params)
    return params.error();
  return validated_sink{std::move(*uri), std::move(*params)};
}

} // namespace cdc::model
