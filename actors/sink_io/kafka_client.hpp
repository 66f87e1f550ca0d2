// A Kafka sink's view of its cluster: the producer, made on first use, and
// the partition count of every topic it writes, read from the brokers once
// and cached. A missing topic is created with partition-num (3 when unset)
// when auto-create-topic allows; a partition-num above an existing topic's
// count is refused, as TiCDC refuses it. Blocking, like the producer.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "actors/sink_io/kafka_producer.hpp"
#include "model/sink/sink_params.hpp"

namespace cdc::sink_io {

/// The producer settings of a validated kafka:// sink.
kafka_endpoint endpoint_of(const model::sink::kafka_params& p);

class kafka_client {
public:
  explicit kafka_client(model::sink::kafka_params params);

  /// The partitions rows of `topic` are spread over.
  model::result<std::int32_t> partitions(const std::string& topic);

  /// Sends and waits for every acknowledgement (kafka_producer::send_all).
  model::result<void> send(std::span<const model::mq::mq_message> messages);

  /// Every topic written so far, with its partition count.
  const std::map<std::string, std::int32_t>& topics() const noexcept { return topics_; }

  const kafka_endpoint& endpoint() const noexcept { return endpoint_; }
  /// Shorter timeouts (the check at create must answer within seconds).
  void limit_timeouts(std::chrono::milliseconds at_most);

private:
  model::result<void> open();

  model::sink::kafka_params params_;
  kafka_endpoint endpoint_;
  kafka_producer producer_;
  std::map<std::string, std::int32_t> topics_;
};

} // namespace cdc::sink_io
