// The storage sink's writer on real files: rotation at file-size, file
// numbering across restarts, date directories, column selectors.
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "actors/sink_io/storage_writer.hpp"
#include "model/storage/table_definition.hpp"
#include "tests/support/storage_check.hpp"

using namespace cdc;
namespace fs = std::filesystem;
using model::upstream::column_type;

namespace {

struct writer_fixture {
  writer_fixture() {
    fs::remove_all(root);
    model::upstream::catalog c;
    // 1000 changes a second on 5000 keys: only inserts in the first 5 s.
    c.tables.push_back({700, "db", "wide",
                        {{"id", column_type::bigint, false, true}, {"pad", column_type::varchar}, {"n", column_type::int32}},
                        1000, 5000});
    catalog = std::make_shared<const model::upstream::catalog>(std::move(c));
  }
  ~writer_fixture() { fs::remove_all(root); }

  model::storage::sink_settings settings(std::uint64_t version = 1000) const {
    model::storage::sink_settings s;
    s.root = root.string();
    s.proto = model::sink::protocol::csv;
    s.csv.terminator = "\n";
    s.csv.include_commit_ts = true;
    s.dates = model::storage::date_separator::none;
    s.file_index_width = 6;
    s.file_size = 64 * 1024;
    s.start_version = version;
    return s;
  }

  /// Changes of the table in (from_ms, to_ms] of Unix time.
  actors::row_batch batch(std::int64_t from_ms, std::int64_t to_ms) const {
    actors::row_batch b;
    b.catalog = catalog;
    actors::table_rows t;
    t.table_id = 700;
    model::upstream::table_workload w{*catalog->find(700)};
    t.through = w.changes(model::compose_tso(from_ms, 0), model::compose_tso(to_ms, 0), ~std::size_t{0}, t.rows);
    b.row_count = t.rows.size();
    b.tables.push_back(std::move(t));
    return b;
  }

  fs::path dir(std::uint64_t version = 1000) const { return root / "db" / "wide" / std::to_string(version); }

