// The Kafka sink's librdkafka client; see kafka_producer.hpp.
#include "actors/sink_io/kafka_producer.hpp"

#include <librdkafka/rdkafka.h>

#include <algorithm>

namespace cdc::sink_io {

namespace {

using model::api_error;

/// The delivery reports of one send_all: librdkafka calls back on the
/// polling thread (ours), so no lock is needed.
struct delivery_tally {
  std::size_t pending = 0;
  rd_kafka_resp_err_t first_error = RD_KAFKA_RESP_ERR_NO_ERROR;
  std::string first_error_topic;
};

void on_delivery(rd_kafka_t*, const rd_kafka_message_t* m, void*) {
  auto* tally = static_cast<delivery_tally*>(m->_private);
  if (!tally)
    return;
  --tally->pending;
  if (m->err && !tally->first_error) {
    tally->first_error = m->err;
    tally->first_error_topic = m->rkt ? rd_kafka_topic_name(m->rkt) : "";
  }
}

/// librdkafka logs broker disconnects as errors; the sink reports them
/// through its delivery reports instead, so the server's stderr stays quiet.
void drop_log(const rd_kafka_t*, int, const char*, const char*) {}

std::string broker_list(const std::vector<std::string>& brokers) {
  std::string out;
  for (const auto& b : brokers) {
    if (!out.empty())
      out += ',';
    out += b;
  }
  return out;
}

model::api_failure new_producer_failure(std::string_view why) {
  return model::fail_with(api_error::kafka_new_producer, "new kafka producer: " + std::string(why));
}

} // namespace

struct kafka_producer::impl {
  rd_kafka_t* rk = nullptr;
  kafka_endpoint endpoint;

