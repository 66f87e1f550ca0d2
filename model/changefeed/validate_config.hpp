// A replica config checked and adjusted against its sink URI, in TiCDC's
// order (reference 6.4: ReplicaConfig.ValidateAndAdjust), and the sink checks
// TiCDC's validator runs before it instantiates the sink.
#pragma once

#include <string_view>

#include "model/config/replica_config.hpp"
#include "model/result.hpp"
#include "model/sink/sink_params.hpp"
#include "model/sink/sink_uri.hpp"

namespace cdc::model {

/// The parsed sink URI and the typed parameters the sink will run with.
struct validated_sink {
  sink::sink_uri uri;
  sink::sink_params params;
};

/// The sink section (TiCDC's SinkConfig.validateAndAdjust): the URI's
/// `protocol` and `transaction-atomicity` replace the config's; then, unless
/// the scheme is MySQL/TiDB: large message handling, schema registry vs Glue,
/// Glue settings, Pulsar OAuth2, encoder concurrency, the terminator default,
/// delete-only-handle-key vs csv, for storage the date separator, file index
/// width and csv, and the advance timeout default.
json::status adjust_sink_section(config::sink_config& sink, const sink::sink_uri& uri);

/// TiCDC's ReplicaConfig.ValidateAndAdjust: the sink section (when present),
/// the redo log (when eventual), sync point minimums, memory quota 0 ->
/// default, scheduler (absent -> default; span replication only for kafka and
/// blackhole schemes), integrity (downgraded for non-Kafka sinks; not with
/// column selectors) and the error-stuck duration minimum.
json::status adjust_to_sink(config::replica_config& cfg, const sink::sink_uri& uri);

/// TiCDC's sink validator: sync point and BDR mode only with MySQL/TiDB
/// (400 ErrSinkURIInvalid), then the scheme's own checks (validate_sink;
/// an unknown scheme is 400 "the sink scheme (<scheme>) is not supported").
result<sink::sink_params> validate_sink_target(const config::replica_config& cfg,
                                               const sink::sink_uri& uri);

/// parse_sink_uri, adjust_to_sink, validate_sink_target. (Create and update
/// verify the tables between the last two, as TiCDC does; see create_rules.)
result<validated_sink> validate_and_adjust(config::replica_config& cfg, std::string_view sink_uri);

} // namespace cdc::model
