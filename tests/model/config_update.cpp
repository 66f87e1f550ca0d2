// Update semantics (spec/reference.md 6.1): PUT decodes replica_config onto
// Go's zero value, top-level scalars are always taken from the body, and
// sub-objects and durations are replaced whole or defaulted.
#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include "model/config/defaults.hpp"
#include "model/config/merge.hpp"

using namespace cdc::model;
using namespace cdc::model::config;
using namespace std::chrono_literals;

namespace {

replica_config updated(std::string_view patch) {
  auto c = update_replica_config(boost::json::parse(patch).as_object());
  BOOST_TEST_REQUIRE(c.has_value(), (c ? "" : c.error().message));
  return *c;
}

} // namespace

BOOST_AUTO_TEST_SUITE(config_update)

BOOST_AUTO_TEST_CASE(absent_memory_quota_becomes_zero_for_validation_to_fix) {
  BOOST_TEST(updated("{}").memory_quota == 0u);
}

BOOST_AUTO_TEST_CASE(absent_check_gc_safe_point_becomes_false) {
  BOOST_TEST(!updated("{}").check_gc_safe_point);
}

BOOST_AUTO_TEST_CASE(absent_optional_flags_become_absent) {
  auto c = updated("{}");
  BOOST_TEST(!c.enable_sync_point.has_value());
  BOOST_TEST(!c.enable_table_monitor.has_value());
  BOOST_TEST(!c.bdr_mode.has_value());
}

BOOST_AUTO_TEST_CASE(given_scalars_are_taken) {
  auto c = updated(R"({"memory_quota": 10, "case_sensitive": true, "check_gc_safe_point": true,
                       "enable_sync_point": true})");
  BOOST_TEST(c.memory_quota == 10u);
  BOOST_TEST(c.case_sensitive);
  BOOST_TEST(c.check_gc_safe_point);
  BOOST_TEST((c.enable_sync_point == std::optional<bool>(true)));
}

BOOST_AUTO_TEST_CASE(absent_sub_objects_take_the_defaults) {
  auto c = updated("{}");
  BOOST_TEST((c.filter == default_filter_config()));
  BOOST_TEST((c.mounter == default_mounter_config()));
  BOOST_TEST((c.sink == default_sink_config()));
  BOOST_TEST((c.consistent == default_consistent_config()));
  BOOST_TEST((c.scheduler == default_scheduler_config()));
  BOOST_TEST((c.integrity == default_integrity_config()));
  BOOST_TEST((c.synced_status == default_synced_status_config()));
}

BOOST_AUTO_TEST_CASE(absent_durations_take_the_defaults) {
  auto c = updated("{}");
  BOOST_TEST((c.sync_point_interval == std::optional<duration>(10min)));
  BOOST_TEST((c.sync_point_retention == std::optional<duration>(24h)));
  BOOST_TEST((c.changefeed_error_stuck_duration == std::optional<duration>(30min)));
}

BOOST_AUTO_TEST_CASE(a_present_sink_is_replaced_whole) {
  auto c = updated(R"({"sink": {"protocol": "canal-json"}})");
  BOOST_TEST((c.sink->protocol == std::optional<std::string>("canal-json")));
  BOOST_TEST(!c.sink->terminator.has_value());
  BOOST_TEST(!c.sink->csv.has_value());
  BOOST_TEST(!c.sink->encoder_concurrency.has_value());
  BOOST_TEST(!c.sink->advance_timeout.has_value());
}

BOOST_AUTO_TEST_CASE(a_replaced_sink_shows_nulls_for_its_two_plain_keys) {
  auto v = boost::json::value_from(updated(R"({"sink": {"protocol": "canal-json"}})"));
  const auto& sink = v.at("sink").as_object();
  BOOST_TEST(sink.size() == 3u);
  BOOST_TEST(sink.at("delete_only_output_handle_key_columns").is_null());
  BOOST_TEST(sink.at("content_compatible").is_null());
}

BOOST_AUTO_TEST_CASE(a_present_csv_starts_from_empty_strings) {
  auto c = updated(R"({"sink": {"csv": {"delimiter": ";"}}})");
  BOOST_TEST(c.sink->csv->delimiter == ";");
  BOOST_TEST(c.sink->csv->quote.empty());
  BOOST_TEST(c.sink->csv->binary_encoding_method.empty());
}

BOOST_AUTO_TEST_CASE(a_present_consistent_is_replaced_whole) {
  auto c = updated(R"({"consistent": {"level": "eventual"}})");
  BOOST_TEST(c.consistent->level == "eventual");
  BOOST_TEST(c.consistent->flush_interval == 0);
  BOOST_TEST(!c.consistent->memory_usage.has_value());
}

BOOST_AUTO_TEST_CASE(a_present_duration_is_taken) {
  auto c = updated(R"({"changefeed_error_stuck_duration": "2h"})");
  BOOST_TEST((c.changefeed_error_stuck_duration == std::optional<duration>(2h)));
}

BOOST_AUTO_TEST_CASE(the_default_body_round_trips_to_the_default) {
  // A client that sends back the full default config changes nothing.
  auto full = boost::json::value_from(default_replica_config()).as_object();
  auto c = update_replica_config(full);
  BOOST_TEST_REQUIRE(c.has_value());
  BOOST_TEST((*c == default_replica_config()));
}

BOOST_AUTO_TEST_CASE(update_errors_name_the_field_too) {
  auto c = update_replica_config(boost::json::parse(R"({"mounter": {"worker_num": "8"}})").as_object());
  BOOST_TEST_REQUIRE(!c.has_value());
  BOOST_TEST(c.error().message == "invalid api parameter: replica_config.mounter.worker_num: expected int64, got string");
}

BOOST_AUTO_TEST_SUITE_END()
