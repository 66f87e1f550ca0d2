// Catching up a backlog under the server's memory quota: feeds that start a
// minute behind read it in slices the quota pays for, every change still
// reaches the sink exactly once, and the feeds end up current.
#include <algorithm>
#include <set>
#include <tuple>

#include <boost/test/unit_test.hpp>

#include "actors/replication/memory_quota.hpp"
#include "model/changefeed/bodies.hpp"
#include "tests/support/printers.hpp"
#include "tests/support/sim_cluster.hpp"

using namespace cdc;
using namespace cdc::actors;
using namespace std::chrono_literals;

namespace {

constexpr std::size_t quota_bytes = 256 << 10;

/// What the sinks got: rows and batches, the largest batch in bytes, and
/// any change a feed received twice.
struct measuring_log {
  std::uint64_t rows = 0;
  std::uint64_t batches = 0;
  std::size_t largest_batch = 0;
  std::size_t duplicates = 0;
  std::set<std::tuple<std::string, std::int64_t, model::tso_t>> seen;
};

/// Made before the cluster, which takes the sink factory at construction.
struct backlog_parts {
  std::shared_ptr<measuring_log> log = std::make_shared<measuring_log>();
  std::shared_ptr<memory_quota> quota = std::make_shared<memory_quota>(quota_bytes);
};

struct backlog_fixture : backlog_parts, test::sim_cluster {
  backlog_fixture()
    : sim_cluster(0, model::upstream::default_catalog(), measuring_factory()) {
    services.memory = quota;
    for (int i = 0; i < 2; ++i)
      add_capture();
    run();
    advance(200ms);
  }

  sink_factory measuring_factory() {
    return [log = log](caf::actor_system& sys, const model::changefeed_info&) -> sink_actor {
      return sys.spawn([log](sink_actor::pointer) -> sink_actor::behavior_type {
        // The test coordinator runs every actor on the test's thread.
        return {[log](atom::write, const row_batch_ptr& batch) {
          log->rows += batch->row_count;
          ++log->batches;
          log->largest_batch = std::max(log->largest_batch, batch->bytes);
          for (const auto& t : batch->tables)
            for (const auto& c : t.rows)
              log->duplicates += !log->seen.insert({batch->key.id, c.table_id, c.commit_ts}).second;
          return true;
        }};
      });
    };
  }

  model::tso_t create_behind(const std::string& id, std::chrono::milliseconds behind) {
    auto start = model::compose_tso(test::sim_wall_start_ms + 200 - behind.count(), 0);
    auto body = model::parse_create_body(R"({"changefeed_id":")" + id + R"(","sink_uri":"blackhole://","start_ts":)"
                                         + std::to_string(start) + "}");
    BOOST_REQUIRE(body.has_value());
    auto d = ask_owner<model::changefeed_detail>(atom::create_v, std::move(*body));
    BOOST_REQUIRE_MESSAGE(d.has_value(), (d.has_error() ? d.error().message : std::string()));
    return start;
  }
};

} // namespace

BOOST_AUTO_TEST_SUITE(catch_up_under_quota)

BOOST_AUTO_TEST_CASE(a_backlog_larger_than_the_quota_is_read_in_slices_and_delivered_once) {
  backlog_fixture f;
  std::vector<model::tso_t> starts;
  for (auto id : {"a", "b", "c"})
    starts.push_back(f.create_behind(id, 60s));
  for (int i = 0; i < 40; ++i) {
    f.advance(100ms);
    BOOST_TEST(f.quota->used() <= quota_bytes);
  }
  std::uint64_t expected = 0;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    auto cp = f.detail(std::string(1, static_cast<char>('a' + i))).checkpoint_ts;
    // Caught up: within a second of the upstream.
    BOOST_TEST(model::tso_physical_ms(cp) >= test::sim_wall_start_ms + 200 + 4000 - 1000);
    for (const auto& t : f.catalog->tables)
      expected += model::upstream::table_workload{t}.count(starts[i], cp);
  }
  BOOST_TEST(f.log->rows == expected);
  BOOST_TEST(f.log->duplicates == 0u);
  // A minute of 32 tables does not fit the quota: it came in many slices.
  BOOST_TEST(f.log->largest_batch <= quota_bytes);
  BOOST_TEST(f.log->batches > 3 * 8u);
  // Once caught up, nothing is held.
  f.advance(1s);
  BOOST_TEST(f.quota->used() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
