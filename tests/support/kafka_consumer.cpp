// Reading a topic back; see kafka_consumer.hpp.
#include "tests/support/kafka_consumer.hpp"

#include <librdkafka/rdkafka.h>

#include <chrono>
#include <memory>
#include <stdexcept>

namespace cdc::test {

namespace {

struct handle_deleter {
  void operator()(rd_kafka_t* rk) const {
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
  }
};
using consumer_ptr = std::unique_ptr<rd_kafka_t, handle_deleter>;

consumer_ptr make_consumer(const std::string& bootstrap) {
  char err[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.c_str(), err, sizeof err);
  rd_kafka_conf_set(conf, "group.id", "cdc-test-reader", err, sizeof err);
  rd_kafka_conf_set(conf, "enable.auto.commit", "false", err, sizeof err);
  rd_kafka_conf_set_log_cb(conf, [](const rd_kafka_t*, int, const char*, const char*) {});
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
  if (!rk)
    throw std::runtime_error(std::string("kafka consumer: ") + err);
  return consumer_ptr{rk};
}

/// Topic name -> partition count, from one metadata request.
template <class F>
void each_topic(rd_kafka_t* rk, F&& f) {
  const rd_kafka_metadata_t* md = nullptr;
  if (auto e = rd_kafka_metadata(rk, 1, nullptr, &md, 10000))
    throw std::runtime_error(std::string("kafka metadata: ") + rd_kafka_err2str(e));
  for (int i = 0; i < md->topic_cnt; ++i)
    f(std::string(md->topics[i].topic), md->topics[i].partition_cnt);
  rd_kafka_metadata_destroy(md);
}

} // namespace

std::vector<std::string> kafka_topics(const std::string& bootstrap) {
  auto rk = make_consumer(bootstrap);
  std::vector<std::string> out;
  each_topic(rk.get(), [&](const std::string& name, int) { out.push_back(name); });
  return out;
}

kafka_topic_contents read_kafka_topic(const std::string& bootstrap, const std::string& topic) {
  auto rk = make_consumer(bootstrap);
  kafka_topic_contents out;
  each_topic(rk.get(), [&](const std::string& name, int n) {
    if (name == topic)
      out.partitions = n;
  });
  if (out.partitions == 0)
    throw std::runtime_error("kafka topic " + topic + " does not exist");
  for (std::int32_t p = 0; p < out.partitions; ++p) {
    std::int64_t low = 0, high = 0;
    if (auto e = rd_kafka_query_watermark_offsets(rk.get(), topic.c_str(), p, &low, &high, 10000))
      throw std::runtime_error(std::string("kafka watermarks: ") + rd_kafka_err2str(e));
    if (high <= low)
      continue;
    rd_kafka_topic_partition_list_t* parts = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(parts, topic.c_str(), p)->offset = low;
    rd_kafka_assign(rk.get(), parts);
    rd_kafka_topic_partition_list_destroy(parts);
    std::int64_t next = low;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (next < high) {
      if (std::chrono::steady_clock::now() > deadline)
        throw std::runtime_error("kafka topic " + topic + " partition " + std::to_string(p) + ": read stalled at "
                                 + std::to_string(next) + " of " + std::to_string(high));
      rd_kafka_message_t* m = rd_kafka_consumer_poll(rk.get(), 200);
      if (!m)
        continue;
      if (!m->err) {
        kafka_record r;
        r.partition = m->partition;
        r.offset = m->offset;
        if (m->key)
          r.key.assign(static_cast<const char*>(m->key), m->key_len);
        if (m->payload)
          r.value.assign(static_cast<const char*>(m->payload), m->len);
        next = m->offset + 1;
        out.records.push_back(std::move(r));
      }
      rd_kafka_message_destroy(m);
    }
    rd_kafka_assign(rk.get(), nullptr);
  }
  return out;
}

} // namespace cdc::test
