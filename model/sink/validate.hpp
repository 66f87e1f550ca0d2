// The checks TiCDC runs when it instantiates a sink for a changefeed
// (create/update validation and sink start), per scheme class, yielding the
// typed parameters the sink implementations use.
#pragma once

#include "model/result.hpp"
#include "model/sink/protocol.hpp"
#include "model/sink/sink_params.hpp"
#include "model/sink/sink_uri.hpp"

namespace cdc::model::sink {

/// resolve_sink_settings, then the class's checks: an unknown scheme is 400
/// CDC:ErrSinkURIInvalid "the sink scheme (<scheme>) is not supported";
/// MySQL/TiDB parameters 400 CDC:ErrMySQLInvalidConfig; Kafka topic and
/// parameters 500 CDC:ErrKafkaInvalidConfig; Pulsar other than canal-json 400
/// CDC:ErrSinkURIInvalid; storage parameters 500
/// CDC:ErrStorageSinkInvalidConfig and protocols other than csv/canal-json
/// 500 CDC:ErrSinkUnknownProtocol; blackhole accepts anything.
result<sink_params> validate_sink(const sink_uri& uri, const sink_config_view& config = {});

/// Parses then validates (for callers holding only the text).
result<sink_params> validate_sink(std::string_view uri, const sink_config_view& config = {});

// The per-class steps, for tests and for sinks re-reading their parameters.
result<mysql_params> validate_mysql(const sink_uri& uri, const sink_settings& settings,
                                    const sink_config_view& config);
result<kafka_params> validate_kafka(const sink_uri& uri, const sink_settings& settings,
                                    const sink_config_view& config);
result<pulsar_params> validate_pulsar(const sink_uri& uri, const sink_settings& settings,
                                      const sink_config_view& config);
result<storage_params> validate_storage(const sink_uri& uri, const sink_settings& settings,
                                        const sink_config_view& config);

} // namespace cdc::model::sink