  fs::path root = fs::temp_directory_path() / ("cdc-writer-" + std::to_string(::getpid()));
  std::shared_ptr<const model::upstream::catalog> catalog;
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(storage_writer, writer_fixture)

BOOST_AUTO_TEST_CASE(a_file_is_cut_once_it_reaches_file_size) {
  sink_io::storage_writer w{settings()};
  BOOST_REQUIRE(w.add(batch(0, 4000), 0).has_value());
  BOOST_TEST(w.full());
  BOOST_REQUIRE(w.flush().has_value());
  auto files = test::read_table_files(dir(), ".csv", "\n");
  BOOST_TEST(files.files.size() > 1u);
  for (std::size_t i = 0; i + 1 < files.files.size(); ++i)
    BOOST_TEST(fs::file_size(files.files[i]) >= 64u * 1024u);
  BOOST_TEST(fs::file_size(files.files.back()) <= 64u * 1024u + 100u);
  test::check_csv_records(files, model::upstream::table_workload{*catalog->find(700)}, 0, model::compose_tso(4000, 0),
                          "\\N");
}

BOOST_AUTO_TEST_CASE(a_batch_cut_short_by_the_processor_limit_shows_a_backlog) {
  sink_io::storage_writer w{settings()};
  BOOST_REQUIRE(w.add(batch(0, 100), 0).has_value());
  BOOST_TEST(!w.backlog()); // complete up to its horizon: the interval may wait
  auto cut = batch(0, 0);
  model::upstream::table_workload wl{*catalog->find(700)};
  cut.tables[0].through = wl.changes(model::compose_tso(100, 0), model::compose_tso(4000, 0), 10, cut.tables[0].rows);
  BOOST_REQUIRE(w.add(cut, 0).has_value());
  BOOST_TEST(w.backlog()); // more is waiting upstream: publish now
  BOOST_REQUIRE(w.flush().has_value());
  BOOST_TEST(!w.backlog());
}

BOOST_AUTO_TEST_CASE(a_new_writer_continues_the_numbering_in_the_same_version) {
  {
    sink_io::storage_writer w{settings()};
    BOOST_REQUIRE(w.add(batch(0, 100), 0).has_value());
    BOOST_REQUIRE(w.flush().has_value());
  }
  // A restart from a later checkpoint: same schema, so the same directory.
  sink_io::storage_writer again{settings(2000)};
  BOOST_REQUIRE(again.add(batch(100, 200), 0).has_value());
  BOOST_REQUIRE(again.flush().has_value());
  BOOST_TEST(fs::exists(dir() / "CDC000001.csv"));
  BOOST_TEST(fs::exists(dir() / "CDC000002.csv"));
  BOOST_TEST(!fs::exists(dir(2000)));
  BOOST_TEST(test::read_text(dir() / "meta" / "CDC.index") == "CDC000002.csv\n");
}

BOOST_AUTO_TEST_CASE(a_name_taken_by_another_writer_is_skipped_not_overwritten) {
  fs::create_directories(dir());
  { std::ofstream{dir() / "CDC000001.csv"} << "someone else's\n"; }
  sink_io::storage_writer w{settings()};
  BOOST_REQUIRE(w.add(batch(0, 100), 0).has_value());
  BOOST_REQUIRE(w.flush().has_value());
  BOOST_TEST(test::read_text(dir() / "CDC000001.csv") == "someone else's\n");
  BOOST_TEST(fs::exists(dir() / "CDC000002.csv"));
}

BOOST_AUTO_TEST_CASE(rows_go_to_the_directory_of_their_commit_day) {
  auto s = settings();
  s.dates = model::storage::date_separator::day;
  sink_io::storage_writer w{s};
  ::setenv("TZ", "UTC", 1);
  ::tzset();
  // 1 s either side of 1970-01-02 00:00:00 UTC.
  BOOST_REQUIRE(w.add(batch(86'399'000, 86'401'000), 0).has_value());
  BOOST_REQUIRE(w.flush().has_value());
  BOOST_TEST(fs::exists(dir() / "1970-01-01" / "CDC000001.csv"));
  BOOST_TEST(fs::exists(dir() / "1970-01-02" / "CDC000001.csv"));
  auto files = test::read_table_files(dir(), ".csv", "\n");
  test::check_csv_records(files, model::upstream::table_workload{*catalog->find(700)},
                          model::compose_tso(86'399'000, 0), model::compose_tso(86'401'000, 0), "\\N");
}

BOOST_AUTO_TEST_CASE(column_selectors_drop_columns_from_rows_and_the_schema_file) {
  auto s = settings();
  s.selectors.emplace(model::filter::column_selectors::make({{{"db.wide"}, {"id", "n"}}}, false).value());
  sink_io::storage_writer w{s};
  BOOST_REQUIRE(w.add(batch(0, 10), 0).has_value());
  BOOST_REQUIRE(w.flush().has_value());
  auto files = test::read_table_files(dir(), ".csv", "\n");
  BOOST_REQUIRE(!files.records.empty());
  BOOST_TEST(test::split_csv(files.records[0]).size() == 6u); // 4 meta + id + n
  const auto& def = *catalog->find(700);
  auto checksum = model::storage::table_definition_checksum(def, {0, 2});
  auto schema = test::read_text(root / "db" / "wide" / "meta" / model::storage::schema_file_name(1000, checksum));
  BOOST_TEST(schema.find("\"pad\"") == std::string::npos);
  BOOST_TEST(schema.find("\"TableColumnsTotal\": 2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_header_starts_every_file_when_asked) {
  auto s = settings();
  s.csv.output_field_header = true;
  sink_io::storage_writer w{s};
  BOOST_REQUIRE(w.add(batch(0, 4000), 0).has_value());
  BOOST_REQUIRE(w.flush().has_value());
  auto files = test::read_table_files(dir(), ".csv", "\n");
  for (const auto& f : files.files)
    BOOST_TEST(test::read_text(f).starts_with("ticdc-meta$operation,ticdc-meta$table,ticdc-meta$schema,"
                                              "ticdc-meta$commit-ts,id,pad,n\n"));
}

BOOST_AUTO_TEST_SUITE_END()
