// End to end: a real server replicates a known upstream into file:// sinks,
// one csv and one canal-json, each checked record by record against the
// upstream's changes (order, commit TS, operation, values, null marker,
// terminator), with TiCDC's layout, file rotation and the metadata file.
#include <regex>

#include "model/storage/layout.hpp"
#include "model/upstream/workload.hpp"
#include "tests/e2e/sink_e2e_support.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/storage_check.hpp"

using namespace cdc;
namespace fs = std::filesystem;
using model::upstream::column_type;

namespace {

http::server_options shop_server() {
  model::upstream::catalog c;
  // 1000 changes/s on 8000 keys: about 100 bytes a row, so 20 s of history
  // spans two 1 MiB files in one flush.
  c.tables.push_back({500, "shop", "orders",
                      {{"oid", column_type::bigint, false, true},
                       {"note", column_type::text, true},
                       {"pad", column_type::varchar},
                       {"price", column_type::double_},
                       {"at", column_type::datetime}},
                      1000, 8000});
  c.tables.push_back({501, "shop", "tags", {{"tag", column_type::varchar, false, true}, {"n", column_type::int32, true}},
                      50, 10});
  http::server_options o;
  o.cluster.catalog = std::make_shared<const model::upstream::catalog>(std::move(c));
  // The catch-up batch carries all 20 s at once, so a flush must rotate.
  o.cluster.settings.rows_per_table = 65536;
  o.cluster.settings.rows_per_batch = 262144;
  return o;
}

} // namespace

BOOST_AUTO_TEST_SUITE(storage_sink_e2e)

BOOST_AUTO_TEST_CASE(csv_and_canal_json_files_match_the_upstream_changes_record_by_record) {
  test::sink_server srv{shop_server()};
  test::temp_dir files{"e2e-storage"};
  const auto& dir = files.path;
  auto now = test::wall_ms();
  auto start = model::compose_tso(now - 20000, 0);
  auto target = model::compose_tso(now + 3000, 0);
  srv.create("csv-feed", "file://" + (dir / "csv").string() + "?protocol=csv&flush-interval=2s&file-size=1048576",
             start, target,
             R"({"sink":{"terminator":"\n","file_index_width":6,"date_separator":"day",)"
             R"("csv":{"null":"<null>","include_commit_ts":true}}})");
  srv.create("canal-feed",
             "file://" + (dir / "canal").string()
               + "?protocol=canal-json&enable-tidb-extension=true&flush-interval=2s&file-size=1048576",
             start, target);
  BOOST_REQUIRE_MESSAGE(srv.wait_state("csv-feed", "finished", 40), srv.state("csv-feed"));
  BOOST_REQUIRE_MESSAGE(srv.wait_state("canal-feed", "finished", 40), srv.state("canal-feed"));

  auto opts = shop_server(); // the same catalog as the server's
  for (std::int64_t id : {500, 501}) {
    const auto& def = *opts.cluster.catalog->find(id);
    model::upstream::table_workload w{def};
    auto csv_dir = dir / "csv" / def.schema / def.name / std::to_string(start);
    auto csv = test::read_table_files(csv_dir, ".csv", "\n");
    test::check_csv_records(csv, w, start, target, "<null>");
    // shop/orders/<start_ts>/<YYYY-MM-DD>/CDC000001.csv
    std::regex layout{R"(\d{4}-\d{2}-\d{2}/CDC\d{6}\.csv)"};
    for (const auto& f : csv.files)
      BOOST_TEST(std::regex_match(fs::relative(f, csv_dir).string(), layout), f.string());
    if (id == 500)
      BOOST_TEST(csv.files.size() >= 2u, "20 s of orders at 1 MiB a file must rotate");
    auto canal = test::read_table_files(dir / "canal" / def.schema / def.name / std::to_string(start), ".json", "\r\n");
    test::check_canal_records(canal, w, start, target);
  }
  BOOST_TEST(test::read_text(dir / "csv" / "metadata") == model::storage::metadata_json(target));
  BOOST_TEST(test::read_text(dir / "canal" / "metadata") == model::storage::metadata_json(target));
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_scheme_this_server_cannot_reach_is_refused_at_create) {
  test::sink_server srv{shop_server()};
  auto r = srv.api.post("/api/v2/changefeeds", R"({"changefeed_id":"s3","sink_uri":"s3://bucket/prefix?protocol=csv"})");
  BOOST_TEST(r.status == 400u);
  BOOST_TEST(r.error_code() == "CDC:ErrSinkURIInvalid");
}

BOOST_AUTO_TEST_SUITE_END()
