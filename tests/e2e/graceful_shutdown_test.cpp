// SIGTERM under write load: every request a client sent gets an answer (its
// result, or 503 CDC:ErrServerIsNotReady), the server exits 0 well inside
// its grace period, and every create it acknowledged is there after restart.
#include <signal.h>

#include <atomic>
#include <map>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "tests/support/http_client.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc::test;

namespace {

constexpr std::size_t clients = 32;

/// What one client saw.
struct client_log {
  std::vector<std::string> created; ///< creates answered 200
  std::vector<std::string> paused;  ///< pauses answered 200
  std::size_t refused = 0;          ///< 503 CDC:ErrServerIsNotReady
  std::vector<std::string> unexpected;
  std::size_t unanswered = 0;
};

/// Creates a changefeed and pauses it, over and over on one keep-alive
/// connection, until the server answers that it closes the connection.
void create_and_pause(const std::string& address, std::size_t index, client_log& log, std::atomic<std::size_t>& acked) {
  http_client c{address};
  for (std::size_t n = 0;; ++n) {
    auto id = "term-" + std::to_string(index) + "-" + std::to_string(n);
    for (bool create : {true, false}) {
      http_response r;
      try {
        r = create ? c.post("/api/v2/changefeeds",
                            R"({"changefeed_id":")" + id
                              + R"(","sink_uri":"blackhole://","replica_config":{"filter":{"rules":["test0.t0"]}}})")
                   : c.post("/api/v2/changefeeds/" + id + "/pause");
      } catch (const std::exception&) {
        ++log.unanswered; // sent, and the connection ended without an answer
        return;
      }
      if (r.status == 200u) {
        (create ? log.created : log.paused).push_back(id);
        ++acked;
      } else if (r.status == 503u && r.error_code() == "CDC:ErrServerIsNotReady") {
        ++log.refused;
      } else {
        log.unexpected.push_back(std::to_string(r.status) + " " + r.body);
      }
      if (!r.keep_alive)
        return;
      if (r.status != 200u)
        break; // nothing to pause
    }
  }
}

} // namespace

BOOST_AUTO_TEST_SUITE(graceful_shutdown)

BOOST_AUTO_TEST_CASE(sigterm_under_write_load_answers_every_request_and_exits_quickly) {
  temp_dir dir{"sigterm-load"};
  std::vector<client_log> logs(clients);
  {
    child_process server{cdc_binary(), server_args(dir.path)};
    auto addrs = listening_addresses(server, 1);
    BOOST_REQUIRE(addrs.size() == 1u);
    std::atomic<std::size_t> acked{0};
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < clients; ++i)
      threads.emplace_back(create_and_pause, addrs[0], i, std::ref(logs[i]), std::ref(acked));
    BOOST_REQUIRE(eventually([&] { return acked.load() >= 300; }, 30.0));

    auto start = std::chrono::steady_clock::now();
    server.signal(SIGTERM);
    auto status = server.wait(std::chrono::seconds(15));
    auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    for (auto& t : threads)
      t.join();
    BOOST_TEST_MESSAGE("exit after SIGTERM took " << took.count() << " ms");
    BOOST_TEST(status.value_or(-1) == 0, server.err());
    BOOST_TEST(took.count() < 3000);
  }

  std::size_t unanswered = 0, refused = 0, created = 0;
  for (const auto& log : logs) {
    unanswered += log.unanswered;
    refused += log.refused;
    created += log.created.size();
    for (const auto& u : log.unexpected)
      BOOST_ERROR("unexpected answer: " << u);
  }
  BOOST_TEST_MESSAGE(created << " creates acknowledged, " << refused << " requests refused with 503, " << unanswered
                             << " unanswered");
  BOOST_TEST(unanswered == 0u);

  child_process again{cdc_binary(), server_args(dir.path)};
  auto addrs = listening_addresses(again, 1);
  BOOST_REQUIRE(addrs.size() == 1u);
  auto all = http_client{addrs[0]}.get("/api/v2/changefeeds?state=all");
  BOOST_REQUIRE_MESSAGE(all.status == 200u, all.body);
  std::map<std::string, std::string> listed;
  auto all_json = all.json();
  for (const auto& item : all_json.at("items").as_array())
    listed[std::string(item.at("id").as_string())] = std::string(item.at("state").as_string());
  for (const auto& log : logs) {
    for (const auto& id : log.created)
      BOOST_TEST(listed.count(id) == 1u, id << " was acknowledged but is gone");
    for (const auto& id : log.paused)
      BOOST_TEST(listed[id] == "stopped", id << " was paused but is " << listed[id]);
  }
  again.signal(SIGTERM);
  BOOST_TEST(again.wait().value_or(-1) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
