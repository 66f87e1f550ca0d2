// The embedded meta store on a real file: what is committed is there after
// reopening, revisions count transactions, and a data dir it cannot use is
// refused with the file's name and the reason.
#include <fstream>

#include <sqlite3.h>

#include <boost/test/unit_test.hpp>

#include "actors/store/backend/sqlite_backend.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/printers.hpp"

using namespace cdc;
using namespace cdc::store;
using test::make_info;
using test::stored;

namespace {

std::unique_ptr<sqlite_backend> open_ok(const std::filesystem::path& dir) {
  auto b = sqlite_backend::open(dir);
  BOOST_REQUIRE_MESSAGE(b.has_value(), (b.has_error() ? b.error().message : std::string()));
  return std::move(*b);
}

/// Runs SQL on the file behind the store's back (the store must be closed).
void raw_sql(const std::filesystem::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

} // namespace

BOOST_AUTO_TEST_SUITE(sqlite_backend_on_disk)

BOOST_AUTO_TEST_CASE(a_put_is_there_after_reopening) {
  test::temp_dir dir{"sqlite-put"};
  auto info = make_info("cf-1", model::feed_state::stopped, 4000);
  {
    auto b = open_ok(dir.path);
    BOOST_REQUIRE(put(*b, info, {4100, 4200}).has_value());
  }
  auto b = open_ok(dir.path);
  auto snap = b->list();
  BOOST_REQUIRE(snap.has_value());
  BOOST_REQUIRE(snap->records.size() == 1u);
  BOOST_TEST(stored(snap->records[0].info) == stored(info));
  BOOST_TEST(snap->records[0].progress.checkpoint_ts == 4100u);
  BOOST_TEST(snap->records[0].progress.resolved_ts == 4200u);
}

BOOST_AUTO_TEST_CASE(a_delete_is_there_after_reopening) {
  test::temp_dir dir{"sqlite-delete"};
  {
    auto b = open_ok(dir.path);
    BOOST_REQUIRE(put(*b, make_info("a"), {1, 1}).has_value());
    BOOST_REQUIRE(put(*b, make_info("b"), {1, 1}).has_value());
    BOOST_REQUIRE(remove(*b, {"default", "a"}).has_value());
  }
  auto snap = open_ok(dir.path)->list();
  BOOST_REQUIRE(snap->records.size() == 1u);
  BOOST_TEST(snap->records[0].info.key.id == "b");
}

BOOST_AUTO_TEST_CASE(each_transaction_bumps_the_revision_once_and_it_survives_reopening) {
  test::temp_dir dir{"sqlite-revision"};
  {
    auto b = open_ok(dir.path);
    BOOST_TEST(put(*b, make_info("a"), {1, 1}).value() == 1u);
    std::vector<meta_op> batch{put_record{make_info("b"), {1, 1}}, put_progress{{"default", "a"}, {7, 8}},
                               delete_record{{"default", "zz"}}};
    BOOST_TEST(b->apply(batch).value() == 2u);
  }
  auto b = open_ok(dir.path);
  auto snap = b->list().value();
  BOOST_TEST(snap.revision == 2u);
  BOOST_TEST(b->get({"default", "a"}).value()->mod_revision == 2u);
  BOOST_TEST(b->get({"default", "a"}).value()->progress.checkpoint_ts == 7u);
  BOOST_TEST(put(*b, make_info("c"), {1, 1}).value() == 3u);
}

BOOST_AUTO_TEST_CASE(progress_of_a_missing_feed_creates_nothing) {
  test::temp_dir dir{"sqlite-progress"};
  auto b = open_ok(dir.path);
  meta_op op = put_progress{{"default", "ghost"}, {5, 5}};
  BOOST_REQUIRE(b->apply({&op, 1}).has_value());
  BOOST_TEST(b->list().value().records.empty());
  BOOST_TEST(!b->get({"default", "ghost"}).value().has_value());
}

BOOST_AUTO_TEST_CASE(the_file_is_in_wal_mode) {
  test::temp_dir dir{"sqlite-wal"};
  { open_ok(dir.path); }
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open((dir.path / sqlite_backend::file_name).c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  BOOST_REQUIRE(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, nullptr) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  BOOST_TEST(std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))) == "wal");
  sqlite3_finalize(s);
  sqlite3_close(db);
}

