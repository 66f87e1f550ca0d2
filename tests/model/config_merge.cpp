// Create semantics (spec/reference.md 6.1): the body's replica_config merges
// onto the defaults field by field at every depth; arrays and scalars
// replace; null clears; errors name the field.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include "model/config/defaults.hpp"
#include "model/config/merge.hpp"

using namespace cdc::model;
using namespace cdc::model::config;
using namespace std::chrono_literals;

namespace {

replica_config created(std::string_view patch) {
  auto c = create_replica_config(boost::json::parse(patch).as_object());
  BOOST_TEST_REQUIRE(c.has_value(), (c ? "" : c.error().message));
  return *c;
}

replica_config merged(std::string_view patch) {
  auto c = merge_onto(default_replica_config(), boost::json::parse(patch).as_object(), "replica_config");
  BOOST_TEST_REQUIRE(c.has_value(), (c ? "" : c.error().message));
  return *c;
}

std::string create_error(std::string_view patch) {
  auto c = create_replica_config(boost::json::parse(patch).as_object());
  BOOST_TEST_REQUIRE(!c.has_value());
  BOOST_TEST((c.error().kind == api_error::api_invalid_param));
  return c.error().message;
}

} // namespace

BOOST_AUTO_TEST_SUITE(config_merge)

BOOST_AUTO_TEST_CASE(empty_patch_gives_the_defaults) {
  BOOST_TEST((created("{}") == default_replica_config()));
}

BOOST_AUTO_TEST_CASE(top_level_scalar_replaces_its_default) {
  auto c = created(R"({"memory_quota": 2048, "force_replicate": true})");
  BOOST_TEST(c.memory_quota == 2048u);
  BOOST_TEST(c.force_replicate);
  BOOST_TEST(c.check_gc_safe_point);
}

BOOST_AUTO_TEST_CASE(omitted_csv_fields_keep_defaults) {
  auto c = created(R"({"sink": {"csv": {"delimiter": ";"}}})");
  BOOST_TEST(c.sink->csv->delimiter == ";");
  BOOST_TEST(c.sink->csv->quote == "\"");
  BOOST_TEST(c.sink->csv->null == "\\N");
  BOOST_TEST(c.sink->csv->binary_encoding_method == "base64");
}

BOOST_AUTO_TEST_CASE(omitted_sink_fields_keep_defaults_beside_a_set_one) {
  auto c = created(R"({"sink": {"protocol": "canal-json"}})");
  BOOST_TEST((c.sink->protocol == std::optional<std::string>("canal-json")));
  BOOST_TEST((c.sink->terminator == std::optional<std::string>("\r\n")));
  BOOST_TEST((c.sink->encoder_concurrency == std::optional<std::int64_t>(32)));
}

BOOST_AUTO_TEST_CASE(omitted_consistent_fields_keep_defaults) {
  auto c = created(R"({"consistent": {"level": "eventual", "storage": "s3://b/p"}})");
  BOOST_TEST(c.consistent->level == "eventual");
  BOOST_TEST(c.consistent->storage == "s3://b/p");
  BOOST_TEST(c.consistent->flush_interval == 2000);
  BOOST_TEST(c.consistent->memory_usage->memory_quota_percentage == 50u);
}

BOOST_AUTO_TEST_CASE(arrays_replace_rather_than_append) {
  auto c = created(R"({"filter": {"rules": ["db.*", "!db.secret"]}})");
  BOOST_TEST(c.filter->rules == (std::vector<std::string>{"db.*", "!db.secret"}));
}

BOOST_AUTO_TEST_CASE(a_new_sub_object_starts_from_zero_not_from_defaults) {
  auto c = created(R"({"sink": {"kafka_config": {"partition_num": 3}}})");
  BOOST_TEST_REQUIRE(c.sink->kafka.has_value());
  BOOST_TEST((c.sink->kafka->partition_num == std::optional<std::int32_t>(3)));
  BOOST_TEST(!c.sink->kafka->max_message_bytes.has_value());
}

BOOST_AUTO_TEST_CASE(null_clears_an_optional_sink_field) {
  auto c = created(R"({"sink": {"terminator": null}})");
  BOOST_TEST(!c.sink->terminator.has_value());
}

BOOST_AUTO_TEST_CASE(null_clears_an_optional_top_level_flag) {
  auto c = created(R"({"enable_sync_point": null})");
  BOOST_TEST(!c.enable_sync_point.has_value());
}

BOOST_AUTO_TEST_CASE(null_clears_a_list) {
  auto c = created(R"({"filter": {"rules": null}})");
  BOOST_TEST(c.filter->rules.empty());
}

BOOST_AUTO_TEST_CASE(null_for_a_plain_scalar_keeps_the_default) {
  auto c = created(R"({"memory_quota": null, "check_gc_safe_point": null})");
  BOOST_TEST(c.memory_quota == default_memory_quota);
  BOOST_TEST(c.check_gc_safe_point);
}

BOOST_AUTO_TEST_CASE(merge_alone_lets_null_clear_a_sub_object) {
  auto c = merged(R"({"filter": null, "consistent": null})");
  BOOST_TEST(!c.filter.has_value());
  BOOST_TEST(!c.consistent.has_value());
}

BOOST_AUTO_TEST_CASE(a_nulled_sub_object_comes_back_as_default_after_conversion) {
  // TiCDC's conversion keeps the default for a nil sub-object.
  auto c = created(R"({"filter": null, "sink": null})");
  BOOST_TEST((c.filter == default_filter_config()));
  BOOST_TEST((c.sink == default_sink_config()));
}

BOOST_AUTO_TEST_CASE(a_nulled_duration_comes_back_as_default_after_conversion) {
  auto c = created(R"({"sync_point_interval": null})");
  BOOST_TEST((c.sync_point_interval == std::optional<duration>(10min)));
}

BOOST_AUTO_TEST_CASE(durations_read_strings_and_nanoseconds) {
  auto c = created(R"({"sync_point_interval": "30s", "sync_point_retention": 7200000000000,
                       "changefeed_error_stuck_duration": "1h"})");
  BOOST_TEST((c.sync_point_interval == std::optional<duration>(30s)));
  BOOST_TEST((c.sync_point_retention == std::optional<duration>(2h)));
  BOOST_TEST((c.changefeed_error_stuck_duration == std::optional<duration>(1h)));
}

