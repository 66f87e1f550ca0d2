// Group commit on the real embedded store: sixteen puts that wait in the
// store actor's mailbox cost one fsync of the WAL, and each is answered.
#include <boost/test/unit_test.hpp>

#include "actors/store/backend/sqlite_backend.hpp"
#include "actors/store/meta_store.hpp"
#include "tests/support/actor_fixture.hpp"
#include "tests/support/counting_vfs.hpp"
#include "tests/support/meta_records.hpp"

using namespace cdc;
using namespace cdc::actors;

BOOST_AUTO_TEST_SUITE(meta_store_on_sqlite)

BOOST_AUTO_TEST_CASE(sixteen_waiting_puts_share_one_fsync) {
  test::counting_vfs vfs;
  test::temp_dir dir{"group-fsync"};
  test::actor_fixture f;
  std::shared_ptr<store::meta_backend> backend = store::sqlite_backend::open(dir.path).value();
  // No upstream: the GC safepoint goes nowhere in this test.
  auto store = f.sys.spawn(meta_store, upstream_actor{}, backend, meta_store_options{});
  f.run();
  test::counting_vfs::wal_syncs = 0;
  std::vector<decltype(f.self->request(store, caf::infinite, atom::put_v, model::changefeed_info{},
                                       model::changefeed_progress{}))>
    puts;
  for (int i = 0; i < 16; ++i)
    puts.push_back(f.self->request(store, caf::infinite, atom::put_v, test::make_info("cf-" + std::to_string(i)),
                                   model::changefeed_progress{1, 1}));
  f.run();
  BOOST_TEST(test::counting_vfs::wal_syncs == 1);
  for (auto& h : puts) {
    bool ok = false;
    h.receive([&](bool x) { ok = x; }, [](caf::error&) {});
    BOOST_TEST(ok);
  }
  BOOST_TEST(backend->list().value().records.size() == 16u);
  caf::anon_send_exit(store, caf::exit_reason::user_shutdown);
  f.run();
}

BOOST_AUTO_TEST_SUITE_END()
