// TiCDC's storage sink layout: data directories, file names, index and
// schema files, the metadata file and the table definition.
#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include "model/storage/layout.hpp"
#include "model/storage/table_definition.hpp"

using namespace cdc::model;
using namespace cdc::model::storage;

BOOST_AUTO_TEST_SUITE(storage_layout)

BOOST_AUTO_TEST_CASE(data_dir_is_schema_table_version_then_date) {
  BOOST_TEST(data_dir("test", "t1", 9999, std::nullopt, "2022-01-02") == "test/t1/9999/2022-01-02");
  BOOST_TEST(data_dir("test", "t1", 9999, std::nullopt, "") == "test/t1/9999");
  BOOST_TEST(data_dir("test", "t1", 9999, 20, "2022") == "test/t1/9999/20/2022");
}

BOOST_AUTO_TEST_CASE(date_dir_follows_the_separator) {
  ::setenv("TZ", "UTC", 1);
  ::tzset();
  auto ts = compose_tso(1641081600000, 3); // 2022-01-02 00:00:00 UTC
  BOOST_TEST(date_dir(date_separator::none, ts) == "");
  BOOST_TEST(date_dir(date_separator::year, ts) == "2022");
  BOOST_TEST(date_dir(date_separator::month, ts) == "2022-01");
  BOOST_TEST(date_dir(date_separator::day, ts) == "2022-01-02");
  BOOST_TEST((parse_date_separator("DAY") == date_separator::day));
  BOOST_TEST(!parse_date_separator("week"));
}

BOOST_AUTO_TEST_CASE(data_file_names_are_zero_padded_to_the_index_width) {
  BOOST_TEST(data_file_name(5, 6, ".csv") == "CDC000005.csv");
  BOOST_TEST(data_file_name(5, 20, ".json") == "CDC00000000000000000005.json");
  BOOST_TEST(parse_data_file_name("CDC000005.csv", ".csv").value_or(0) == 5u);
  BOOST_TEST(!parse_data_file_name("CDC05.csv", ".csv"));
  BOOST_TEST(!parse_data_file_name("CDC000005.json", ".csv"));
  BOOST_TEST(file_extension(sink::protocol::csv) == ".csv");
  BOOST_TEST(file_extension(sink::protocol::canal_json) == ".json");
}

BOOST_AUTO_TEST_CASE(index_and_schema_files_live_in_meta_directories) {
  BOOST_TEST(index_file_path("test/t1/9999/2022-01-02") == "test/t1/9999/2022-01-02/meta/CDC.index");
  BOOST_TEST(schema_dir("test", "t1") == "test/t1/meta/");
  BOOST_TEST(schema_file_name(441349361156227074ull, 3131721815u) == "schema_441349361156227074_3131721815.json");
  BOOST_TEST(schema_file_name(1, 42) == "schema_1_0000000042.json");
  auto parsed = parse_schema_file_name("schema_1_0000000042.json");
  BOOST_REQUIRE(parsed);
  BOOST_TEST(parsed->first == 1u);
  BOOST_TEST(parsed->second == 42u);
  BOOST_TEST(!parse_schema_file_name("schema_1_42.json"));
}

BOOST_AUTO_TEST_CASE(metadata_round_trips_the_checkpoint) {
  BOOST_TEST(metadata_json(433305438660591626ull) == "{\"checkpoint-ts\":433305438660591626}");
  BOOST_TEST(parse_metadata(metadata_json(42)).value_or(0) == 42u);
  BOOST_TEST(!parse_metadata("{}"));
}

BOOST_AUTO_TEST_CASE(table_definition_lists_columns_like_ticdc) {
  auto t = upstream::default_catalog().tables.front();
  auto text = table_definition_json(t, codec::all_columns(t), 77);
  auto v = boost::json::parse(text).as_object();
  BOOST_TEST(v.at("Table").as_string() == t.name);
  BOOST_TEST(v.at("Version").as_int64() == 1);
  BOOST_TEST(v.at("TableVersion").as_int64() == 77);
  BOOST_TEST(v.at("TableColumnsTotal").as_int64() == 4);
  auto id = v.at("TableColumns").as_array()[0].as_object();
  BOOST_TEST(id.at("ColumnType").as_string() == "BIGINT");
  BOOST_TEST(id.at("ColumnIsPk").as_string() == "true");
  BOOST_TEST(id.at("ColumnNullable").as_string() == "false");
  // pad is nullable: no ColumnNullable, as Go's omitempty leaves it out.
  BOOST_TEST(!v.at("TableColumns").as_array()[3].as_object().contains("ColumnNullable"));
  BOOST_TEST(text.find("\n    \"Schema\": ") != std::string::npos); // MarshalIndent, 4 spaces
}

BOOST_AUTO_TEST_CASE(checksum_ignores_version_but_not_columns) {
  auto t = upstream::default_catalog().tables.front();
  auto all = codec::all_columns(t);
  BOOST_TEST(table_definition_checksum(t, all) == table_definition_checksum(t, all));
  BOOST_TEST(table_definition_checksum(t, all) != table_definition_checksum(t, {0, 1}));
}

BOOST_AUTO_TEST_SUITE_END()
