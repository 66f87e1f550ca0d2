// The meta store over a real SQLite file gives disk space back: once many
// changefeeds are removed, meta.db shrinks between writes, with no request
// waiting for it.
#include <filesystem>

#include <boost/test/unit_test.hpp>

#include "actors/store/backend/sqlite_backend.hpp"
#include "actors/store/meta_store.hpp"
#include "tests/support/actor_fixture.hpp"
#include "tests/support/meta_records.hpp"

using namespace cdc;
using namespace cdc::actors;

namespace {

upstream_actor::behavior_type quiet_upstream(upstream_actor::pointer) {
  return {
    [](atom::tso) { return upstream_times{1, 0}; },
    [](atom::safepoint, model::tso_t) {},
    [](atom::safepoint) {},
    [](atom::tick) {},
    [](atom::resolved) { return model::tso_t{1}; },
    [](atom::subscribe, capture_actor&) {},
  };
}

std::string feed_id(int i) { return "cf-" + std::to_string(i); }

/// Stores `n` feeds straight into the backend, a few transactions in all.
void fill(store::meta_backend& b, int n) {
  std::vector<store::meta_op> ops;
  for (int i = 0; i < n; ++i) {
    ops.push_back(store::put_record{test::make_info(feed_id(i)), {1000, 1000}});
    if (ops.size() == 500 || i + 1 == n) {
      BOOST_REQUIRE(b.apply(ops).has_value());
      ops.clear();
    }
  }
}

} // namespace

BOOST_AUTO_TEST_SUITE(meta_store_space)

BOOST_AUTO_TEST_CASE(removing_most_feeds_shrinks_meta_db) {
  constexpr int feeds = 3000;
  test::temp_dir dir{"store-shrink"};
  auto file = dir.path / store::sqlite_backend::file_name;
  {
    auto b = store::sqlite_backend::open(dir.path);
    BOOST_REQUIRE(b.has_value());
    fill(**b, feeds);
  } // closing checkpoints the WAL into meta.db
  auto full = std::filesystem::file_size(file);
  BOOST_TEST_MESSAGE("meta.db with " << feeds << " feeds: " << full << " bytes");

  test::actor_fixture f;
  auto opened = store::sqlite_backend::open(dir.path);
  BOOST_REQUIRE(opened.has_value());
  std::shared_ptr<store::meta_backend> backend = std::move(*opened);
  auto upstream = f.sys.spawn(quiet_upstream);
  meta_store_options options;
  auto store = f.sys.spawn(meta_store, upstream, backend, options);
  f.run();
  for (int i = 10; i < feeds; ++i)
    f.self->send(store, atom::remove_v, model::changefeed_key{"default", feed_id(i)});
  f.run();
  BOOST_REQUIRE(backend->list().value().records.size() == 10u);
  // A few quiet flush intervals: the store tidies up between writes.
  for (int i = 0; i < 20; ++i) {
    f.sched.advance_time(options.flush_interval);
    f.run();
  }
  auto after = std::filesystem::file_size(file);
  BOOST_TEST_MESSAGE("meta.db after removing all but 10: " << after << " bytes");
  BOOST_TEST(after * 10 < full, after << " bytes of " << full);
  BOOST_TEST(backend->list().value().records.size() == 10u);
  caf::anon_send_exit(store, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(upstream, caf::exit_reason::user_shutdown);
  f.run();
}

BOOST_AUTO_TEST_SUITE_END()
