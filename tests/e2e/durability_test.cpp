// A 200 survives kill -9: the real server is killed with SIGKILL in the
// middle of a burst of concurrent creates, pauses, resumes and removes, then
// restarted on the same data dir, and every acknowledged write must be there.
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <thread>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "actors/store/backend/sqlite_backend.hpp"
#include "model/tso.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc;
using namespace cdc::test;
namespace json = boost::json;

namespace {

// A changefeed persists its progress every 200 ms, the store writes what it
// got every 200 ms, and the checkpoint moves with the upstream's 100 ms
// ticks: a durable checkpoint trails the reported one by at most ~500 ms.
// The rest is slack for a loaded two-core machine.
constexpr std::int64_t persist_interval_ms = 500;
constexpr std::int64_t scheduling_slack_ms = 500;

constexpr std::size_t clients = 16;

/// What one client knows about one of its changefeeds.
struct feed_truth {
  std::string last_acked = "absent"; ///< "absent", "normal", "stopped" or "removed"
  std::string in_flight;             ///< the state an unanswered request would leave
  json::value created;               ///< the create's answer
};

/// One client of the burst: creates, pauses, resumes and removes its own
/// changefeeds, one request at a time, until the server dies.
void burst(const std::string& address, std::size_t index, std::map<std::string, feed_truth>& feeds,
           std::atomic<std::size_t>& acked) {
  std::mt19937 rng(static_cast<unsigned>(index));
  std::vector<std::string> live;
  std::unique_ptr<http_client> c;
  try {
    c = std::make_unique<http_client>(address);
  } catch (const std::exception&) {
    return;
  }
  for (std::size_t n = 0;; ++n) {
    std::string id, next, method, target, body;
    bool create = live.size() < 3 || rng() % 10 < 4;
    if (create) {
      id = "burst-" + std::to_string(index) + "-" + std::to_string(n);
      next = "normal";
      method = "POST";
      target = "/api/v2/changefeeds";
      body = R"({"changefeed_id":")" + id
             + R"(","sink_uri":"blackhole://","replica_config":{"filter":{"rules":["test0.t0"]}}})";
    } else {
      auto pick = rng() % live.size();
      id = live[pick];
      bool remove = rng() % 10 < 4;
      if (remove) {
        next = "removed";
        method = "DELETE";
        target = "/api/v2/changefeeds/" + id;
        live.erase(live.begin() + static_cast<std::ptrdiff_t>(pick));
      } else if (feeds[id].last_acked == "normal") {
        next = "stopped";
        method = "POST";
        target = "/api/v2/changefeeds/" + id + "/pause";
      } else {
        next = "normal";
        method = "POST";
        target = "/api/v2/changefeeds/" + id + "/resume";
        body = "{}";
      }
    }
    auto& truth = feeds[id];
    truth.in_flight = next;
    http_response r;
    try {
      r = c->request(method, target, body, method == "POST");
    } catch (const std::exception&) {
      return; // the server died with this request unanswered
    }
    if (r.status != 200u) {
      // Refused: nothing changed. Leave the feed alone from here on.
      truth.in_flight.clear();
      std::erase(live, id);
      continue;
    }
    truth.in_flight.clear();
    truth.last_acked = next;
    if (create) {
      truth.created = r.json();
      live.push_back(id);
    }
    ++acked;
  }
}

/// The checkpoint a detail reports.
std::uint64_t checkpoint_of(const json::value& detail) { return detail.at("checkpoint_ts").to_number<std::uint64_t>(); }

std::int64_t physical_ms(std::uint64_t ts) { return static_cast<std::int64_t>(ts >> 18); }

} // namespace

BOOST_AUTO_TEST_SUITE(durability)

