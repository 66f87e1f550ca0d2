// TiCDC's default replica config: every default value, and the exact JSON of
// spec/reference.md 6.2, key order included.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include "model/config/defaults.hpp"

using namespace cdc::model;
using namespace cdc::model::config;
using namespace std::chrono_literals;

namespace {

// Copied verbatim from spec/reference.md section 6.2.
constexpr std::string_view reference_6_2 = R"json({
  "memory_quota": 1073741824,
  "case_sensitive": false,
  "force_replicate": false,
  "ignore_ineligible_table": false,
  "check_gc_safe_point": true,
  "enable_sync_point": false,
  "enable_table_monitor": false,
  "bdr_mode": false,
  "sync_point_interval": 600000000000,
  "sync_point_retention": 86400000000000,
  "filter": { "rules": ["*.*"] },
  "mounter": { "worker_num": 16 },
  "sink": {
    "csv": {
      "delimiter": ",", "quote": "\"", "null": "\\N", "include_commit_ts": false,
      "binary_encoding_method": "base64", "output_old_value": false,
      "output_handle_key": false, "output_field_header": false
    },
    "encoder_concurrency": 32,
    "terminator": "\r\n",
    "date_separator": "day",
    "enable_partition_separator": true,
    "enable_kafka_sink_v2": false,
    "only_output_updated_columns": false,
    "delete_only_output_handle_key_columns": false,
    "content_compatible": false,
    "advance_timeout": 150,
    "send_bootstrap_interval_in_sec": 120,
    "send_bootstrap_in_msg_count": 10000,
    "send_bootstrap_to_all_partition": true,
    "send-all-bootstrap-at-start": false,
    "debezium_disable_schema": false,
    "debezium": { "output_old_value": true },
    "open": { "output_old_value": true }
  },
  "consistent": {
    "level": "none", "max_log_size": 64, "flush_interval": 2000, "meta_flush_interval": 200,
    "encoding_worker_num": 16, "flush_worker_num": 8, "use_file_backend": false,
    "memory_usage": { "memory_quota_percentage": 50 }
  },
  "scheduler": { "enable_table_across_nodes": false, "region_threshold": 100000, "write_key_threshold": 0 },
  "integrity": { "integrity_check_level": "none", "corruption_handle_level": "warn" },
  "changefeed_error_stuck_duration": 1800000000000,
  "synced_status": { "synced_check_interval": 300, "checkpoint_interval": 15 }
}
)json";

// The text without whitespace outside strings: what a compact serializer writes.
std::string minify(std::string_view text) {
  std::string out;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\') {
        out += text[++i];
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
      out += c;
    } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
      out += c;
    }
  }
  return out;
}

std::string default_json() {
  return boost::json::serialize(boost::json::value_from(default_replica_config()));
}

} // namespace

BOOST_AUTO_TEST_SUITE(config_default_json)

BOOST_AUTO_TEST_CASE(default_config_serialises_to_reference_6_2_byte_for_byte) {
  BOOST_TEST(default_json() == minify(reference_6_2));
}

BOOST_AUTO_TEST_CASE(default_config_equals_reference_6_2_parsed) {
  auto parsed = boost::json::parse(reference_6_2);
  BOOST_TEST((boost::json::value_from(default_replica_config()) == parsed));
}

BOOST_AUTO_TEST_CASE(top_level_keys_come_in_tidbs_order) {
  auto v = boost::json::value_from(default_replica_config());
  std::vector<std::string> keys;
  for (const auto& kv : v.as_object())
    keys.emplace_back(kv.key());
  std::vector<std::string> expected{
    "memory_quota", "case_sensitive", "force_replicate", "ignore_ineligible_table", "check_gc_safe_point",
    "enable_sync_point", "enable_table_monitor", "bdr_mode", "sync_point_interval", "sync_point_retention",
    "filter", "mounter", "sink", "consistent", "scheduler", "integrity", "changefeed_error_stuck_duration",
    "synced_status"};
  BOOST_TEST(keys == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(reading_reference_6_2_onto_zero_gives_the_default) {
  auto obj = boost::json::parse(reference_6_2).as_object();
  replica_config c;
  auto st = read_into(c, obj, json::path{"replica_config"});
  BOOST_TEST_REQUIRE(st.has_value());
  BOOST_TEST((c == default_replica_config()));
}

BOOST_AUTO_TEST_CASE(hyphenated_bootstrap_key_is_the_real_tag) {
  BOOST_TEST(default_json().find("\"send-all-bootstrap-at-start\":false") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
