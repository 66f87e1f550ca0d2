// The storage sink inside a simulated cluster (deterministic scheduler, real
// files): a changefeed with a target writes exactly the upstream's changes in
// TiCDC's layout, csv and canal-json, and a write failure shows on the feed.
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "model/changefeed/bodies.hpp"
#include "model/codec/row_encoding.hpp"
#include "model/storage/layout.hpp"
#include "model/storage/table_definition.hpp"
#include "tests/support/printers.hpp"
#include "tests/support/sim_cluster.hpp"
#include "tests/support/storage_check.hpp"

using namespace cdc;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
using model::upstream::column_type;

namespace {

model::upstream::catalog shop_catalog() {
  model::upstream::catalog c;
  c.tables.push_back({500, "shop", "orders",
                      {{"oid", column_type::bigint, false, true},
                       {"note", column_type::text, true},
                       {"price", column_type::double_},
                       {"at", column_type::datetime}},
                      100, 30});
  c.tables.push_back({501, "shop", "tags", {{"tag", column_type::varchar, false, true}, {"n", column_type::int32, true}},
                      20, 5});
  return c;
}

actors::sink_options on_test_scheduler() {
  actors::sink_options o;
  o.detached = false;
  return o;
}

fs::path fresh_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("cdc-storage-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

struct storage_fixture : test::sim_cluster {
  storage_fixture()
    : sim_cluster(1, shop_catalog(), actors::default_sink_factory(nullptr, on_test_scheduler()),
                  std::make_shared<store::memory_backend>(),
                  actors::default_checkpoint_sink_factory(on_test_scheduler())) {
    advance(200ms);
  }

  /// start and target 5 s apart, both in the simulated past/future of now.
  model::tso_t start = model::compose_tso(test::sim_wall_start_ms + 100, 0);
  model::tso_t target = model::compose_tso(test::sim_wall_start_ms + 5100, 0);

  model::changefeed_detail create(const std::string& id, const std::string& uri, const std::string& sink_config) {
    auto text = R"({"changefeed_id":")" + id + R"(","sink_uri":")" + uri + R"(","start_ts":)" + std::to_string(start)
                + R"(,"target_ts":)" + std::to_string(target) + R"(,"replica_config":{"sink":)" + sink_config + "}}";
    auto body = model::parse_create_body(text);
    BOOST_REQUIRE_MESSAGE(body.has_value(), (body.has_error() ? body.error().message : std::string()));
    auto d = ask_owner<model::changefeed_detail>(atom::create_v, std::move(*body));
    BOOST_REQUIRE_MESSAGE(d.has_value(), (d.has_error() ? d.error().message : std::string()));
    run();
    return *d;
  }

  model::upstream::table_workload workload(std::int64_t id) const { return model::upstream::table_workload{*catalog->find(id)}; }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(storage_sink, storage_fixture)

BOOST_AUTO_TEST_CASE(csv_files_hold_every_change_of_each_table_in_ticdcs_layout) {
  auto root = fresh_dir("csv");
  create("csv", "file://" + root.string() + "?protocol=csv&flush-interval=2s",
         R"({"terminator":"\n","date_separator":"day","file_index_width":6,)"
         R"("csv":{"delimiter":",","quote":"\"","null":"<null>","include_commit_ts":true}})");
  advance(8s);
  auto d = detail("csv");
  BOOST_TEST(d.state == model::feed_state::finished);
  for (std::int64_t id : {500, 501}) {
    const auto& def = *catalog->find(id);
    auto version_dir = root / def.schema / def.name / std::to_string(start);
    BOOST_REQUIRE(fs::is_directory(version_dir));
    auto files = test::read_table_files(version_dir, ".csv", "\n");
    BOOST_REQUIRE(!files.files.empty());
    // <schema>/<table>/<version>/<commit day>/CDC000001.csv, ...
    auto day = model::storage::date_dir(model::storage::date_separator::day, start);
    BOOST_TEST(files.files.front() == version_dir / day / "CDC000001.csv");
    BOOST_TEST(test::read_text(version_dir / day / "meta" / "CDC.index")
               == files.files.back().filename().string() + "\n");
    test::check_csv_records(files, workload(id), start, target, "<null>");
    auto cols = model::codec::all_columns(def);
    auto schema_file = root / def.schema / def.name / "meta"
                       / model::storage::schema_file_name(start, model::storage::table_definition_checksum(def, cols));
    BOOST_TEST(test::read_text(schema_file) == model::storage::table_definition_json(def, cols, start));
  }
  BOOST_TEST(test::read_text(root / "metadata") == model::storage::metadata_json(target));
  fs::remove_all(root);
}

BOOST_AUTO_TEST_CASE(canal_json_messages_hold_every_change_with_the_tidb_extension) {
  auto root = fresh_dir("canal");
  create("canal", "file://" + root.string() + "?protocol=canal-json&enable-tidb-extension=true", R"({})");
  advance(12s); // the default flush interval is 5 s: publishes at 5 s and 10 s
  BOOST_TEST(detail("canal").state == model::feed_state::finished);
  for (std::int64_t id : {500, 501}) {
    const auto& def = *catalog->find(id);
    auto files = test::read_table_files(root / def.schema / def.name / std::to_string(start), ".json", "\r\n");
    BOOST_TEST(files.files.front().filename() == "CDC00000000000000000001.json"); // width 20 by default
    test::check_canal_records(files, workload(id), start, target);
  }
  fs::remove_all(root);
}

BOOST_AUTO_TEST_CASE(files_are_published_once_per_flush_interval) {
  auto root = fresh_dir("interval");
  create("interval", "file://" + root.string() + "?protocol=csv&flush-interval=2s", R"({"date_separator":"none"})");
  advance(1500ms);
  auto dir = root / "shop" / "orders" / std::to_string(start);
  BOOST_TEST(!fs::exists(dir)); // the first batch waits for the interval
  advance(1s);
  BOOST_TEST(fs::exists(dir / "CDC00000000000000000001.csv"));
  BOOST_TEST(!fs::exists(dir / "CDC00000000000000000002.csv"));
  advance(2s);
  BOOST_TEST(fs::exists(dir / "CDC00000000000000000002.csv"));
  fs::remove_all(root);
}

BOOST_AUTO_TEST_CASE(a_write_failure_puts_the_feed_in_error_with_the_storage_code) {
  auto root = fresh_dir("broken");
  fs::create_directories(root.parent_path());
  { std::ofstream{root} << "a file where a directory should be"; }
  create("broken", "file://" + (root / "sub").string() + "?protocol=csv&flush-interval=2s", R"({})");
  advance(3s);
  auto d = detail("broken");
  BOOST_TEST(d.state == model::feed_state::error);
  BOOST_REQUIRE(d.error.has_value());
  BOOST_TEST(d.error->code == "CDC:ErrS3StorageAPI");
  BOOST_TEST(d.error->message.find("Not a directory") != std::string::npos, d.error->message);
  fs::remove(root);
}

BOOST_AUTO_TEST_SUITE_END()
