// Kafka and Pulsar sink checks (reference 7.1, 7.2, 7.4).
#include <boost/test/unit_test.hpp>

#include "model/sink/validate.hpp"

using namespace cdc::model;
using namespace cdc::model::sink;
using namespace std::chrono_literals;

namespace {

result<kafka_params> kafka(std::string_view text, const sink_config_view& cfg = {}) {
  auto params = validate_sink(text, cfg);
  if (!params)
    return params.error();
  return std::get<kafka_params>(*params);
}

void expect_kafka_invalid(std::string_view text, std::string_view message,
                          api_error kind = api_error::kafka_invalid_config) {
  auto r = kafka(text);
  BOOST_REQUIRE_MESSAGE(r.has_error(), text);
  BOOST_TEST((r.error().kind == kind));
  BOOST_TEST(http_status_of(r.error().kind) == 500u);
  BOOST_TEST(r.error().message == message);
}

constexpr std::string_view base = "kafka://127.0.0.1:9092/t?protocol=canal-json";

std::string with(std::string_view params) {
  return std::string{base} + "&" + std::string{params};
}

} // namespace

BOOST_AUTO_TEST_SUITE(sink_mq)

BOOST_AUTO_TEST_CASE(kafka_defaults_follow_ticdc) {
  auto p = kafka(base);
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST(p->topic == "t");
  BOOST_TEST(p->brokers == (std::vector<std::string>{"127.0.0.1:9092"}), boost::test_tools::per_element());
  BOOST_TEST((p->proto == protocol::canal_json));
  BOOST_TEST(!p->partition_num.has_value());
  BOOST_TEST(p->replication_factor == 1);
  BOOST_TEST(p->kafka_version == "2.4.0");
  BOOST_TEST(p->max_message_bytes == 10 * 1024 * 1024);
  BOOST_TEST(p->compression == "none");
  BOOST_TEST(p->auto_create_topic);
  BOOST_TEST(p->required_acks == -1);
  BOOST_TEST(p->dial_timeout.count() == std::chrono::nanoseconds{10s}.count());
}

BOOST_AUTO_TEST_CASE(kafka_without_topic_is_500_kafka_invalid_config) {
  expect_kafka_invalid("kafka://127.0.0.1:9092/?protocol=canal-json", "no topic is specified in sink-uri");
  expect_kafka_invalid("kafka://127.0.0.1:9092?protocol=canal-json", "no topic is specified in sink-uri");
}

BOOST_AUTO_TEST_CASE(kafka_without_protocol_is_unknown_protocol) {
  auto r = kafka("kafka://127.0.0.1:9092/t");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST((r.error().kind == api_error::sink_unknown_protocol));
}

BOOST_AUTO_TEST_CASE(kafka_rejects_csv) {
  auto r = kafka("kafka://127.0.0.1:9092/t?protocol=csv");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST((r.error().kind == api_error::sink_unknown_protocol));
  BOOST_TEST(r.error().message == "unknown 'csv' message protocol for sink");
}

BOOST_AUTO_TEST_CASE(kafka_accepts_every_other_protocol) {
  for (auto p : {"open-protocol", "default", "canal", "maxwell", "canal-json", "craft", "debezium", "simple"})
    BOOST_TEST(kafka(std::string{"kafka://h:9092/t?protocol="} + p).has_value(), p);
  BOOST_TEST(kafka("kafka://h:9092/t?protocol=avro&schema-registry=http://r:8081").has_value());
}

BOOST_AUTO_TEST_CASE(kafka_needs_a_broker) {
  expect_kafka_invalid("kafka:///t?protocol=canal-json",
                       "no broker is specified in sink-uri, e.g. kafka://127.0.0.1:9092/topic");
}

BOOST_AUTO_TEST_CASE(partition_num_must_be_positive) {
  BOOST_TEST(*kafka(with("partition-num=6"))->partition_num == 6);
  expect_kafka_invalid(with("partition-num=0"), "invalid partition num 0", api_error::kafka_invalid_partition_num);
  expect_kafka_invalid(with("partition-num=x"),
                       R"(kafka config invalid: strconv.ParseInt: parsing "x": invalid syntax)");
  expect_kafka_invalid(with("partition-num=3000000000"),
                       R"(kafka config invalid: strconv.ParseInt: parsing "3000000000": value out of range)");
}

BOOST_AUTO_TEST_CASE(required_acks_is_zero_one_or_minus_one) {
  for (int acks : {0, 1, -1})
    BOOST_TEST(kafka(with("required-acks=" + std::to_string(acks)))->required_acks == acks);
  expect_kafka_invalid(with("required-acks=2"),
                       "invalid required acks 2, only support these values: "
                       "0(NoResponse),1(WaitForLocal),-1(WaitForAll)",
                       api_error::kafka_invalid_required_acks);
}

BOOST_AUTO_TEST_CASE(replication_factor_is_a_positive_int16) {
  BOOST_TEST(kafka(with("replication-factor=3"))->replication_factor == 3);
  expect_kafka_invalid(with("replication-factor=0"), "invalid replication-factor 0, which must be greater than 0");
  expect_kafka_invalid(with("replication-factor=40000"),
                       R"(kafka config invalid: strconv.ParseInt: parsing "40000": value out of range)");
}

BOOST_AUTO_TEST_CASE(max_message_bytes_is_a_positive_integer) {
  BOOST_TEST(kafka(with("max-message-bytes=1048576"))->max_message_bytes == 1048576);
  expect_kafka_invalid(with("max-message-bytes=-1"), "invalid max-message-bytes -1, which must be greater than 0");
  expect_kafka_invalid(with("max-message-bytes=1MB"),
                       R"(kafka config invalid: strconv.ParseInt: parsing "1MB": invalid syntax)");
}

