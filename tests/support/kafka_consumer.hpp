// Reads a whole topic back from a Kafka cluster, independently of the sink:
// a librdkafka consumer assigned every partition from the beginning, reading
// until each partition's high watermark.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cdc::test {

struct kafka_record {
  std::int32_t partition = 0;
  std::int64_t offset = 0;
  std::string key;
  std::string value;
};

struct kafka_topic_contents {
  std::int32_t partitions = 0;
  std::vector<kafka_record> records; ///< partition by partition, each in offset order
};

/// Every record of `topic`; throws when the cluster does not answer or the
/// topic does not exist.
kafka_topic_contents read_kafka_topic(const std::string& bootstrap, const std::string& topic);

/// The topics the cluster holds.
std::vector<std::string> kafka_topics(const std::string& bootstrap);

} // namespace cdc::test