BOOST_AUTO_TEST_CASE(durations_are_written_as_integer_nanoseconds) {
  auto c = created(R"({"sync_point_interval": "1m"})");
  auto v = boost::json::value_from(c);
  BOOST_TEST(v.at("sync_point_interval").as_int64() == 60'000'000'000);
}

BOOST_AUTO_TEST_CASE(sql_mode_is_accepted_and_dropped) {
  auto c = created(R"({"sql_mode": "ANSI_QUOTES"})");
  BOOST_TEST(c.sql_mode.empty());
  BOOST_TEST(!boost::json::value_from(c).as_object().contains("sql_mode"));
}

BOOST_AUTO_TEST_CASE(sql_mode_of_the_wrong_type_is_still_an_error) {
  BOOST_TEST(create_error(R"({"sql_mode": 1})")
             == "invalid api parameter: replica_config.sql_mode: expected string, got number");
}

BOOST_AUTO_TEST_CASE(enable_old_value_is_ignored) {
  BOOST_TEST((created(R"({"enable_old_value": false})") == default_replica_config()));
}

BOOST_AUTO_TEST_CASE(wrong_type_deep_in_the_sink_names_the_path) {
  BOOST_TEST(create_error(R"({"sink": {"csv": {"delimiter": 1}}})")
             == "invalid api parameter: replica_config.sink.csv.delimiter: expected string, got number");
}

BOOST_AUTO_TEST_CASE(wrong_type_in_a_list_item_names_its_index) {
  BOOST_TEST(create_error(R"({"sink": {"dispatchers": [{"topic": "a"}, {"topic": 2}]}})")
             == "invalid api parameter: replica_config.sink.dispatchers[1].topic: expected string, got number");
}

BOOST_AUTO_TEST_CASE(negative_memory_quota_is_rejected) {
  BOOST_TEST(create_error(R"({"memory_quota": -1})")
             == "invalid api parameter: replica_config.memory_quota: -1 is out of range for uint64");
}

BOOST_AUTO_TEST_CASE(out_of_range_int32_is_rejected) {
  BOOST_TEST(create_error(R"({"sink": {"send_bootstrap_in_msg_count": 4294967296}})")
             == "invalid api parameter: replica_config.sink.send_bootstrap_in_msg_count: 4294967296 is out of range for int32");
}

BOOST_AUTO_TEST_CASE(a_scalar_where_an_object_belongs_is_rejected) {
  BOOST_TEST(create_error(R"({"consistent": "eventual"})")
             == "invalid api parameter: replica_config.consistent: expected object, got string");
}

BOOST_AUTO_TEST_CASE(a_bad_duration_names_the_field) {
  BOOST_TEST(create_error(R"({"changefeed_error_stuck_duration": true})")
             == "invalid api parameter: replica_config.changefeed_error_stuck_duration: invalid duration");
}

BOOST_AUTO_TEST_CASE(the_path_root_is_the_callers_choice) {
  auto c = merge_onto(replica_config{}, boost::json::parse(R"({"mounter": []})").as_object(), "config");
  BOOST_TEST_REQUIRE(!c.has_value());
  BOOST_TEST(c.error().message == "invalid api parameter: config.mounter: expected object, got array");
}

BOOST_AUTO_TEST_CASE(keys_match_ignoring_case_like_go) {
  auto c = created(R"({"Sink": {"CSV": {"Delimiter": "|"}}})");
  BOOST_TEST(c.sink->csv->delimiter == "|");
}

BOOST_AUTO_TEST_CASE(later_duplicate_keys_win_like_go) {
  auto c = created(R"({"sink": {"protocol": "avro"}, "Sink": {"protocol": "canal-json"}})");
  BOOST_TEST((c.sink->protocol == std::optional<std::string>("canal-json")));
}

BOOST_AUTO_TEST_CASE(event_filter_rules_keep_every_key) {
  auto c = created(R"({"filter": {"event_filters": [{
      "matcher": ["test.*"], "ignore_event": ["all dml", "all ddl", "alter table"],
      "ignore_sql": ["^drop"], "ignore_insert_value_expr": "id > 1",
      "ignore_update_new_value_expr": "a = 1", "ignore_update_old_value_expr": "b = 2",
      "ignore_delete_value_expr": "c = 3"}]}})");
  BOOST_TEST_REQUIRE(c.filter->event_filters.size() == 1u);
  const auto& r = c.filter->event_filters[0];
  BOOST_TEST(r.ignore_event == (std::vector<std::string>{"all dml", "all ddl", "alter table"}));
  BOOST_TEST(r.ignore_delete_value_expr == "c = 3");
  BOOST_TEST(r.ignore_update_old_value_expr == "b = 2");
}

