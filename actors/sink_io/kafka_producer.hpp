// The Kafka sink's client (librdkafka's C API): topic metadata and creation,
// and a producer whose send returns only after the brokers acknowledged every
// message (librdkafka's delivery reports), so a sink that answers after it
// never lets a checkpoint pass an unacknowledged row. Errors carry TiCDC's
// codes. Every call blocks; only the sink and probe threads call it.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/mq/row_messages.hpp"
#include "model/result.hpp"

namespace cdc::sink_io {

/// What the producer needs of a validated kafka:// sink.
struct kafka_endpoint {
  std::vector<std::string> brokers;  ///< host:port each
  std::string client_id;             ///< "" = librdkafka's default
  int required_acks = -1;            ///< 0, 1 or -1 (all in-sync replicas)
  std::string compression = "none";  ///< none, gzip, snappy, lz4, zstd
  std::int64_t max_message_bytes = 10 * 1024 * 1024;
  /// How long one message may wait for its acknowledgement, retries
  /// included, before its batch fails: the sink must answer the processor
  /// well within its sink timeout.
  std::chrono::milliseconds write_timeout{10000};
  /// How long a metadata or admin request may take.
  std::chrono::milliseconds dial_timeout{10000};
  /// kafka+ssl:// or enable-tls; files as paths.
  bool tls = false;
  std::string ca, cert, key;
  bool insecure_skip_verify = false;
  /// "" = no SASL; else PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, ...
  std::string sasl_mechanism, sasl_user, sasl_password;
};

class kafka_producer {
public:
  kafka_producer();
  ~kafka_producer();
  kafka_producer(kafka_producer&&) noexcept;
  kafka_producer& operator=(kafka_producer&&) noexcept;

  /// Makes the client (no I/O yet). Error: 500 CDC:ErrKafkaNewProducer.
  model::result<void> open(const kafka_endpoint& e);
  bool is_open() const noexcept;

  /// The topic's partition count, nullopt when the cluster has no such topic.
  /// Fails with CDC:ErrKafkaNewProducer when no broker answers in time.
  /// With `let_broker_create`, asks for the topic by name, which makes a
  /// broker that auto-creates topics create it with its own defaults (the
  /// fallback for clusters without CreateTopics, such as librdkafka's mock).
  model::result<std::optional<std::int32_t>> partition_count(const std::string& topic,
                                                             bool let_broker_create = false);

  /// Creates the topic; one that exists meanwhile is fine.
  /// Error: 500 CDC:ErrKafkaCreateTopic.
  model::result<void> create_topic(const std::string& topic, std::int32_t partitions,
                                   std::int16_t replication_factor);

  /// Sends every message and waits for all delivery reports. Error: 500
  /// CDC:ErrKafkaAsyncSendMessage naming the first failure; some messages
  /// may have been written (the caller re-sends: at-least-once).
  model::result<void> send_all(std::span<const model::mq::mq_message> messages);

private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

} // namespace cdc::sink_io
