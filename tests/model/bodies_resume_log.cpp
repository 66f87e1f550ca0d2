// The resume body (overwrite_checkpoint_ts and PD keys) and the log body.
#include <boost/test/unit_test.hpp>

#include "model/changefeed/bodies.hpp"

using namespace cdc::model;

BOOST_AUTO_TEST_SUITE(bodies_resume_log)

BOOST_AUTO_TEST_CASE(resume_requires_a_body) {
  auto r = parse_resume_body("");
  BOOST_TEST_REQUIRE(!r.has_value());
  BOOST_TEST(r.error().message == "invalid api parameter: EOF");
}

BOOST_AUTO_TEST_CASE(an_empty_resume_object_keeps_the_checkpoint) {
  auto r = parse_resume_body("{}");
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(r->overwrite_checkpoint_ts == 0u);
  BOOST_TEST(r->pd.pd_addrs.empty());
}

BOOST_AUTO_TEST_CASE(resume_reads_the_overwrite_checkpoint_and_pd_keys) {
  auto r = parse_resume_body(R"({"overwrite_checkpoint_ts": 445947108990386176, "pd_addrs": ["p"], "key_path": "k"})");
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(r->overwrite_checkpoint_ts == 445947108990386176u);
  BOOST_TEST(r->pd.pd_addrs == std::vector<std::string>{"p"});
  BOOST_TEST(r->pd.key_path == "k");
}

BOOST_AUTO_TEST_CASE(a_negative_overwrite_checkpoint_is_rejected) {
  auto r = parse_resume_body(R"({"overwrite_checkpoint_ts": -5})");
  BOOST_TEST_REQUIRE(!r.has_value());
  BOOST_TEST(r.error().message == "invalid api parameter: overwrite_checkpoint_ts: -5 is out of range for uint64");
}

BOOST_AUTO_TEST_CASE(log_level_is_read) {
  auto l = parse_log_level_body(R"({"log_level": "debug"})");
  BOOST_TEST_REQUIRE(l.has_value());
  BOOST_TEST(l->log_level == "debug");
}

BOOST_AUTO_TEST_CASE(an_absent_log_level_is_empty) {
  auto l = parse_log_level_body("{}");
  BOOST_TEST_REQUIRE(l.has_value());
  BOOST_TEST(l->log_level.empty());
}

BOOST_AUTO_TEST_CASE(log_body_errors_say_invalid_log_level) {
  auto bad_type = parse_log_level_body(R"({"log_level": 1})");
  BOOST_TEST_REQUIRE(!bad_type.has_value());
  BOOST_TEST(bad_type.error().message == "invalid log level: log_level: expected string, got number");
  auto empty = parse_log_level_body("");
  BOOST_TEST_REQUIRE(!empty.has_value());
  BOOST_TEST(empty.error().message == "invalid log level: EOF");
}

BOOST_AUTO_TEST_SUITE_END()
