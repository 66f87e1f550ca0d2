// The Kafka sink (kafka://): routes and encodes each batch (model/mq), sends
// it through librdkafka and answers the write only once the brokers
// acknowledged every message, so the checkpoint never passes a row Kafka
// does not hold; a failed batch is sent again whole (at-least-once). The
// changefeed's checkpoint goes out as the protocol's watermark on every
// partition of the topics written. Both block on the network, so
// production spawns them detached.
#pragma once

#include <atomic>
#include <memory>
#include <optional>

#include "actors/messages.hpp"
#include "actors/sink_io/kafka_client.hpp"
#include "actors/sinks/checkpoint_cursor.hpp"
#include "metrics/sink_metrics.hpp"
#include "model/mq/mq_settings.hpp"

namespace cdc::actors {

struct kafka_sink_state {
  static inline const char* name = "kafka-sink";

  kafka_sink_state() = default;

  // -- member variables -------------------------------------------------------

  std::optional<model::mq::mq_settings> settings;
  std::optional<sink_io::kafka_client> client;
  /// Why the sink cannot run (bad URI or config): every write fails with it.
  std::optional<model::api_failure> broken;
  /// Counts rows acknowledged (benchmarks); may be null.
  std::shared_ptr<std::atomic<std::uint64_t>> total;
  /// This feed's sink metrics; may be null.
  std::shared_ptr<metrics::feed_sink_metrics> measured;

  // -- helpers ----------------------------------------------------------------

  /// Encodes and sends the batch; returns once every message is acknowledged.
  model::result<void> apply(const row_batch& batch);
};

/// `cluster_id`: the server's --cluster-id (the debezium protocol writes it).
sink_actor::behavior_type kafka_sink(sink_actor::stateful_pointer<kafka_sink_state> self,
                                     model::changefeed_info info, std::string cluster_id,
                                     std::shared_ptr<std::atomic<std::uint64_t>> total,
                                     std::shared_ptr<metrics::feed_sink_metrics> measured);

struct kafka_checkpoint_state {
  static inline const char* name = "kafka-checkpoint";

  kafka_checkpoint_state() = default;

  std::optional<model::mq::mq_settings> settings;
  std::optional<sink_io::kafka_client> client;
  /// The topics every table of the catalog is routed to.
  std::vector<std::string> topics;
  checkpoint_cursor checkpoint;
};

/// Sends the changefeed's checkpoint as a watermark to every partition of
/// the feed's topics (TiCDC's checkpoint broadcast), newest first, bursts
/// coalesced. Only for protocols with a watermark (model/mq has_watermark).
checkpoint_sink_actor::behavior_type kafka_checkpoint(
  checkpoint_sink_actor::stateful_pointer<kafka_checkpoint_state> self, model::changefeed_info info,
  std::string cluster_id, std::shared_ptr<const model::upstream::catalog> catalog);

/// The check at create and update: the brokers answer within `timeout`,
/// and the default topic exists with enough partitions or can be created.
model::result<void> probe_kafka(const model::mq::mq_settings& s, std::chrono::milliseconds timeout);

} // namespace cdc::actors
