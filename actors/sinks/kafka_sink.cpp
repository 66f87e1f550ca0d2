// The Kafka sink and its watermark writer; see kafka_sink.hpp.
#include "actors/sinks/kafka_sink.hpp"

#include <set>

#include <spdlog/spdlog.h>

#include "actors/errors.hpp"
#include "actors/sinks/measured_write.hpp"
#include "model/mq/row_messages.hpp"

namespace cdc::actors {

namespace {

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
    .count();
}

std::string brokers_of(const model::mq::mq_settings& s) {
  std::string out;
  for (const auto& b : s.params.brokers)
    out += (out.empty() ? "" : ",") + b;
  return out;
}

} // namespace

model::result<void> kafka_sink_state::apply(const row_batch& batch) {
  auto lookup = [this](const std::string& topic) { return client->partitions(topic); };
  auto messages = model::mq::encode_rows(*settings, batch, lookup, wall_ms());
  if (!messages)
    return messages.error();
  return client->send(*messages);
}

sink_actor::behavior_type kafka_sink(sink_actor::stateful_pointer<kafka_sink_state> self,
                                     model::changefeed_info info, std::string cluster_id,
                                     std::shared_ptr<std::atomic<std::uint64_t>> total,
                                     std::shared_ptr<metrics::feed_sink_metrics> measured) {
  auto& st = self->state;
  st.total = std::move(total);
  st.measured = std::move(measured);
  if (auto s = model::mq::mq_settings_of(info, cluster_id); s) {
    st.client.emplace(s->params);
    st.settings.emplace(std::move(*s));
  } else {
    st.broken = s.error();
  }
  return {
    [self](atom::write, const row_batch_ptr& batch) -> caf::result<bool> {
      auto& st = self->state;
      return measured_write(st, *batch, [&st] { return "kafka sink " + brokers_of(*st.settings); });
    },
  };
}

checkpoint_sink_actor::behavior_type kafka_checkpoint(
  checkpoint_sink_actor::stateful_pointer<kafka_checkpoint_state> self, model::changefeed_info info,
  std::string cluster_id, std::shared_ptr<const model::upstream::catalog> catalog) {
  auto& st = self->state;
  if (auto s = model::mq::mq_settings_of(info, cluster_id); s) {
    std::set<std::string> topics{s->routing->router.default_topic()};
    if (catalog)
      for (const auto& t : catalog->tables)
        topics.insert(s->routing->router.topic_for(t.schema, t.name));
    st.topics.assign(topics.begin(), topics.end());
    st.client.emplace(s->params);
    st.settings.emplace(std::move(*s));
  }
  return {
    [self](atom::progress, model::tso_t ts) {
      auto& st = self->state;
      if (st.settings && st.checkpoint.receive(ts))
        self->send(self, atom::flush_v);
    },
    [self](atom::flush) {
      auto& st = self->state;
      auto ts = st.checkpoint.due();
      if (!ts)
        return;
      std::vector<std::pair<std::string, std::int32_t>> targets;
      for (const auto& topic : st.topics) {
        auto n = st.client->partitions(topic);
        if (!n) {
          // The next checkpoint tries again; the rows are unaffected.
          spdlog::warn("kafka sink {}: watermark: {}", brokers_of(*st.settings), n.error().message);
          return;
        }
        targets.emplace_back(topic, *n);
      }
      auto messages = model::mq::encode_watermarks(*st.settings, targets, *ts, wall_ms());
      if (auto r = st.client->send(messages); !r) {
        spdlog::warn("kafka sink {}: watermark: {}", brokers_of(*st.settings), r.error().message);
        return;
      }
      st.checkpoint.wrote(*ts);
    },
  };
}

model::result<void> probe_kafka(const model::mq::mq_settings& s, std::chrono::milliseconds timeout) {
  sink_io::kafka_client client{s.params};
  client.limit_timeouts(timeout);
  auto n = client.partitions(s.routing->router.default_topic());
  if (!n)
    return n.error();
  return {};
}

} // namespace cdc::actors