BOOST_AUTO_TEST_CASE(compression_falls_back_to_none_when_unknown) {
  BOOST_TEST(kafka(with("compression=LZ4"))->compression == "lz4");
  BOOST_TEST(kafka(with("compression=zstd"))->compression == "zstd");
  BOOST_TEST(kafka(with("compression=brotli"))->compression == "none");
}

BOOST_AUTO_TEST_CASE(client_id_allows_only_safe_characters) {
  BOOST_TEST(kafka(with("kafka-client-id=cdc.producer_1-a"))->client_id == "cdc.producer_1-a");
  expect_kafka_invalid(with("kafka-client-id=a:b"), "invalid kafka client ID 'a:b'",
                       api_error::kafka_invalid_client_id);
}

BOOST_AUTO_TEST_CASE(timeouts_are_go_durations) {
  BOOST_TEST(kafka(with("dial-timeout=3s"))->dial_timeout.count() == std::chrono::nanoseconds{3s}.count());
  expect_kafka_invalid(with("write-timeout=3"),
                       R"(kafka config invalid: time: missing unit in duration "3")");
}

BOOST_AUTO_TEST_CASE(sasl_mechanism_must_be_known) {
  auto p = kafka(with("sasl-user=u&sasl-password=p&sasl-mechanism=scram-sha-512"));
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST(p->sasl_mechanism == "SCRAM-SHA-512");
  BOOST_TEST(p->sasl_password == "p");
  expect_kafka_invalid(with("sasl-mechanism=md5"), "kafka config invalid: unknown md5 SASL mechanism");
}

BOOST_AUTO_TEST_CASE(tls_files_come_together_and_enable_tls) {
  auto p = kafka(with("ca=/ca&cert=/c&key=/k"));
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST(p->enable_tls);
  expect_kafka_invalid(with("ca=/ca"), "kafka config invalid: ca, cert and key files should all be supplied");
  expect_kafka_invalid(with("ca=/ca&cert=/c&key=/k&enable-tls=false"),
                       "kafka config invalid: credential files are supplied, but 'enable-tls' is set to false");
}

BOOST_AUTO_TEST_CASE(insecure_skip_verify_needs_tls) {
  BOOST_TEST(!kafka(with("insecure-skip-verify=true"))->insecure_skip_verify);
  BOOST_TEST(kafka(with("enable-tls=true&insecure-skip-verify=true"))->insecure_skip_verify);
}

BOOST_AUTO_TEST_CASE(avro_requires_a_schema_registry) {
  auto r = kafka("kafka://h:9092/t?protocol=avro");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST((r.error().kind == api_error::sink_invalid_config));
  BOOST_TEST(r.error().message.find("Avro protocol requires parameter \"schema-registry\"") != std::string::npos);
  sink_config_view cfg;
  cfg.schema_registry = "http://registry:8081";
  BOOST_TEST(*kafka("kafka://h:9092/t?protocol=avro", cfg)->schema_registry == "http://registry:8081");
  sink_config_view glue;
  glue.glue_schema_registry = true;
  BOOST_TEST(kafka("kafka://h:9092/t?protocol=avro", glue).has_value());
}

BOOST_AUTO_TEST_CASE(tidb_extension_only_with_canal_json_avro_or_debezium) {
  BOOST_TEST(kafka(with("enable-tidb-extension=true"))->enable_tidb_extension);
  BOOST_TEST(kafka("kafka://h:9092/t?protocol=debezium&enable-tidb-extension=true")->enable_tidb_extension);
  auto r = kafka("kafka://h:9092/t?protocol=open-protocol&enable-tidb-extension=true");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST((r.error().kind == api_error::sink_invalid_config));
  BOOST_TEST(r.error().message
             == "sink config invalid: [CDC:ErrCodecInvalidConfig]enable-tidb-extension only supports "
                "canal-json/avro protocol");
}

BOOST_AUTO_TEST_CASE(kafka_config_params_fill_in_under_the_uri) {
  sink_config_view cfg;
  cfg.config_params = {{"partition-num", "12"}, {"required-acks", "1"}};
  auto p = kafka(with("required-acks=0"), cfg);
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST(*p->partition_num == 12);
  BOOST_TEST(p->required_acks == 0);
}

BOOST_AUTO_TEST_CASE(pulsar_accepts_canal_json) {
  auto r = validate_sink("pulsar+ssl://b1:6650,b2:6650/persistent-topic?protocol=canal-json");
  BOOST_REQUIRE(r.has_value());
  auto& p = std::get<pulsar_params>(*r);
  BOOST_TEST(p.topic == "persistent-topic");
  BOOST_TEST(p.brokers.size() == 2u);
  BOOST_TEST(p.tls);
}

BOOST_AUTO_TEST_CASE(pulsar_rejects_other_protocols_with_400) {
  for (auto proto : {"canal", "maxwell", "open-protocol", "avro"}) {
    auto r = validate_sink(std::string{"pulsar://h:6650/t?protocol="} + proto);
    BOOST_REQUIRE_MESSAGE(r.has_error(), proto);
    BOOST_TEST((r.error().kind == api_error::sink_uri_invalid));
    BOOST_TEST(http_status_of(r.error().kind) == 400u);
    BOOST_TEST(r.error().message
               == "sink uri invalid 'unsupported protocol, pulsar sink currently only support these "
                  "protocols: [canal-json]'");
  }
}

BOOST_AUTO_TEST_CASE(pulsar_without_topic_is_rejected) {
  auto r = validate_sink("pulsar://h:6650/?protocol=canal-json");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST((r.error().kind == api_error::kafka_invalid_config));
}

BOOST_AUTO_TEST_SUITE_END()
