// What "durable" costs on the disk: a committed transaction has fsync'd the
// WAL when apply() returns (synchronous=FULL), and one transaction of many
// writes costs one fsync — the reason the store actor group-commits.
#include <boost/test/unit_test.hpp>

#include "actors/store/backend/sqlite_backend.hpp"
#include "tests/support/counting_vfs.hpp"
#include "tests/support/meta_records.hpp"

using namespace cdc;
using namespace cdc::store;
using test::counting_vfs;

BOOST_AUTO_TEST_SUITE(sqlite_fsync)

BOOST_AUTO_TEST_CASE(a_commit_has_synced_the_wal_when_it_returns) {
  counting_vfs vfs;
  test::temp_dir dir{"fsync-one"};
  auto b = sqlite_backend::open(dir.path).value();
  counting_vfs::wal_syncs = 0;
  BOOST_REQUIRE(put(*b, test::make_info("a"), {1, 1}).has_value());
  BOOST_TEST(counting_vfs::wal_syncs == 1);
}

BOOST_AUTO_TEST_CASE(a_transaction_of_many_writes_syncs_the_wal_once) {
  counting_vfs vfs;
  test::temp_dir dir{"fsync-batch"};
  auto b = sqlite_backend::open(dir.path).value();
  std::vector<meta_op> ops;
  for (int i = 0; i < 64; ++i)
    ops.push_back(put_record{test::make_info("cf-" + std::to_string(i)), {1, 1}});
  counting_vfs::wal_syncs = 0;
  BOOST_REQUIRE(b->apply(ops).has_value());
  BOOST_TEST(counting_vfs::wal_syncs == 1);
}

BOOST_AUTO_TEST_CASE(one_transaction_per_write_syncs_once_per_write) {
  counting_vfs vfs;
  test::temp_dir dir{"fsync-each"};
  auto b = sqlite_backend::open(dir.path).value();
  counting_vfs::wal_syncs = 0;
  for (int i = 0; i < 16; ++i)
    BOOST_REQUIRE(put(*b, test::make_info("cf-" + std::to_string(i)), {1, 1}).has_value());
  BOOST_TEST(counting_vfs::wal_syncs == 16);
}

BOOST_AUTO_TEST_SUITE_END()
