// TiCDC's changefeed TOML (cdc cli --config=FILE) onto a replica config:
// kebab-case keys, the keys whose TOML name is not the API's, strict
// rejection of keys TiCDC does not know, and errors naming the key written.
#include <boost/test/unit_test.hpp>

#include "model/config/defaults.hpp"
#include "model/config/toml_config.hpp"

using namespace cdc::model;
using namespace cdc::model::config;
using namespace std::chrono_literals;

namespace {

replica_config from_toml(std::string_view text) {
  auto c = replica_config_from_toml(text, "c.toml", default_replica_config());
  BOOST_TEST_REQUIRE(c.has_value(), (c ? "" : c.error().message));
  return *c;
}

std::string toml_error(std::string_view text) {
  auto c = replica_config_from_toml(text, "c.toml", default_replica_config());
  BOOST_TEST_REQUIRE(!c.has_value());
  return c.error().message;
}

} // namespace

BOOST_AUTO_TEST_SUITE(config_toml)

BOOST_AUTO_TEST_CASE(kebab_keys_land_on_the_api_fields) {
  auto c = from_toml(R"(
force-replicate = true
memory-quota = 2048
sync-point-interval = "5m"
[filter]
rules = ['test.*', '!test.skip']
[sink]
protocol = "canal-json"
[[sink.dispatchers]]
matcher = ['test.*']
topic = "t_{schema}"
partition = "ts"
)");
  BOOST_TEST(c.force_replicate);
  BOOST_TEST(c.memory_quota == 2048u);
  BOOST_TEST_REQUIRE(c.sync_point_interval.has_value());
  BOOST_TEST((c.sync_point_interval->count() == std::chrono::nanoseconds(5min).count()));
  BOOST_TEST_REQUIRE(c.filter.has_value());
  BOOST_TEST((c.filter->rules == std::vector<std::string>{"test.*", "!test.skip"}));
  BOOST_TEST_REQUIRE(c.sink.has_value());
  BOOST_TEST((c.sink->protocol == std::optional<std::string>("canal-json")));
  BOOST_TEST_REQUIRE(c.sink->dispatchers.size() == 1u);
  BOOST_TEST(c.sink->dispatchers[0].topic == "t_{schema}");
  BOOST_TEST(c.sink->dispatchers[0].partition == "ts");
}

BOOST_AUTO_TEST_CASE(keys_the_file_does_not_name_keep_the_base) {
  auto c = from_toml("force-replicate = true\n[sink]\nprotocol = \"open-protocol\"\n");
  auto d = default_replica_config();
  BOOST_TEST((c.mounter == d.mounter));
  BOOST_TEST((c.scheduler == d.scheduler));
  BOOST_TEST((c.sink->csv == d.sink->csv));
  BOOST_TEST((c.sink->encoder_concurrency == d.sink->encoder_concurrency));
  BOOST_TEST(c.check_gc_safe_point == d.check_gc_safe_point);
}

BOOST_AUTO_TEST_CASE(toml_names_that_differ_from_the_api_names) {
  auto c = from_toml(R"(
[sink]
advance-timeout-in-sec = 30
file-index-digit = 8
send-all-bootstrap-at-start = true
[[sink.dispatchers]]
matcher = ['a.*']
dispatcher = "table"
[sink.mysql-config]
max-multi-update-row = 40
[sink.pulsar-config]
tls-certificate-file = "/cert.pem"
tls-key-file-path = "/key.pem"
pulsar-producer-cache-size = 10
)");
  BOOST_TEST((c.sink->advance_timeout == std::optional<std::uint64_t>(30)));
  BOOST_TEST((c.sink->file_index_width == std::optional<std::int64_t>(8)));
  BOOST_TEST((c.sink->send_all_bootstrap_at_start == std::optional<bool>(true)));
  BOOST_TEST(c.sink->dispatchers.at(0).partition == "table");
  BOOST_TEST_REQUIRE(c.sink->mysql.has_value());
  BOOST_TEST((c.sink->mysql->max_multi_update_row_count == std::optional<std::int64_t>(40)));
  BOOST_TEST_REQUIRE(c.sink->pulsar.has_value());
  // TiCDC's API swaps these two: the certificate file travels as
  // tls-private-key-path and the key file as tls-certificate-path.
  BOOST_TEST((c.sink->pulsar->tls_private_key_path == std::optional<std::string>("/cert.pem")));
  BOOST_TEST((c.sink->pulsar->tls_certificate_path == std::optional<std::string>("/key.pem")));
  BOOST_TEST((c.sink->pulsar->pulsar_producer_cache_size == std::optional<std::int32_t>(10)));
}

BOOST_AUTO_TEST_CASE(an_unknown_key_is_named_as_written) {
  BOOST_TEST(toml_error("force-replicate = true\n[sink]\nprotocal = \"canal-json\"\n")
             == "component TiCDC changefeed's config file c.toml contained unknown configuration options: "
                "sink.protocal");
  BOOST_TEST(toml_error("[[sink.dispatchers]]\nmatcher = ['a.*']\ntopik = 'x'\n")
             == "component TiCDC changefeed's config file c.toml contained unknown configuration options: "
                "sink.dispatchers.topik");
}

BOOST_AUTO_TEST_CASE(snake_case_and_several_unknown_keys_are_all_listed) {
  BOOST_TEST(toml_error("force_replicate = true\nbogus = 1\n")
             == "component TiCDC changefeed's config file c.toml contained unknown configuration options: "
                "force_replicate, bogus");
}

BOOST_AUTO_TEST_CASE(a_value_of_the_wrong_type_names_its_key) {
  auto msg = toml_error("force-replicate = \"yes\"\n");
  BOOST_TEST(msg.starts_with("toml: force-replicate: "), msg);
  msg = toml_error("[sink.csv]\ninclude-commit-ts = 3\n");
  BOOST_TEST(msg.starts_with("toml: sink.csv.include-commit-ts: "), msg);
}

BOOST_AUTO_TEST_CASE(toml_that_does_not_parse_says_where) {
  auto msg = toml_error("force-replicate = \n");
  BOOST_TEST(msg.starts_with("toml: line 1, column "), msg);
}

BOOST_AUTO_TEST_CASE(dispatcher_and_partition_together_are_refused) {
  auto msg = toml_error("[[sink.dispatchers]]\nmatcher = ['a.*']\npartition = 'ts'\ndispatcher = 'table'\n");
  BOOST_TEST(msg.find("dispatcher and partition cannot be configured both") != std::string::npos, msg);
}

BOOST_AUTO_TEST_SUITE_END()
