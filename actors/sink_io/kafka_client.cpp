// A Kafka sink's topics and producer; see kafka_client.hpp.
#include "actors/sink_io/kafka_client.hpp"

#include <algorithm>

namespace cdc::sink_io {

namespace {

std::chrono::milliseconds millis(std::chrono::nanoseconds d) {
  return std::max(std::chrono::milliseconds{1}, std::chrono::duration_cast<std::chrono::milliseconds>(d));
}

/// TiCDC creates a missing topic with this many partitions.
constexpr std::int32_t default_partition_num = 3;

/// The longest a batch waits for its acknowledgements: a longer
/// write-timeout would outlast the processor's sink timeout (30 s), which
/// would fail the write with a timeout instead of Kafka's own error.
constexpr std::chrono::milliseconds longest_write_timeout{std::chrono::seconds(20)};

} // namespace

kafka_endpoint endpoint_of(const model::sink::kafka_params& p) {
  kafka_endpoint e;
  e.brokers = p.brokers;
  e.client_id = p.client_id;
  e.required_acks = p.required_acks;
  e.compression = p.compression;
  e.max_message_bytes = p.max_message_bytes;
  e.write_timeout = std::min(millis(p.write_timeout), longest_write_timeout);
  e.dial_timeout = millis(p.dial_timeout);
  e.tls = p.enable_tls;
  e.ca = p.ca;
  e.cert = p.cert;
  e.key = p.key;
  e.insecure_skip_verify = p.insecure_skip_verify;
  e.sasl_mechanism = p.sasl_mechanism;
  e.sasl_user = p.sasl_user;
  e.sasl_password = p.sasl_password;
  return e;
}

kafka_client::kafka_client(model::sink::kafka_params params)
  : params_(std::move(params)), endpoint_(endpoint_of(params_)) {}

void kafka_client::limit_timeouts(std::chrono::milliseconds at_most) {
  endpoint_.dial_timeout = std::min(endpoint_.dial_timeout, at_most);
  endpoint_.write_timeout = std::min(endpoint_.write_timeout, at_most);
}

model::result<void> kafka_client::open() {
  if (producer_.is_open())
    return {};
  return producer_.open(endpoint_);
}

model::result<std::int32_t> kafka_client::partitions(const std::string& topic) {
  if (auto it = topics_.find(topic); it != topics_.end())
    return it->second;
  if (auto r = open(); !r)
    return r.error();
  auto existing = producer_.partition_count(topic);
  if (!existing)
    return existing.error();
  std::int32_t count = 0;
  if (*existing) {
    auto real = **existing;
    if (params_.partition_num && *params_.partition_num > real)
      return model::fail_with(model::api_error::kafka_invalid_partition_num,
                              "invalid partition num " + std::to_string(*params_.partition_num)
                                + ": the number of partition (" + std::to_string(*params_.partition_num)
                                + ") specified in sink-uri is more than that of actual topic (" + std::to_string(real)
                                + ")");
    count = params_.partition_num.value_or(real);
  } else {
    if (!params_.auto_create_topic)
      return model::fail_with(model::api_error::kafka_invalid_config,
                              "kafka config invalid: `auto-create-topic` is false, and " + topic + " not found");
    count = params_.partition_num.value_or(default_partition_num);
    if (auto r = producer_.create_topic(topic, count, params_.replication_factor); !r) {
      // A cluster without CreateTopics (no controller) may still create
      // topics on first use; then the topic has the broker's count.
      auto made = producer_.partition_count(topic, true);
      if (!made || !*made)
        return r.error();
      if (params_.partition_num && *params_.partition_num > **made)
        return r.error();
      count = params_.partition_num.value_or(**made);
    }
  }
  topics_[topic] = count;
  return count;
}

model::result<void> kafka_client::send(std::span<const model::mq::mq_message> messages) {
  if (auto r = open(); !r)
    return r.error();
  return producer_.send_all(messages);
}

} // namespace cdc::sink_io
