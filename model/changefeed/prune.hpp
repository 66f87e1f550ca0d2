// What GET, list and create/update answers show of a stored changefeed: the
// config pruned of fields its sink does not use (reference 6.5), secrets in
// the config and the sink URI masked (api.md "Where we go beyond TiCDC").
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "model/changefeed/info.hpp"
#include "model/changefeed/views.hpp"
#include "model/sink/sink_uri.hpp"

namespace cdc::model {

/// The replacement for a secret value in a shown config (TiCDC's).
inline constexpr std::string_view masked_secret = "******";

/// What TiCDC fills from the defaults when it loads a stored config: absent
/// filter, mounter, sink, consistent, scheduler, integrity,
/// changefeed_error_stuck_duration and synced_status.
void fill_missing_parts(config::replica_config& cfg);

/// TiCDC's RmUnusedFields for a sink class: blackhole keeps everything;
/// non-MQ sinks lose the MQ-only fields, MQ sinks the schema registry unless
/// the protocol is "avro"; non-storage sinks lose the storage-only fields;
/// non-MySQL sinks the DB-only fields (sync point, BDR, consistent,
/// safe_mode, mysql_config); MySQL sinks lose protocol and terminator.
void prune_for_scheme(config::replica_config& cfg, sink::scheme_class kind);

/// prune_for_scheme for the class of `sink_uri`; an unparsable URI prunes
/// nothing (TiCDC only logs it).
void prune_for_sink(config::replica_config& cfg, std::string_view sink_uri);

/// Secret values become "******" (Kafka SASL password, OAuth client secret
/// and GSSAPI password; Glue secret access key and token; Pulsar token,
/// basic password and OAuth2 private key) and URIs in the config are masked
/// as sink URIs are (schema registry, OAuth token URL, claim-check storage,
/// redo storage). Absent or empty values stay so. True when anything changed.
bool mask_config_secrets(config::replica_config& cfg);

struct detail_options {
  /// GET and list prune (the owner loaded the feed); the create answer shows
  /// the full validated config, as TiCDC does.
  bool prune = true;
  /// Shown for a normal feed: the tables each capture replicates.
  std::optional<std::vector<capture_task_status>> task_status;
};

/// The changefeed detail: sink URI masked for display, the config filled,
/// pruned (per options) and secret-masked, admin_job_type from the state,
/// the error only where error_shown(state), checkpoint and resolved TS from
/// `progress`. Shares the stored config when nothing needs changing.
changefeed_detail make_detail(const changefeed_info& info, const changefeed_progress& progress,
                              const detail_options& options = {});

/// One list item, with the same error rule.
changefeed_list_item make_list_item(const changefeed_info& info, const changefeed_progress& progress);

} // namespace cdc::model
