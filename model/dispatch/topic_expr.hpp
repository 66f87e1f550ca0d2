// Topic rules of dispatchers (sink.dispatchers[].topic): validation of topic
// expressions for Kafka (plain and Avro) and Pulsar, and the substitution
// of {schema} and {table}.
#pragma once

#include <string>
#include <string_view>

#include "model/result.hpp"

namespace cdc::model::dispatch {

/// The longest Kafka topic name.
inline constexpr std::size_t max_topic_length = 249;

/// A literal topic name (`^[A-Za-z0-9._-]+$`), used as is without validation.
bool is_hard_coded_topic(std::string_view topic) noexcept;

/// `[prefix]{schema}[middle]{table}[suffix]` with both parts optional.
/// Error: 500 CDC:ErrKafkaTopicExprInvalid "invalid topic expression: <e> ".
result<void> validate_kafka_topic(std::string_view expression);

/// Avro needs both {schema} and {table}; same error code, with TiCDC's extra
/// argument rendered the way Go's fmt renders a surplus argument.
result<void> validate_avro_topic(std::string_view expression);

/// `persistent://` or `non-persistent://` + tenant/namespace/topic, or a
/// simple name without `/`. Error: 500 CDC:ErrPulsarTopicExprInvalid.
result<void> validate_pulsar_topic(std::string_view expression);

/// Replaces {schema} and {table} with the names, each character outside
/// [A-Za-z0-9._-] becoming `_`; truncates to 249 bytes; "." and ".." become
/// "_" and "__" (Kafka forbids them).
std::string substitute_topic(std::string_view expression, std::string_view schema,
                             std::string_view table);

} // namespace cdc::model::dispatch
