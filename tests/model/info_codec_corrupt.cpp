// Corrupt stored records: every kind of damage is an error, never a crash.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include "model/changefeed/info_codec.hpp"
#include "model/changefeed/stored_time.hpp"
#include "model/config/defaults.hpp"
#include "tests/support/printers.hpp"

using namespace cdc::model;

namespace {

boost::json::object good_record() {
  changefeed_info info;
  info.key = {"default", "cf"};
  info.sink_uri = "blackhole://";
  info.config = std::make_shared<const config::replica_config>(config::default_replica_config());
  info.error = running_error{std::nullopt, "a", "c", "m"};
  return encode_info(info).as_object();
}

api_failure decode_error(const boost::json::value& v) {
  auto r = decode_info(v);
  BOOST_REQUIRE(!r);
  BOOST_TEST(r.error().kind == api_error::meta_store_failed);
  return r.error();
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

} // namespace

BOOST_AUTO_TEST_SUITE(info_codec_corrupt)

BOOST_AUTO_TEST_CASE(text_that_is_not_json_is_refused) {
  for (std::string_view text : {"", "{", "nul", "{\"a\":}", "\xff\xfe"}) {
    auto r = parse_info(text);
    BOOST_REQUIRE(!r);
    BOOST_TEST(r.error().kind == api_error::meta_store_failed);
  }
}

BOOST_AUTO_TEST_CASE(truncated_record_is_refused) {
  auto text = boost::json::serialize(good_record());
  for (std::size_t n = 0; n < text.size(); n += 7)
    BOOST_TEST(!parse_info(text.substr(0, n)).has_value());
}

BOOST_AUTO_TEST_CASE(record_that_is_not_an_object_is_refused) {
  auto e = decode_error(boost::json::array{1, 2});
  BOOST_TEST(e.message == "meta store operation failed: corrupt changefeed info: expected an object, got array");
}

BOOST_AUTO_TEST_CASE(every_missing_key_is_named) {
  for (const auto& kv : good_record()) {
    auto rec = good_record();
    rec.erase(kv.key());
    auto e = decode_error(rec);
    BOOST_TEST(contains(e.message, std::string{kv.key()} + ": missing"), e.message);
  }
}

BOOST_AUTO_TEST_CASE(wrong_types_are_refused) {
  for (std::string_view key : {"upstream-id", "namespace", "changefeed-id", "sink-uri", "create-time", "start-ts",
                               "target-ts", "admin-job-type", "config", "state", "error", "creator-version", "epoch"}) {
    auto rec = good_record();
    rec[key] = key == "namespace" || key == "sink-uri" ? boost::json::value(1.5) : boost::json::value(true);
    decode_error(rec);
  }
}

BOOST_AUTO_TEST_CASE(negative_timestamps_are_refused) {
  auto rec = good_record();
  rec["start-ts"] = -1;
  auto e = decode_error(rec);
  BOOST_TEST(contains(e.message, "start-ts: expected an unsigned integer, got number"));
}

BOOST_AUTO_TEST_CASE(fractional_timestamps_are_refused) {
  auto rec = good_record();
  rec["epoch"] = 1.0;
  decode_error(rec);
}

BOOST_AUTO_TEST_CASE(unknown_state_is_refused) {
  auto rec = good_record();
  rec["state"] = "paused";
  auto e = decode_error(rec);
  BOOST_TEST(contains(e.message, "unknown state \"paused\""));
}

BOOST_AUTO_TEST_CASE(unknown_admin_job_type_is_refused) {
  auto rec = good_record();
  rec["admin-job-type"] = 9;
  decode_error(rec);
}

BOOST_AUTO_TEST_CASE(malformed_create_time_is_refused) {
  for (std::string_view t : {"2023-02-30T00:00:00Z", "2023-11-28 06:33:37Z", "2023-11-28T06:33:37", "2023-11-28T24:00:00Z",
                             "2023-11-28T06:33:37.Z", "2023-11-28T06:33:37.1234567891Z", "2023-11-28T06:33:37Z ",
                             "9999-12-31T23:59:59Z", "x"}) {
    auto rec = good_record();
    rec["create-time"] = t;
    decode_error(rec);
  }
}

BOOST_AUTO_TEST_CASE(config_of_the_wrong_shape_names_the_field) {
  auto rec = good_record();
  rec["config"].as_object()["sink"] = boost::json::object{{"terminator", 5}};
  auto e = decode_error(rec);
  BOOST_TEST(contains(e.message, "config.sink.terminator"), e.message);
}

BOOST_AUTO_TEST_CASE(error_with_missing_parts_is_refused) {
  auto rec = good_record();
  rec["error"] = boost::json::object{{"addr", "a"}};
  auto e = decode_error(rec);
  BOOST_TEST(contains(e.message, "changefeed info: error: code: missing"), e.message);
}

BOOST_AUTO_TEST_CASE(error_with_a_bad_time_is_refused) {
  auto rec = good_record();
  rec["error"].as_object()["time"] = "yesterday";
  decode_error(rec);
}

BOOST_AUTO_TEST_CASE(corrupt_progress_is_refused) {
  for (std::string_view text : {"{}", "[]", R"({"checkpoint-ts":1})", R"({"checkpoint-ts":"1","resolved-ts":2})",
                                R"({"checkpoint-ts":1,"resolved-ts":-2})", "{"}) {
    auto r = parse_progress(text);
    BOOST_REQUIRE(!r);
    BOOST_TEST(r.error().kind == api_error::meta_store_failed);
  }
}

BOOST_AUTO_TEST_CASE(deeply_nested_garbage_is_refused) {
  std::string text(100000, '[');
  BOOST_TEST(!parse_info(text).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
