// An MQ sink's messages for a batch of row changes: each row routed to its
// topic and partition (sink.dispatchers), encoded in the feed's protocol
// (canal-json, simple, debezium: one message a row; open-protocol: rows
// batched per partition), checked against max-message-bytes; and the protocol's
// watermark messages, one for every partition of a topic.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "model/mq/mq_settings.hpp"
#include "model/sink/row_batch.hpp"

namespace cdc::model::mq {

struct mq_message {
  std::string topic;
  std::int32_t partition = 0;
  std::string key;  ///< empty: no key
  std::string value;
  std::size_t rows = 0;
};

/// Kafka's per-record overhead TiCDC counts against max-message-bytes.
inline constexpr std::size_t max_record_overhead = 36;

/// How many partitions a topic has (the sink asks the brokers, creating a
/// missing topic); its errors fail the batch.
using partition_lookup = std::function<result<std::int32_t>(const std::string& topic)>;

/// The messages for `batch`, in row order within every partition. Errors:
/// the lookup's, the dispatcher's (500 CDC:ErrDispatcherFailed) and 500
/// CDC:ErrMessageTooLarge for a row that alone exceeds max-message-bytes.
result<std::vector<mq_message>> encode_rows(const mq_settings& s, const sink::row_batch& batch,
                                            const partition_lookup& partitions, std::int64_t now_ms);

/// Whether the protocol has a watermark message (open-protocol, simple;
/// canal-json and debezium with the TiDB extension).
bool has_watermark(const mq_settings& s) noexcept;

/// The watermark for `ts` on every partition of each (topic, partition
/// count); none when the protocol has no watermark (canal-json or debezium
/// without the TiDB extension).
std::vector<mq_message> encode_watermarks(const mq_settings& s,
                                          const std::vector<std::pair<std::string, std::int32_t>>& topics,
                                          std::uint64_t ts, std::int64_t now_ms);

} // namespace cdc::model::mq