// Sink URIs in the store hold passwords; a file an older server left
// readable by others is closed to them when the store opens it.
BOOST_AUTO_TEST_CASE(the_files_are_readable_by_their_owner_only) {
  test::temp_dir dir{"sqlite-private"};
  auto file = dir.path / sqlite_backend::file_name;
  namespace fs = std::filesystem;
  auto mode = [](const fs::path& p) { return fs::status(p).permissions() & fs::perms::mask; };
  auto owner_rw = fs::perms::owner_read | fs::perms::owner_write;
  {
    auto b = open_ok(dir.path);
    BOOST_REQUIRE(put(*b, make_info("a"), {1, 1}).has_value());
    BOOST_TEST((mode(file) == owner_rw));
  }
  fs::permissions(file, owner_rw | fs::perms::group_read | fs::perms::others_read);
  auto b = open_ok(dir.path);
  BOOST_REQUIRE(put(*b, make_info("b"), {1, 1}).has_value());
  BOOST_TEST((mode(file) == owner_rw));
  BOOST_TEST((mode(file.string() + "-wal") == owner_rw));
}

BOOST_AUTO_TEST_CASE(a_second_open_of_a_held_data_dir_is_refused) {
  test::temp_dir dir{"sqlite-lock"};
  auto first = open_ok(dir.path);
  auto second = sqlite_backend::open(dir.path);
  BOOST_REQUIRE(!second.has_value());
  BOOST_TEST(second.error().kind == model::api_error::meta_store_failed);
  BOOST_TEST(second.error().message.find("meta.db") != std::string::npos, second.error().message);
  BOOST_TEST(second.error().message.find("locked") != std::string::npos, second.error().message);
}

BOOST_AUTO_TEST_CASE(a_missing_data_dir_is_refused_naming_the_file_and_reason) {
  test::temp_dir dir{"sqlite-missing"};
  auto b = sqlite_backend::open(dir.path / "not-there");
  BOOST_REQUIRE(!b.has_value());
  BOOST_TEST(b.error().message.find((dir.path / "not-there" / "meta.db").string()) != std::string::npos,
             b.error().message);
  BOOST_TEST(b.error().message.find("unable to open database file") != std::string::npos, b.error().message);
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_database_is_refused) {
  test::temp_dir dir{"sqlite-garbage"};
  std::ofstream(dir.path / sqlite_backend::file_name) << std::string(4096, 'x');
  auto b = sqlite_backend::open(dir.path);
  BOOST_REQUIRE(!b.has_value());
  BOOST_TEST(b.error().message.find("not a database") != std::string::npos, b.error().message);
}

BOOST_AUTO_TEST_CASE(a_corrupt_record_fails_the_list_naming_its_key) {
  test::temp_dir dir{"sqlite-corrupt"};
  { BOOST_REQUIRE(put(*open_ok(dir.path), make_info("cf-bad"), {1, 1}).has_value()); }
  raw_sql(dir.path / sqlite_backend::file_name, "UPDATE changefeed SET info = '{\"state\": 7}'");
  auto snap = open_ok(dir.path)->list();
  BOOST_REQUIRE(!snap.has_value());
  BOOST_TEST(snap.error().kind == model::api_error::meta_store_failed);
  BOOST_TEST(snap.error().message.find("default/cf-bad") != std::string::npos, snap.error().message);
}

BOOST_AUTO_TEST_CASE(a_newer_schema_is_refused) {
  test::temp_dir dir{"sqlite-schema"};
  { open_ok(dir.path); }
  raw_sql(dir.path / sqlite_backend::file_name, "UPDATE meta SET value = 99 WHERE name = 'schema'");
  auto b = sqlite_backend::open(dir.path);
  BOOST_REQUIRE(!b.has_value());
  BOOST_TEST(b.error().message.find("newer version (schema 99)") != std::string::npos, b.error().message);
}

BOOST_AUTO_TEST_SUITE_END()