BOOST_AUTO_TEST_CASE(mysql_style_filter_lists_are_carried) {
  auto c = created(R"({"filter": {"do_dbs": ["a"], "do_tables": [{"database_name": "a", "table_name": "t"}],
                                  "ignore_dbs": ["b"], "ignore_tables": [{"database_name": "b", "table_name": "u"}]}})");
  BOOST_TEST(c.filter->do_dbs == std::vector<std::string>{"a"});
  BOOST_TEST(c.filter->do_tables.at(0).table_name == "t");
  BOOST_TEST(c.filter->ignore_tables.at(0).database_name == "b");
  BOOST_TEST(c.filter->rules == std::vector<std::string>{"*.*"});
}

BOOST_AUTO_TEST_CASE(dispatchers_carry_every_rule_key) {
  auto c = created(R"({"sink": {"dispatchers": [{"matcher": ["db.*"], "partition": "index-value",
                       "index": "uk", "columns": ["a", "b"], "topic": "t_{schema}"}]}})");
  const auto& d = c.sink->dispatchers.at(0);
  BOOST_TEST(d.matcher == std::vector<std::string>{"db.*"});
  BOOST_TEST(d.partition == "index-value");
  BOOST_TEST(d.index == "uk");
  BOOST_TEST(d.columns == (std::vector<std::string>{"a", "b"}));
  BOOST_TEST(d.topic == "t_{schema}");
}

BOOST_AUTO_TEST_CASE(pulsar_keys_are_hyphenated) {
  auto c = created(R"({"sink": {"pulsar_config": {"tls-certificate-path": "k.pem",
                       "pulsar-producer-cache-size": 10, "oauth2": {"oauth2-issuer-url": "https://i"}}}})");
  BOOST_TEST((c.sink->pulsar->tls_certificate_path == std::optional<std::string>("k.pem")));
  BOOST_TEST((c.sink->pulsar->pulsar_producer_cache_size == std::optional<std::int32_t>(10)));
  BOOST_TEST(c.sink->pulsar->oauth2->oauth2_issuer_url == "https://i");
}

BOOST_AUTO_TEST_CASE(kafka_nested_sections_decode) {
  auto c = created(R"({"sink": {"kafka_config": {"codec_config": {"enable_tidb_extension": true},
                       "large_message_handle": {"large_message_handle_option": "claim-check"},
                       "glue_schema_registry_config": {"registry_name": "r", "region": "eu"},
                       "sasl_oauth_scopes": ["a"], "replication_factor": 3}}})");
  const auto& k = *c.sink->kafka;
  BOOST_TEST((k.codec->enable_tidb_extension == std::optional<bool>(true)));
  BOOST_TEST(k.large_message_handle->large_message_handle_option == "claim-check");
  BOOST_TEST(k.glue_schema_registry->region == "eu");
  BOOST_TEST(k.sasl_oauth_scopes == std::vector<std::string>{"a"});
  BOOST_TEST((k.replication_factor == std::optional<std::int16_t>(3)));
}

BOOST_AUTO_TEST_CASE(replication_factor_is_an_int16) {
  BOOST_TEST(create_error(R"({"sink": {"kafka_config": {"replication_factor": 40000}}})")
             == "invalid api parameter: replica_config.sink.kafka_config.replication_factor: 40000 is out of range for int16");
}

BOOST_AUTO_TEST_SUITE_END()
