// Catching up after downtime: a server with hundreds of replicating feeds is
// killed, stays down while the upstream keeps writing, and restarts on the
// same data dir. Its memory must stay near what it was in steady state, the
// API must keep answering, and every feed's lag must fall back to normal.
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/http_client.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"

using namespace cdc;
using namespace cdc::test;
namespace json = boost::json;
using namespace std::chrono_literals;

namespace {

constexpr std::size_t feeds = 300;
// With the default upstream (32 tables, 10 changes/s each) this is a backlog
// of ~14,000 changes per feed, 4.3 million in all.
constexpr auto downtime = 45s;

std::size_t rss_bytes(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.starts_with("VmRSS:"))
      return std::stoull(line.substr(6)) * 1024;
  return 0;
}

double now_ms() {
  return static_cast<double>(
    std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
}

/// The largest lag over every feed, in seconds, from one list request.
double max_lag_seconds(const http_response& r) {
  double lag = 0;
  auto body = r.json();
  for (const auto& item : body.at("items").as_array()) {
    auto ts = item.at("checkpoint_tso").to_number<std::uint64_t>();
    lag = std::max(lag, (now_ms() - static_cast<double>(ts >> 18)) / 1000.0);
  }
  return lag;
}

struct server {
  explicit server(const std::filesystem::path& data)
    : p(cdc_binary(), {"server", "--addr=127.0.0.1:0", "--data-dir=" + data.string(), "--log-level=warn"}),
      address(listening_addresses(p, 1).at(0)) {}
  child_process p;
  std::string address;
};

} // namespace

BOOST_AUTO_TEST_SUITE(catch_up)

BOOST_AUTO_TEST_CASE(a_restart_after_downtime_catches_up_in_bounded_memory_while_the_api_answers) {
  temp_dir dir{"catch-up"};
  auto data = dir.path / "data";

  std::size_t steady = 0;
  {
    server s{data};
    http_client c{s.address};
    for (std::size_t i = 0; i < feeds; ++i) {
      auto r = c.post("/api/v2/changefeeds",
                      R"({"changefeed_id":"f)" + std::to_string(i) + R"(","sink_uri":"blackhole://"})");
      BOOST_REQUIRE_MESSAGE(r.status == 200u, r.body);
    }
    // Steady state: every feed keeps up; take the highest RSS seen.
    BOOST_REQUIRE(max_lag_seconds(c.get("/api/v2/changefeeds?state=all")) < 30);
    for (int i = 0; i < 15; ++i) {
      std::this_thread::sleep_for(200ms);
      steady = std::max(steady, rss_bytes(s.p.pid()));
    }
    BOOST_TEST_MESSAGE("steady RSS " << steady / 1024 << " KiB");
    s.p.signal(SIGKILL);
    s.p.wait();
  }
  std::this_thread::sleep_for(downtime);

  server s{data};
  http_client c{s.address};
  auto bound = steady * 3 / 2 + (64u << 20);
  std::size_t peak = 0;
  double slowest = 0, lag = 1e9;
  auto deadline = std::chrono::steady_clock::now() + 60s;
  while (std::chrono::steady_clock::now() < deadline) {
    peak = std::max(peak, rss_bytes(s.p.pid()));
    auto t0 = std::chrono::steady_clock::now();
    auto r = c.get("/api/v2/changefeeds?state=all");
    slowest = std::max(slowest, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    BOOST_REQUIRE_EQUAL(r.status, 200u);
    lag = max_lag_seconds(r);
    if (lag < 2.0)
      break;
    std::this_thread::sleep_for(100ms);
  }
  BOOST_TEST_MESSAGE("peak RSS " << peak / 1024 << " KiB (bound " << bound / 1024 << " KiB), slowest list "
                                 << slowest << " s, final lag " << lag << " s");
  BOOST_TEST(peak <= bound);
  BOOST_TEST(slowest < 2.0);
  BOOST_TEST(lag < 2.0);
}

BOOST_AUTO_TEST_SUITE_END()
