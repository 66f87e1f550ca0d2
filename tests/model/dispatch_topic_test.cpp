// Topic expressions: TiCDC's validation for Kafka, Avro and Pulsar, and the
// substitution of {schema}/{table} (expression_test.go cases).
#include <boost/test/unit_test.hpp>

#include "model/dispatch/topic_expr.hpp"

using namespace cdc::model;
using namespace cdc::model::dispatch;

BOOST_AUTO_TEST_SUITE(dispatch_topic)

BOOST_AUTO_TEST_CASE(plain_names_are_hard_coded_topics) {
  BOOST_TEST(is_hard_coded_topic("orders"));
  BOOST_TEST(is_hard_coded_topic("a.b-c_d"));
  BOOST_TEST(!is_hard_coded_topic("{schema}"));
  BOOST_TEST(!is_hard_coded_topic(""));
  BOOST_TEST(!is_hard_coded_topic("a b"));
}

BOOST_AUTO_TEST_CASE(kafka_accepts_schema_and_table_with_affixes) {
  for (auto e : {"{schema}", "abc{schema}", "{schema}def", "abc{schema}def", "abc._-def{schema}abc",
                 "{schema}_{table}", "ab.-c_{schema}_{table}_de.-f", "abc_{schema}de._-{table}_fhi",
                 "prefix_{table}", "plain"})
    BOOST_TEST(validate_kafka_topic(e).has_value(), e);
}

BOOST_AUTO_TEST_CASE(kafka_rejects_malformed_expressions) {
  for (auto e : {"{{{{schema}", "你好{schema}", "{schema}}}}}", "{xxx}", "abc{sch}", "{sch}_{tab}",
                 "{schema}!@#$%^&*()+{}你好{table}", "{table}{schema}", "{schema}{schema}"})
    BOOST_TEST(!validate_kafka_topic(e).has_value(), e);
}

BOOST_AUTO_TEST_CASE(kafka_error_names_the_expression) {
  auto v = validate_kafka_topic("{xxx}");
  BOOST_REQUIRE(!v.has_value());
  BOOST_TEST(code_of(v.error().kind) == "CDC:ErrKafkaTopicExprInvalid");
  BOOST_TEST(http_status_of(v.error().kind) == 500u);
  BOOST_TEST(v.error().message == "invalid topic expression: {xxx} ");
}

BOOST_AUTO_TEST_CASE(avro_needs_both_placeholders) {
  BOOST_TEST(validate_avro_topic("{schema}_{table}").has_value());
  BOOST_TEST(validate_avro_topic("p_{schema}.{table}_s").has_value());
  BOOST_TEST(!validate_avro_topic("{schema}").has_value());
  BOOST_TEST(!validate_avro_topic("prefix_{table}").has_value());
}

BOOST_AUTO_TEST_CASE(avro_error_carries_ticdcs_extra_argument) {
  auto v = validate_avro_topic("{schema}");
  BOOST_REQUIRE(!v.has_value());
  BOOST_TEST(code_of(v.error().kind) == "CDC:ErrKafkaTopicExprInvalid");
  BOOST_TEST(v.error().message
             == "invalid topic expression: {schema} %!(EXTRA string=topic rule for Avro must contain {schema} and {table})");
}

BOOST_AUTO_TEST_CASE(pulsar_accepts_full_and_simple_names) {
  for (auto e : {"persistent://public/default/{schema}_{table}", "non-persistent://t/ns/topic",
                 "persistent://public/default/abc", "{schema}_{table}", "abc{schema}", "simple"})
    BOOST_TEST(validate_pulsar_topic(e).has_value(), e);
}

BOOST_AUTO_TEST_CASE(pulsar_rejects_slashes_in_simple_names) {
  auto v = validate_pulsar_topic("public/default/{schema}");
  BOOST_REQUIRE(!v.has_value());
  BOOST_TEST(code_of(v.error().kind) == "CDC:ErrPulsarTopicExprInvalid");
  BOOST_TEST(v.error().message
             == "invalid topic expression%!(EXTRA string=it should be in the format of a <topic> and topic "
                "name must contain '{schema}'and simple topic name must not contain '/')");
}

BOOST_AUTO_TEST_CASE(pulsar_rejects_malformed_full_names) {
  for (auto e : {"persistent://public/default", "persistent://a/b/c/d", "persistent://a b/c/d",
                 "xpersistent://a/b/c/d"}) {
    auto v = validate_pulsar_topic(e);
    BOOST_REQUIRE_MESSAGE(!v.has_value(), e);
    BOOST_TEST(v.error().message.find("it should be in the format of <tenant>/<namespace>/<topic>")
                 != std::string::npos,
               e);
  }
}

BOOST_AUTO_TEST_CASE(pulsar_empty_expression_is_rejected) {
  auto v = validate_pulsar_topic("");
  BOOST_REQUIRE(!v.has_value());
  BOOST_TEST(v.error().message == "invalid topic expression%!(EXTRA string=topic name is empty)");
}

BOOST_AUTO_TEST_CASE(substitution_fills_schema_and_table) {
  BOOST_TEST(substitute_topic("{schema}", "abc", "") == "abc");
  BOOST_TEST(substitute_topic("abc{schema}def", "hello", "") == "abchellodef");
  BOOST_TEST(substitute_topic("{schema}_{table}", "hello", "world") == "hello_world");
  BOOST_TEST(substitute_topic("abc_{schema}de._-{table}_fhi", "hello", "world") == "abc_hellode._-world_fhi");
  BOOST_TEST(substitute_topic("prefix_{table}", "test", "table1") == "prefix_table1");
}

BOOST_AUTO_TEST_CASE(substitution_keeps_the_case_of_names) {
  BOOST_TEST(substitute_topic("abc{schema}", "DEF", "") == "abcDEF");
  BOOST_TEST(substitute_topic("{schema}_{table}", "HELLO", "WORLD") == "HELLO_WORLD");
}

BOOST_AUTO_TEST_CASE(substitution_replaces_forbidden_characters_per_character) {
  BOOST_TEST(substitute_topic("abc_def{schema}", "!@#$%^&*()_+.{}", "") == "abc_def____________.__");
  BOOST_TEST(substitute_topic("abc{schema}def", "你好", "") == "abc__def");
  BOOST_TEST(substitute_topic("{schema}_{table}", "你好", "世界") == "_____");
  BOOST_TEST(substitute_topic("{schema}_{table}", "hello", "!@#$%^&*") == "hello_________");
}

BOOST_AUTO_TEST_CASE(single_and_double_dot_topics_are_replaced) {
  BOOST_TEST(substitute_topic("{schema}", ".", "") == "_");
  BOOST_TEST(substitute_topic("{schema}", "..", "") == "__");
  BOOST_TEST(substitute_topic("{schema}", "...", "") == "...");
}

BOOST_AUTO_TEST_CASE(long_topics_are_truncated_to_249_bytes) {
  std::string schema(300, 's');
  auto topic = substitute_topic("p_{schema}", schema, "");
  BOOST_TEST(topic.size() == max_topic_length);
  BOOST_TEST(topic.substr(0, 3) == "p_s");
}

BOOST_AUTO_TEST_SUITE_END()