  ~impl() {
    if (rk) {
      // Whatever is still queued was never acknowledged to the processor:
      // dropping it loses nothing the checkpoint counts on.
      rd_kafka_purge(rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
      rd_kafka_destroy(rk);
    }
  }

  int dial_ms() const { return static_cast<int>(endpoint.dial_timeout.count()); }
};

kafka_producer::kafka_producer() = default;
kafka_producer::~kafka_producer() = default;
kafka_producer::kafka_producer(kafka_producer&&) noexcept = default;
kafka_producer& kafka_producer::operator=(kafka_producer&&) noexcept = default;

bool kafka_producer::is_open() const noexcept {
  return impl_ && impl_->rk;
}

model::result<void> kafka_producer::open(const kafka_endpoint& e) {
  char err[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  // The message limit leaves room for the record's own header.
  auto max_bytes = std::clamp<std::int64_t>(e.max_message_bytes + 4096, 1000, 1000000000);
  auto message_timeout = std::max<std::int64_t>(1, e.write_timeout.count());
  std::vector<std::pair<std::string, std::string>> settings{
    {"bootstrap.servers", broker_list(e.brokers)},
    {"acks", std::to_string(e.required_acks)},
    {"message.max.bytes", std::to_string(max_bytes)},
    {"message.timeout.ms", std::to_string(message_timeout)},
    {"socket.timeout.ms", std::to_string(std::max<std::int64_t>(10, e.dial_timeout.count()))},
    // Retries must not reorder a partition's messages: one request in
    // flight per broker (the batch still carries many messages).
    {"max.in.flight.requests.per.connection", "1"},
    {"linger.ms", "5"},
    // A broker that comes back is found within a second.
    {"reconnect.backoff.max.ms", "1000"},
    {"compression.codec", e.compression.empty() ? "none" : e.compression},
  };
  if (!e.client_id.empty())
    settings.emplace_back("client.id", e.client_id);
  bool sasl = !e.sasl_mechanism.empty();
  if (e.tls || sasl)
    settings.emplace_back("security.protocol", e.tls ? (sasl ? "sasl_ssl" : "ssl") : "sasl_plaintext");
  if (sasl) {
    settings.emplace_back("sasl.mechanisms", e.sasl_mechanism);
    settings.emplace_back("sasl.username", e.sasl_user);
    settings.emplace_back("sasl.password", e.sasl_password);
  }
  for (const auto& [k, v] : {std::pair{"ssl.ca.location", &e.ca}, std::pair{"ssl.certificate.location", &e.cert},
                             std::pair{"ssl.key.location", &e.key}})
    if (e.tls && !v->empty())
      settings.emplace_back(k, *v);
  if (e.tls && e.insecure_skip_verify)
    settings.emplace_back("enable.ssl.certificate.verification", "false");
  for (const auto& [k, v] : settings)
    if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK) {
      rd_kafka_conf_destroy(conf);
      return new_producer_failure(err);
    }
  rd_kafka_conf_set_dr_msg_cb(conf, on_delivery);
  rd_kafka_conf_set_log_cb(conf, drop_log);
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
  if (!rk) {
    rd_kafka_conf_destroy(conf);
    return new_producer_failure(err);
  }
  impl_ = std::make_unique<impl>();
  impl_->rk = rk;
  impl_->endpoint = e;
  return {};
}

model::result<std::optional<std::int32_t>> kafka_producer::partition_count(const std::string& topic,
                                                                           bool let_broker_create) {
  if (!is_open())
    return new_producer_failure("the producer is not open");
  // All topics unless asked: naming one would make a broker that
  // auto-creates topics create it with its defaults instead of partition-num.
  rd_kafka_topic_t* rkt = let_broker_create ? rd_kafka_topic_new(impl_->rk, topic.c_str(), nullptr) : nullptr;
  std::optional<std::int32_t> count;
  rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR_NO_ERROR;
  // A topic the broker has just made may answer "leader not available" at first.
  for (int attempt = 0; attempt < 5 && !count; ++attempt) {
    const rd_kafka_metadata_t* md = nullptr;
    err = rd_kafka_metadata(impl_->rk, rkt ? 0 : 1, rkt, &md, impl_->dial_ms());
    if (err)
      break;
    for (int i = 0; i < md->topic_cnt; ++i) {
      const auto& t = md->topics[i];
      if (topic == t.topic && t.err == RD_KAFKA_RESP_ERR_NO_ERROR && t.partition_cnt > 0)
        count = t.partition_cnt;
    }
    rd_kafka_metadata_destroy(md);
    if (!rkt)
      break;
  }
  if (rkt)
    rd_kafka_topic_destroy(rkt);
  if (err)
    return new_producer_failure(std::string("cannot reach the brokers ") + broker_list(impl_->endpoint.brokers) + ": "
                                + rd_kafka_err2str(err));
  return count;
}

model::result<void> kafka_producer::create_topic(const std::string& topic, std::int32_t partitions,
                                                 std::int16_t replication_factor) {
  auto failed = [&](std::string_view why) {
    return model::fail_with(api_error::kafka_create_topic,
                            "kafka create topic failed: " + topic + ": " + std::string(why));
  };
  if (!is_open())
    return failed("the producer is not open");
  char err[512];
  rd_kafka_NewTopic_t* nt = rd_kafka_NewTopic_new(topic.c_str(), partitions, replication_factor, err, sizeof err);
  if (!nt)
    return failed(err);
  rd_kafka_queue_t* q = rd_kafka_queue_new(impl_->rk);
  rd_kafka_AdminOptions_t* opts = rd_kafka_AdminOptions_new(impl_->rk, RD_KAFKA_ADMIN_OP_CREATETOPICS);
  rd_kafka_AdminOptions_set_request_timeout(opts, impl_->dial_ms(), err, sizeof err);
  rd_kafka_CreateTopics(impl_->rk, &nt, 1, opts, q);
  rd_kafka_event_t* ev = rd_kafka_queue_poll(q, impl_->dial_ms() + 1000);
  std::string why;
  if (!ev) {
    why = "no answer in time";
  } else if (rd_kafka_event_error(ev)) {
    why = rd_kafka_event_error_string(ev);
  } else if (const auto* res = rd_kafka_event_CreateTopics_result(ev)) {
    std::size_t n = 0;
    const rd_kafka_topic_result_t** topics = rd_kafka_CreateTopics_result_topics(res, &n);
    for (std::size_t i = 0; i < n; ++i) {
      auto e = rd_kafka_topic_result_error(topics[i]);
      if (e && e != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
        why = rd_kafka_err2str(e);
    }
  }
  if (ev)
    rd_kafka_event_destroy(ev);
  rd_kafka_AdminOptions_destroy(opts);
  rd_kafka_NewTopic_destroy(nt);
  rd_kafka_queue_destroy(q);
  if (!why.empty())
    return failed(why);
  return {};
}

model::result<void> kafka_producer::send_all(std::span<const model::mq::mq_message> messages) {
  if (!is_open())
    return new_producer_failure("the producer is not open");
  rd_kafka_t* rk = impl_->rk;
  delivery_tally tally;
  rd_kafka_resp_err_t refused = RD_KAFKA_RESP_ERR_NO_ERROR;
  for (const auto& m : messages) {
    for (;;) {
      // No copy: the messages outlive this call, which waits for every report.
      auto err = rd_kafka_producev(
        rk, RD_KAFKA_V_TOPIC(m.topic.c_str()), RD_KAFKA_V_PARTITION(m.partition),
        RD_KAFKA_V_VALUE(const_cast<char*>(m.value.data()), m.value.size()),
        RD_KAFKA_V_KEY(m.key.empty() ? nullptr : m.key.data(), m.key.size()), RD_KAFKA_V_OPAQUE(&tally),
        RD_KAFKA_V_END);
      if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
        rd_kafka_poll(rk, 50);
        continue;
      }
      if (err)
        refused = err;
      else
        ++tally.pending;
      break;
    }
    if (refused)
      break;
  }
  // Every message handed over is reported within message.timeout.ms.
  while (tally.pending > 0)
    rd_kafka_poll(rk, 100);
  auto err = refused ? refused : tally.first_error;
  if (!err)
    return {};
  std::string detail = rd_kafka_err2str(err);
  if (!tally.first_error_topic.empty())
    detail += " (topic " + tally.first_error_topic + ")";
  return model::fail_with(api_error::kafka_async_send_message, "kafka async send message failed: " + detail);
}

} // namespace cdc::sink_io
