// meta.db gives the space of removed changefeeds back to the file system,
// a file an older server made without auto-vacuum included.
#include <filesystem>

#include <sqlite3.h>

#include <boost/test/unit_test.hpp>

#include "actors/store/backend/sqlite_backend.hpp"
#include "tests/support/meta_records.hpp"

using namespace cdc;
using namespace cdc::store;

namespace {

std::int64_t auto_vacuum_of(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  sqlite3_stmt* s = nullptr;
  std::int64_t v = -1;
  if (sqlite3_open(file.c_str(), &db) == SQLITE_OK
      && sqlite3_prepare_v2(db, "PRAGMA auto_vacuum", -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
    v = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(db);
  return v;
}

std::unique_ptr<sqlite_backend> open_ok(const std::filesystem::path& dir) {
  auto b = sqlite_backend::open(dir);
  BOOST_REQUIRE(b.has_value());
  return std::move(*b);
}

void fill(meta_backend& b, int n) {
  std::vector<meta_op> ops;
  for (int i = 0; i < n; ++i)
    ops.push_back(put_record{test::make_info("cf-" + std::to_string(i)), {1, 1}});
  BOOST_REQUIRE(b.apply(ops).has_value());
}

void remove_all(meta_backend& b, int n) {
  std::vector<meta_op> ops;
  for (int i = 0; i < n; ++i)
    ops.push_back(delete_record{{"default", "cf-" + std::to_string(i)}});
  BOOST_REQUIRE(b.apply(ops).has_value());
}

} // namespace

BOOST_AUTO_TEST_SUITE(sqlite_vacuum)

BOOST_AUTO_TEST_CASE(a_file_without_auto_vacuum_is_converted_and_then_shrinks) {
  test::temp_dir dir{"sqlite-convert"};
  auto file = dir.path / sqlite_backend::file_name;
  fill(*open_ok(dir.path), 1000);
  // As an older server left it: no auto-vacuum.
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(db, "PRAGMA auto_vacuum=NONE; VACUUM;", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  BOOST_REQUIRE(auto_vacuum_of(file) == 0);
  auto full = std::filesystem::file_size(file);

  auto b = open_ok(dir.path);
  BOOST_TEST(b->list().value().records.size() == 1000u);
  remove_all(*b, 1000);
  for (int i = 0; i < 10; ++i)
    b->maintain();
  auto after = std::filesystem::file_size(file);
  BOOST_TEST(after * 10 < full, after << " bytes of " << full);
  b.reset();
  BOOST_TEST(auto_vacuum_of(file) == 2); // incremental
}

BOOST_AUTO_TEST_CASE(a_few_removals_leave_the_file_alone) {
  test::temp_dir dir{"sqlite-few"};
  auto file = dir.path / sqlite_backend::file_name;
  auto b = open_ok(dir.path);
  fill(*b, 1000);
  b->maintain();
  auto before = std::filesystem::file_size(file);
  remove_all(*b, 10);
  b->maintain();
  BOOST_TEST(std::filesystem::file_size(file) == before);
}

BOOST_AUTO_TEST_SUITE_END()
