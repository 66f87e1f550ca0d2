// An owner-resign storm against a real server: thousands of resigns from
// many clients, in rounds, against three captures with replicating feeds and
// the SQLite store. Afterwards the cluster must have exactly one owner and
// all its captures, take writes, and keep moving checkpoints.
#include <atomic>
#include <thread>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc;
using namespace cdc::test;
using namespace std::chrono_literals;

namespace {

constexpr std::size_t feeds = 200;
constexpr std::size_t clients = 8;
constexpr std::size_t resigns_per_client = 600;

struct cluster {
  explicit cluster(const temp_dir& dir)
    : p(cdc_binary(), {"server", "--addr=127.0.0.1:0", "--captures=3", "--data-dir=" + dir.path.string(),
                       "--log-level=warn"}),
      addresses(listening_addresses(p, 3)) {}
  http_client client(std::size_t i = 0) const { return http_client{addresses.at(i)}; }
  child_process p;
  std::vector<std::string> addresses;
};

/// `clients` connections each posting resigns as fast as answered.
std::size_t storm(const cluster& f) {
  std::atomic<std::size_t> answered{0};
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < clients; ++i)
    threads.emplace_back([&, i] {
      http_client c = f.client(i % 3);
      for (std::size_t n = 0; n < resigns_per_client; ++n)
        if (c.post("/api/v2/owner/resign").status != 0)
          ++answered;
    });
  for (auto& t : threads)
    t.join();
  return answered;
}

std::size_t owners(const cluster& f) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < 3; ++i)
    if (f.client(i).get("/api/v2/status").json().at("is_owner").as_bool())
      ++n;
  return n;
}

std::uint64_t checkpoint(const cluster& f, const std::string& id) {
  return f.client().get("/api/v2/changefeeds/" + id).json().at("checkpoint_ts").to_number<std::uint64_t>();
}

} // namespace

BOOST_AUTO_TEST_SUITE(resign_storm)

BOOST_AUTO_TEST_CASE(after_a_resign_storm_one_owner_serves_every_capture_and_writes_work) {
  temp_dir dir{"resign-storm"};
  cluster f{dir};
  auto c = f.client();
  for (std::size_t i = 0; i < feeds; ++i)
    BOOST_REQUIRE_EQUAL(
      c.post("/api/v2/changefeeds", R"({"changefeed_id":"s)" + std::to_string(i) + R"(","sink_uri":"blackhole://"})")
        .status,
      200u);

  for (int round = 0; round < 3; ++round) {
    BOOST_TEST(storm(f) == clients * resigns_per_client);
    std::this_thread::sleep_for(500ms);
  }

  // A resign that came while the last term started is still carried out.
  BOOST_TEST(eventually(
    [&] {
      auto h = c.get("/api/v2/health");
      auto n = owners(f);
      return h.status == 200u && n == 1u;
    },
    15));
  auto caps = c.get("/api/v2/captures").json();
  BOOST_TEST(caps.at("total").to_number<int>() == 3);
  BOOST_TEST(c.post("/api/v2/changefeeds", R"({"changefeed_id":"after","sink_uri":"blackhole://"})").status == 200u);
  BOOST_TEST(c.post("/api/v2/changefeeds/s7/pause").status == 200u);
  auto before = checkpoint(f, "s0");
  BOOST_TEST(eventually([&] { return checkpoint(f, "s0") > before; }, 5));
  before = checkpoint(f, "after");
  BOOST_TEST(eventually([&] { return checkpoint(f, "after") > before; }, 5));
}

BOOST_AUTO_TEST_SUITE_END()