BOOST_AUTO_TEST_CASE(every_acknowledged_write_survives_sigkill_in_the_middle_of_a_burst) {
  temp_dir dir{"sigkill"};
  auto server = std::make_unique<child_process>(cdc_binary(), server_args(dir.path));
  auto addrs = listening_addresses(*server, 1);
  BOOST_REQUIRE(addrs.size() == 1u);
  http_client c{addrs[0]};

  // Feeds set up before the burst: one replicating, one paused, one that
  // reaches its target and finishes.
  auto steady = c.post("/api/v2/changefeeds", R"({"changefeed_id":"steady","sink_uri":"blackhole://"})");
  BOOST_REQUIRE_MESSAGE(steady.status == 200u, steady.body);
  BOOST_REQUIRE(c.post("/api/v2/changefeeds", R"({"changefeed_id":"parked","sink_uri":"blackhole://"})").status == 200u);
  BOOST_REQUIRE(c.post("/api/v2/changefeeds/parked/pause").status == 200u);
  auto target = model::compose_tso(physical_ms(checkpoint_of(steady.json())) + 300, 0);
  BOOST_REQUIRE(c.post("/api/v2/changefeeds", R"({"changefeed_id":"done","sink_uri":"blackhole://","target_ts":)"
                                                  + std::to_string(target) + "}")
                  .status
                == 200u);
  BOOST_REQUIRE(eventually([&] { return c.get("/api/v2/changefeeds/done").json().at("state") == "finished"; }));
  auto parked_checkpoint = checkpoint_of(c.get("/api/v2/changefeeds/parked").json());

  // The burst, and a reader that keeps the last checkpoint the API reported.
  std::vector<std::map<std::string, feed_truth>> truths(clients);
  std::atomic<std::size_t> acked{0};
  std::atomic<bool> stop_reading{false};
  std::atomic<std::uint64_t> reported{0};
  std::thread reader([&] {
    try {
      http_client r{addrs[0]};
      while (!stop_reading) {
        auto d = r.get("/api/v2/changefeeds/steady");
        if (d.status == 200u)
          reported = checkpoint_of(d.json());
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    } catch (const std::exception&) {
      // the server died
    }
  });
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < clients; ++i)
    threads.emplace_back(burst, addrs[0], i, std::ref(truths[i]), std::ref(acked));
  BOOST_REQUIRE(eventually([&] { return acked.load() >= 300; }, 20.0));
  server->signal(SIGKILL);
  BOOST_TEST(server->wait().value_or(-1) == 128 + SIGKILL);
  stop_reading = true;
  for (auto& t : threads)
    t.join();
  reader.join();
  server.reset();
  BOOST_TEST_MESSAGE("acknowledged writes before the kill: " << acked.load());

  // The file as the killed server left it: checkpoints are durable within
  // the persist interval of what the API last reported.
  {
    auto store = store::sqlite_backend::open(dir.path);
    BOOST_REQUIRE_MESSAGE(store.has_value(), (store.has_error() ? store.error().message : std::string()));
    auto steady_cp = (*store)->get({"default", "steady"}).value().value().progress.checkpoint_ts;
    auto lag = physical_ms(reported.load()) - physical_ms(steady_cp);
    BOOST_TEST_MESSAGE("durable checkpoint trails the last reported one by " << lag << " ms");
    BOOST_TEST(lag <= persist_interval_ms + scheduling_slack_ms);
    BOOST_TEST((*store)->get({"default", "parked"}).value().value().progress.checkpoint_ts == parked_checkpoint);
  }

  // Restart on the same data dir.
  child_process again{cdc_binary(), server_args(dir.path)};
  auto addrs2 = listening_addresses(again, 1);
  BOOST_REQUIRE(addrs2.size() == 1u);
  http_client c2{addrs2[0]};
  std::map<std::string, std::string> listed;
  auto all = c2.get("/api/v2/changefeeds?state=all");
  BOOST_REQUIRE_MESSAGE(all.status == 200u, all.body);
  auto all_json = all.json();
  for (const auto& item : all_json.at("items").as_array())
    listed[std::string(item.at("id").as_string())] = std::string(item.at("state").as_string());

  std::size_t checked = 0, in_flight = 0;
  for (const auto& client : truths)
    for (const auto& [id, truth] : client) {
      std::set<std::string> allowed{truth.last_acked};
      if (!truth.in_flight.empty()) {
        allowed.insert(truth.in_flight);
        ++in_flight;
      }
      auto it = listed.find(id);
      auto now = it == listed.end() ? std::string("absent") : it->second;
      if (now == "absent")
        BOOST_TEST((allowed.count("absent") || allowed.count("removed")), id << " is gone but was " << truth.last_acked);
      else
        BOOST_TEST(allowed.count(now) == 1u, id << " is " << now << " but was " << truth.last_acked);
      if (now != "absent" && truth.created.is_object()) {
        auto r = c2.get("/api/v2/changefeeds/" + id);
        BOOST_REQUIRE_MESSAGE(r.status == 200u, id << ": " << r.body);
        auto d = r.json();
        for (auto key : {"config", "sink_uri", "start_ts", "target_ts", "create_time"})
          BOOST_TEST(d.at(key) == truth.created.at(key), id << ": " << key << " changed");
      }
      ++checked;
    }
  BOOST_TEST_MESSAGE("checked " << checked << " feeds, " << in_flight << " with a request in flight at the kill");

  // Recorded states resume: the paused feed keeps its checkpoint, the
  // finished one stays finished, the replicating one replicates again.
  BOOST_TEST(listed["steady"] == "normal");
  BOOST_TEST(listed["parked"] == "stopped");
  BOOST_TEST(listed["done"] == "finished");
  BOOST_TEST(checkpoint_of(c2.get("/api/v2/changefeeds/parked").json()) == parked_checkpoint);
  auto before = reported.load();
  BOOST_TEST(eventually([&] { return checkpoint_of(c2.get("/api/v2/changefeeds/steady").json()) > before; }));
  again.signal(SIGTERM);
  BOOST_TEST(again.wait().value_or(-1) == 0);
}

BOOST_AUTO_TEST_CASE(a_graceful_restart_keeps_the_feed_and_its_checkpoint_within_the_persist_interval) {
  temp_dir dir{"restart"};
  std::uint64_t last = 0;
  {
    child_process p{cdc_binary(), server_args(dir.path)};
    auto addrs = listening_addresses(p, 1);
    BOOST_REQUIRE(addrs.size() == 1u);
    http_client c{addrs[0]};
    BOOST_REQUIRE(c.post("/api/v2/changefeeds", R"({"changefeed_id":"a","sink_uri":"blackhole://"})").status == 200u);
    auto start = checkpoint_of(c.get("/api/v2/changefeeds/a").json());
    BOOST_REQUIRE(eventually([&] { return checkpoint_of(c.get("/api/v2/changefeeds/a").json()) > start + (500ull << 18); }));
    last = checkpoint_of(c.get("/api/v2/changefeeds/a").json());
    p.signal(SIGTERM);
    BOOST_TEST(p.wait().value_or(-1) == 0);
  }
  child_process p{cdc_binary(), server_args(dir.path)};
  auto addrs = listening_addresses(p, 1);
  BOOST_REQUIRE(addrs.size() == 1u);
  auto d = http_client{addrs[0]}.get("/api/v2/changefeeds/a").json();
  BOOST_TEST(d.at("state") == "normal");
  BOOST_TEST(physical_ms(last) - physical_ms(checkpoint_of(d)) <= persist_interval_ms + scheduling_slack_ms);
  p.signal(SIGTERM);
  BOOST_TEST(p.wait().value_or(-1) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
