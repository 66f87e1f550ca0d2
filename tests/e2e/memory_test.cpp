// A server gives memory back after changefeeds go: once thousands are
// created and removed over the API, its resident size returns near where it
// started instead of staying at its peak.
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "tests/support/http_client.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc::test;
namespace fs = std::filesystem;

namespace {

/// Resident set size of `pid` in KiB.
long rss_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.starts_with("VmRSS:"))
      return std::stol(line.substr(6));
  return -1;
}

/// Runs `op(client, i)` for i in [0, n) over `conns` connections at once.
template <class Op>
void on_connections(const std::string& addr, int n, int conns, Op op) {
  std::vector<std::thread> threads;
  for (int c = 0; c < conns; ++c)
    threads.emplace_back([&, c] {
      http_client client{addr};
      for (int i = c; i < n; i += conns)
        op(client, i);
    });
  for (auto& t : threads)
    t.join();
}

void create_feeds(const std::string& addr, int n) {
  std::atomic<int> failed{0};
  on_connections(addr, n, 8, [&](http_client& c, int i) {
    auto r = c.post("/api/v2/changefeeds", R"({"changefeed_id":"cf-)" + std::to_string(i) + R"(","sink_uri":"blackhole://"})");
    failed += r.status != 200u;
  });
  BOOST_REQUIRE_EQUAL(failed.load(), 0);
}

void remove_feeds(const std::string& addr, int n) {
  std::atomic<int> failed{0};
  on_connections(addr, n, 8, [&](http_client& c, int i) {
    failed += c.del("/api/v2/changefeeds/cf-" + std::to_string(i)).status != 200u;
  });
  BOOST_REQUIRE_EQUAL(failed.load(), 0);
}

/// 4 schemas of 8 tables that write nothing: the feeds cost what a feed
/// costs, with no replication traffic to slow the test down.
std::string idle_upstream() {
  std::string out = R"({"rows_per_second": 0, "schemas": [)";
  for (int s = 0; s < 4; ++s) {
    out += std::string(s ? "," : "") + R"({"name": "s)" + std::to_string(s) + R"(", "tables": [)";
    for (int t = 0; t < 8; ++t)
      out += std::string(t ? "," : "") + R"({"name": "t)" + std::to_string(t) + R"("})";
    out += "]}";
  }
  return out + "]}";
}

/// What the test measures is the server handing glibc's heap back to the
/// kernel. ASan and TSan bring their own allocator, whose quarantine and
/// caches keep freed memory resident by design.
boost::test_tools::assertion_result glibc_allocates(boost::unit_test::test_unit_id) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  boost::test_tools::assertion_result no(false);
  no.message() << "built with a sanitizer's allocator, not glibc's";
  return no;
#else
  return true;
#endif
}

} // namespace

BOOST_AUTO_TEST_SUITE(memory)

BOOST_AUTO_TEST_CASE(rss_returns_near_its_start_after_thousands_of_feeds_come_and_go,
                     *boost::unit_test::precondition(glibc_allocates)) {
  temp_dir base{"memory"};
  std::ofstream(base.path / "upstream.json") << idle_upstream();
  child_process p{cdc_binary(),
                  {"server", "--addr=127.0.0.1:0", "--data-dir=" + (base.path / "data").string(), "--log-level=warn",
                   "--upstream-config=" + (base.path / "upstream.json").string()}};
  auto addrs = listening_addresses(p, 1);
  BOOST_REQUIRE(addrs.size() == 1u);
  // A first round warms what stays (pools, threads, the store's cache).
  create_feeds(addrs[0], 200);
  remove_feeds(addrs[0], 200);
  std::this_thread::sleep_for(std::chrono::seconds(3));
  auto start = rss_kib(p.pid());

  constexpr int feeds = 3000;
  create_feeds(addrs[0], feeds);
  auto peak = rss_kib(p.pid());
  remove_feeds(addrs[0], feeds);
  BOOST_TEST_MESSAGE("RSS at start " << start / 1024 << " MiB, with " << feeds << " feeds " << peak / 1024
                                     << " MiB");
  BOOST_REQUIRE_MESSAGE(peak - start > 32 * 1024, "the feeds must cost enough memory to see it come back");
  // Within a quarter of what the feeds took, and soon.
  auto near_start = [&] { return rss_kib(p.pid()) - start < (peak - start) / 4; };
  BOOST_TEST(eventually(near_start, 15.0), "RSS " << rss_kib(p.pid()) / 1024 << " MiB, started at " << start / 1024
                                                  << " MiB, peak " << peak / 1024 << " MiB");
  p.signal(SIGTERM);
  BOOST_TEST(p.wait().value_or(-1) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
