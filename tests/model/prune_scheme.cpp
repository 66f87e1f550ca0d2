// Pruning of sink-irrelevant config fields per scheme class (reference 6.5).
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <boost/test/unit_test.hpp>

#include "model/changefeed/prune.hpp"
#include "model/config/defaults.hpp"
#include "tests/support/printers.hpp"

using namespace cdc::model;

namespace {

// The defaults plus every field some sink class prunes.
config::replica_config loaded_config() {
  auto cfg = config::default_replica_config();
  cfg.enable_sync_point = true;
  cfg.bdr_mode = false;
  auto& s = *cfg.sink;
  s.protocol = "canal-json";
  s.schema_registry = "http://r:8081";
  s.dispatchers = {config::dispatch_rule{{"*.*"}, "ts", "", {}, ""}};
  s.file_index_width = 20;
  s.safe_mode = true;
  s.kafka = config::kafka_config{};
  s.mysql = config::mysql_config{};
  s.cloud_storage = config::cloud_storage_config{};
  return cfg;
}

config::replica_config pruned(sink::scheme_class kind, config::replica_config cfg = loaded_config()) {
  prune_for_scheme(cfg, kind);
  return cfg;
}

bool has_mq_fields(const config::sink_config& s) {
  return !s.dispatchers.empty() || s.schema_registry || s.encoder_concurrency || s.enable_kafka_sink_v2
         || s.only_output_updated_columns || s.delete_only_output_handle_key_columns || s.content_compatible || s.kafka;
}

bool has_storage_fields(const config::sink_config& s) {
  return s.csv || s.date_separator || s.enable_partition_separator || s.file_index_width || s.cloud_storage;
}

bool has_db_fields(const config::replica_config& c) {
  return c.enable_sync_point || c.bdr_mode || c.sync_point_interval || c.sync_point_retention || c.consistent
         || c.sink->safe_mode || c.sink->mysql;
}

} // namespace

BOOST_AUTO_TEST_SUITE(prune_scheme)

BOOST_AUTO_TEST_CASE(blackhole_keeps_every_field) {
  BOOST_TEST((pruned(sink::scheme_class::blackhole) == loaded_config()));
}

BOOST_AUTO_TEST_CASE(mysql_drops_mq_and_storage_fields) {
  auto cfg = pruned(sink::scheme_class::mysql);
  BOOST_TEST(!has_mq_fields(*cfg.sink));
  BOOST_TEST(!has_storage_fields(*cfg.sink));
}

BOOST_AUTO_TEST_CASE(mysql_drops_protocol_and_terminator) {
  auto cfg = pruned(sink::scheme_class::mysql);
  BOOST_TEST(!cfg.sink->protocol.has_value());
  BOOST_TEST(!cfg.sink->terminator.has_value());
}

BOOST_AUTO_TEST_CASE(mysql_keeps_db_fields) {
  auto cfg = pruned(sink::scheme_class::mysql);
  BOOST_TEST(has_db_fields(cfg));
  BOOST_TEST(cfg.sink->safe_mode.value());
  BOOST_TEST(cfg.consistent.has_value());
}

BOOST_AUTO_TEST_CASE(kafka_drops_storage_and_db_fields) {
  auto cfg = pruned(sink::scheme_class::kafka);
  BOOST_TEST(!has_storage_fields(*cfg.sink));
  BOOST_TEST(!has_db_fields(cfg));
}

BOOST_AUTO_TEST_CASE(kafka_keeps_mq_fields_and_protocol) {
  auto cfg = pruned(sink::scheme_class::kafka);
  BOOST_TEST(cfg.sink->dispatchers.size() == 1u);
  BOOST_TEST(cfg.sink->kafka.has_value());
  BOOST_TEST(cfg.sink->protocol.value() == "canal-json");
  BOOST_TEST(cfg.sink->terminator.has_value());
}

BOOST_AUTO_TEST_CASE(mq_drops_the_schema_registry_unless_the_protocol_is_avro) {
  BOOST_TEST(!pruned(sink::scheme_class::kafka).sink->schema_registry.has_value());
  auto avro = loaded_config();
  avro.sink->protocol = "avro";
  BOOST_TEST(pruned(sink::scheme_class::kafka, avro).sink->schema_registry.value() == "http://r:8081");
}

BOOST_AUTO_TEST_CASE(avro_is_compared_as_ticdc_compares_it_exactly) {
  auto cfg = loaded_config();
  cfg.sink->protocol = "AVRO";
  BOOST_TEST(!pruned(sink::scheme_class::kafka, cfg).sink->schema_registry.has_value());
}

BOOST_AUTO_TEST_CASE(pulsar_is_pruned_like_kafka) {
  BOOST_TEST((pruned(sink::scheme_class::pulsar) == pruned(sink::scheme_class::kafka)));
}

BOOST_AUTO_TEST_CASE(storage_drops_mq_and_db_fields_and_keeps_its_own) {
  auto cfg = pruned(sink::scheme_class::storage);
  BOOST_TEST(!has_mq_fields(*cfg.sink));
  BOOST_TEST(!has_db_fields(cfg));
  BOOST_TEST(has_storage_fields(*cfg.sink));
  BOOST_TEST(cfg.sink->protocol.has_value());
}

BOOST_AUTO_TEST_CASE(pruned_fields_are_written_as_ticdc_writes_them) {
  // Two keys are not omitempty in TiCDC's API model: they become null.
  auto v = boost::json::value_from(pruned(sink::scheme_class::mysql));
  const auto& sink = v.at("sink").as_object();
  BOOST_TEST(sink.at("delete_only_output_handle_key_columns").is_null());
  BOOST_TEST(sink.at("content_compatible").is_null());
  BOOST_TEST(!sink.contains("dispatchers"));
  BOOST_TEST(!sink.contains("csv"));
}

BOOST_AUTO_TEST_CASE(missing_parts_are_filled_before_pruning) {
  config::replica_config cfg;  // a stored config with no parts at all
  fill_missing_parts(cfg);
  BOOST_TEST((cfg.filter && cfg.mounter && cfg.sink && cfg.consistent && cfg.scheduler && cfg.integrity));
  BOOST_TEST((cfg.changefeed_error_stuck_duration && cfg.synced_status));
  BOOST_TEST(!cfg.sync_point_interval.has_value());  // TiCDC does not fill these on load
}

BOOST_AUTO_TEST_CASE(filling_keeps_parts_that_are_there) {
  auto cfg = loaded_config();
  cfg.mounter->worker_num = 3;
  fill_missing_parts(cfg);
  BOOST_TEST(cfg.mounter->worker_num == 3);
}

BOOST_AUTO_TEST_CASE(prune_for_sink_takes_the_class_from_the_uri) {
  auto cfg = loaded_config();
  prune_for_sink(cfg, "MySQL://root@h:3306/");
  BOOST_TEST((cfg == pruned(sink::scheme_class::mysql)));
}

BOOST_AUTO_TEST_CASE(unparsable_sink_uri_prunes_nothing) {
  auto cfg = loaded_config();
  prune_for_sink(cfg, "\x7f ");
  BOOST_TEST((cfg == loaded_config()));
}

BOOST_AUTO_TEST_CASE(unknown_scheme_drops_every_class_specific_field) {
  auto cfg = pruned(sink::scheme_class::unknown);
  BOOST_TEST(!has_mq_fields(*cfg.sink));
  BOOST_TEST(!has_storage_fields(*cfg.sink));
  BOOST_TEST(!has_db_fields(cfg));
}

BOOST_AUTO_TEST_SUITE_END()
