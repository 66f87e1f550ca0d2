// The membership's watch against a real etcd: a change under the prefix is
// reported within moments, a change elsewhere is not, a watch cut off by an
// etcd restart comes back by itself (and says so, since changes may have
// been missed), and stopping never hangs, even while etcd is down.
#include <atomic>
#include <chrono>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "actors/membership/etcd_watch.hpp"
#include "tests/store/etcd_fixture.hpp"
#include "tests/support/meta_records.hpp"

using namespace cdc;
using namespace std::chrono_literals;

namespace {

struct watched_etcd {
  test::temp_dir dir{"etcd-watch"};
  test::etcd_server server{dir.path / "etcd"};
  store::etcd::client client = test::etcd_client_for(server.endpoint());
  std::atomic<int> changes{0};
  std::unique_ptr<membership::prefix_watch> watch;

  void start_watch() {
    auto eps = store::etcd::parse_endpoints(server.endpoint());
    BOOST_REQUIRE(eps.has_value());
    watch = std::make_unique<membership::prefix_watch>(*eps, nullptr, "/tidb/cdc/w/__cdc_meta__/", [this] { ++changes; });
  }

  void put(const std::string& key) {
    store::etcd::put_request r;
    r.key = key;
    r.value = "v";
    BOOST_REQUIRE(client.put(r).has_value());
  }

  /// Waits up to `within` for `pred`.
  template <class Pred>
  bool eventually(Pred pred, std::chrono::milliseconds within = 3s) {
    auto deadline = std::chrono::steady_clock::now() + within;
    while (!pred() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(5ms);
    return pred();
  }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(etcd_prefix_watch, watched_etcd)

BOOST_AUTO_TEST_CASE(a_change_under_the_prefix_is_reported_and_one_elsewhere_is_not) {
  start_watch();
  BOOST_REQUIRE(eventually([&] { return watch->established() == 1u; }));
  BOOST_TEST(changes == 1); // established: read once
  auto sent = std::chrono::steady_clock::now();
  put("/tidb/cdc/w/__cdc_meta__/capture/a");
  BOOST_REQUIRE(eventually([&] { return changes == 2; }));
  BOOST_TEST((std::chrono::steady_clock::now() - sent < 500ms));
  put("/tidb/cdc/w/default/changefeed/info/f");
  put("/tidb/cdc/other/__cdc_meta__/capture/a");
  std::this_thread::sleep_for(300ms);
  BOOST_TEST(changes == 2);
}

BOOST_AUTO_TEST_CASE(a_watch_cut_by_an_etcd_restart_comes_back_and_reports_again) {
  start_watch();
  BOOST_REQUIRE(eventually([&] { return watch->established() == 1u; }));
  server.kill();
  std::this_thread::sleep_for(1500ms);
  server.start();
  BOOST_REQUIRE(eventually([&] { return watch->established() == 2u; }, 10s));
  auto before = changes.load();
  BOOST_TEST(before >= 2);
  put("/tidb/cdc/w/__cdc_meta__/owner/1");
  BOOST_TEST(eventually([&] { return changes > before; }));
}

BOOST_AUTO_TEST_CASE(stopping_returns_at_once_while_etcd_is_down) {
  server.kill();
  start_watch();
  std::this_thread::sleep_for(1500ms);
  BOOST_TEST(watch->established() == 0u);
  auto start = std::chrono::steady_clock::now();
  watch.reset();
  BOOST_TEST((std::chrono::steady_clock::now() - start < 200ms));
}

BOOST_AUTO_TEST_SUITE_END()
