// Message protocols and transaction atomicity of sinks: parsing, names, which
// scheme accepts which, and how the sink URI overrides the replica config
// (TiCDC: pkg/config/sink_protocol.go, sink.go validateAndAdjustSinkURI).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/result.hpp"
#include "model/sink/go_url.hpp"
#include "model/sink/sink_uri.hpp"

namespace cdc::model::sink {

enum class protocol : std::uint8_t {
  open_protocol, ///< also spelled "default"
  canal,
  avro,          ///< also spelled "flat-avro"
  maxwell,
  canal_json,
  craft,
  csv,
  debezium,
  simple,
};

/// Case-insensitive; "default" reads as open-protocol, "flat-avro" as avro.
std::optional<protocol> parse_protocol(std::string_view text);

/// parse_protocol, or 500 CDC:ErrSinkUnknownProtocol "unknown '<text>' message
/// protocol for sink" (also for "").
result<protocol> require_protocol(std::string_view text);

/// The canonical name: "open-protocol", "canal", "avro", "maxwell",
/// "canal-json", "craft", "csv", "debezium", "simple".
std::string_view to_string(protocol p) noexcept;

/// Whether a sink of this class can carry the protocol: MySQL/TiDB none,
/// Kafka all but csv, Pulsar canal-json, storage csv and canal-json,
/// blackhole (and unknown schemes, which fail elsewhere) any.
bool protocol_allowed(scheme_class kind, protocol p) noexcept;

/// TiCDC's AtomicityLevel; "" reads as none.
enum class txn_atomicity : std::uint8_t { none, table };

std::string_view to_string(txn_atomicity a) noexcept;

/// The sink fields of the replica config that the sink URI interacts with.
/// The config layer fills it; the sink model does not depend on its types.
struct sink_config_view {
  std::optional<std::string> protocol;              ///< sink.protocol (set, even if "", counts as given)
  std::optional<std::string> transaction_atomicity; ///< sink.transaction_atomicity
  std::optional<std::string> schema_registry;       ///< sink.schema_registry
  bool glue_schema_registry = false;                ///< sink.kafka_config.glue_schema_registry_config given
  /// sink.mysql_config / kafka_config / cloud_storage_config fields spelled as
  /// their URI parameters (e.g. {"worker-count","8"}); URI parameters win.
  query_params config_params;
};

/// The protocol and atomicity in force once the URI has overridden the config.
struct sink_settings {
  std::optional<std::string> protocol_text; ///< to store back into sink.protocol
  std::optional<protocol> proto;            ///< parsed; nullopt when absent or (blackhole) unknown
  std::optional<std::string> atomicity_text; ///< to store back into sink.transaction_atomicity
  txn_atomicity atomicity = txn_atomicity::none;

  friend bool operator==(const sink_settings&, const sink_settings&) = default;
};

/// ValidateAndAdjust's sink step (reference 6.4.1): `?protocol=` and
/// `?transaction-atomicity=` (when non-empty) replace the config's values;
/// then the atomicity must suit the scheme (400 CDC:ErrSinkURIInvalid
/// "sink uri invalid '<level> level atomicity is not supported by <scheme>
/// scheme'"), MySQL/TiDB must have no protocol (400 "... 'protocol <p> is
/// incompatible with <scheme> scheme'"), and MQ/storage sinks need a known
/// protocol (500 CDC:ErrSinkUnknownProtocol). Which protocols a scheme can
/// carry is checked at sink creation (validate_sink).
result<sink_settings> resolve_sink_settings(const sink_uri& uri, const sink_config_view& config);

} // namespace cdc::model::sink
