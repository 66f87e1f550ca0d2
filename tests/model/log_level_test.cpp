// Log level names as zap reads them.
#include <boost/test/unit_test.hpp>

#include "model/json/body.hpp"
#include "model/log_level.hpp"
#include "tests/support/printers.hpp"

using namespace cdc::model;

BOOST_AUTO_TEST_SUITE(log_levels)

BOOST_AUTO_TEST_CASE(zap_names_parse) {
  for (auto name : {"debug", "info", "warn", "error", "dpanic", "panic", "fatal"}) {
    auto level = parse_log_level(name);
    BOOST_REQUIRE(level.has_value());
    BOOST_TEST(to_string(*level) == name);
  }
}

BOOST_AUTO_TEST_CASE(upper_case_names_parse_like_zap) {
  BOOST_TEST(parse_log_level("WARN").value() == log_level::warn);
}

BOOST_AUTO_TEST_CASE(empty_name_means_info_like_zap) {
  BOOST_TEST(parse_log_level("").value() == log_level::info);
}

BOOST_AUTO_TEST_CASE(other_names_are_rejected) {
  for (auto name : {"loud", "warning", "trace", "Debug", " info"})
    BOOST_TEST(!parse_log_level(name).has_value(), name);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(json_body)

BOOST_AUTO_TEST_CASE(an_object_parses) {
  auto r = json::parse_object(R"({"a": 1})");
  BOOST_REQUIRE(r.has_value());
  BOOST_TEST(r->at("a").as_int64() == 1);
}

BOOST_AUTO_TEST_CASE(empty_body_is_eof_like_go) {
  auto r = json::parse_object("  \n");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().kind == api_error::api_invalid_param);
  BOOST_TEST(r.error().message == "invalid api parameter: EOF");
}

BOOST_AUTO_TEST_CASE(malformed_json_is_invalid_param) {
  auto r = json::parse_object("[1,2", "invalid log level: ");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().message.starts_with("invalid log level: malformed JSON"));
}

BOOST_AUTO_TEST_CASE(non_object_is_rejected_and_named) {
  auto r = json::parse_object("[1,2]");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().message.find("got array") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(trailing_garbage_is_rejected) {
  BOOST_TEST(json::parse_object(R"({"a":1} x)").has_error());
}

BOOST_AUTO_TEST_CASE(absurd_nesting_is_rejected_not_crashing) {
  std::string deep(100000, '[');
  BOOST_TEST(json::parse_object("{\"a\":" + deep).has_error());
}

BOOST_AUTO_TEST_SUITE_END()
