// Cluster mode tried as a hostile operator would: a storm of resigns sent to
// every node, and SIGTERM on a node that is not the owner, each while
// `cdc-load churn` writes through all three nodes. Afterwards exactly one
// node owns, every node lists the live captures, and no acknowledged
// create, pause, update, resume or remove is lost (`cdc-load verify`).
#include <signal.h>

#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <thread>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/cdc_cluster.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/process.hpp"

using namespace cdc;
using namespace cdc::test;
using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

namespace {

/// `cdc-load churn` through every node of `c` for `duration`.
std::unique_ptr<child_process> start_churn(cdc_cluster& c, const std::filesystem::path& history,
                                           const std::string& duration) {
  std::string addrs;
  for (const auto& n : c.nodes)
    addrs += (addrs.empty() ? "" : ",") + n.address;
  return std::make_unique<child_process>(cdc_load_binary(),
                                         std::vector<std::string>{"churn", "--addr=" + addrs, "-c", "12",
                                                                  "--feeds=60", "-d", duration,
                                                                  "--history=" + history.string(),
                                                                  "--progress=none"});
}

/// Runs `cdc-load verify` against node i; its output on failure.
void verify(cdc_cluster& c, std::size_t i, const std::filesystem::path& history) {
  auto [rc, out] = run_command(cdc_load_binary(), {"verify", "--history=" + history.string(),
                                                   "--addr=" + c.nodes[i].address});
  BOOST_TEST(rc == 0, out);
  BOOST_TEST_MESSAGE(out);
}

/// The live captures node i lists, by ID; empty when it does not answer.
std::set<std::string> capture_ids(cdc_cluster& c, std::size_t i) {
  std::set<std::string> out;
  for (auto id : c.captures(i))
    out.insert(id.back() == '*' ? id.substr(0, id.size() - 1) : id);
  return out;
}

/// Waits until every running node lists exactly `expected`.
bool every_node_lists(cdc_cluster& c, const std::set<std::string>& expected, std::chrono::milliseconds within) {
  auto deadline = clock_type::now() + within;
  do {
    bool all = true;
    for (std::size_t i = 0; i < c.nodes.size(); ++i)
      if (c.nodes[i].running && capture_ids(c, i) != expected)
        all = false;
    if (all)
      return true;
    std::this_thread::sleep_for(100ms);
  } while (clock_type::now() < deadline);
  return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(cluster_storms)

BOOST_AUTO_TEST_CASE(a_resign_storm_on_every_node_under_churn_ends_with_one_owner_and_nothing_lost) {
  cdc_cluster c{"cluster-resign-storm"};
  BOOST_REQUIRE(c.one_owner(10s).has_value());
  std::set<std::string> ids;
  for (std::size_t i = 0; i < 3; ++i)
    ids.insert(c.id_of(i));
  auto history = c.base.path / "history.jsonl";
  auto churn = start_churn(c, history, "12s");
  // Four resigns a second on each node for 6 s, so terms keep ending while
  // creates and pauses are in flight through every node.
  std::this_thread::sleep_for(2s);
  std::size_t answered = 0;
  for (auto until = clock_type::now() + 6s; clock_type::now() < until;) {
    for (std::size_t i = 0; i < 3; ++i) {
      try {
        http_client client(c.nodes[i].address);
        if (client.post("/api/v2/owner/resign").status == 200u)
          ++answered;
      } catch (const std::exception&) {
      }
    }
    std::this_thread::sleep_for(250ms);
  }
  BOOST_TEST(answered > 0u);
  auto status = churn->wait(40s);
  BOOST_REQUIRE_MESSAGE(status.has_value(), "churn did not end");
  BOOST_TEST(*status == 0, churn->out() << churn->err());

  auto owner = c.one_owner(10s);
  BOOST_REQUIRE(owner.has_value());
  BOOST_TEST(every_node_lists(c, ids, 10s));
  for (std::size_t i = 0; i < 3; ++i) {
    http_client client(c.nodes[i].address);
    BOOST_TEST(client.get("/api/v2/health").status == 200u, "node " << i);
  }
  verify(c, *owner, history);
}

BOOST_AUTO_TEST_CASE(sigterm_on_a_node_that_does_not_own_drains_it_under_churn) {
  cdc_cluster c{"cluster-term-capture"};
  auto owner = c.one_owner(10s);
  BOOST_REQUIRE(owner.has_value());
  std::size_t leaving = (*owner + 1) % 3;
  std::set<std::string> staying;
  for (std::size_t i = 0; i < 3; ++i)
    if (i != leaving)
      staying.insert(c.id_of(i));
  auto history = c.base.path / "history.jsonl";
  auto churn = start_churn(c, history, "10s");
  std::this_thread::sleep_for(3s);
  c.nodes[leaving].process->signal(SIGTERM);
  auto exit = c.nodes[leaving].process->wait(15s);
  BOOST_REQUIRE_MESSAGE(exit.has_value(), "the node did not stop");
  BOOST_TEST(*exit == 0);
  c.nodes[leaving].running = false;
  // Its capture is gone from every node's list at once (its lease was
  // revoked), not a TTL later, and the owner did not change.
  BOOST_TEST(every_node_lists(c, staying, 2s));
  BOOST_TEST(c.owners() == std::vector<std::size_t>{*owner});
  auto status = churn->wait(40s);
  BOOST_REQUIRE_MESSAGE(status.has_value(), "churn did not end");
  BOOST_TEST(*status == 0, churn->out() << churn->err());
  verify(c, *owner, history);
}

BOOST_AUTO_TEST_SUITE_END()
