// Cluster mode with real processes: three `cdc server --pd` nodes on a
// private etcd agree on one owner and three captures, take creates on every
// node and spread each feed's tables over all three processes; a killed
// owner is replaced within its session TTL + 2 s with every table on
// exactly one live capture and checkpoints advancing; an owner paused past
// its lease steps down and rejoins, as a new capture under a new ID,
// without two nodes ever claiming to own at once; a resign on any node
// moves ownership; SIGTERM on the owner hands it over at once rather than a
// TTL later; and a node with another simulated upstream is refused.
#include <signal.h>

#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/cdc_cluster.hpp"
#include "tests/support/etcd_server.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"

using namespace cdc;
using namespace cdc::test;
using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

BOOST_AUTO_TEST_SUITE(cluster_mode)

BOOST_AUTO_TEST_CASE(three_nodes_agree_on_one_owner_and_three_captures) {
  cdc_cluster c{"cluster-agree"};
  auto owner = c.one_owner(10s);
  BOOST_REQUIRE(owner.has_value());
  std::set<std::string> expected;
  for (std::size_t i = 0; i < 3; ++i)
    expected.insert(c.id_of(i) + (i == *owner ? "*" : ""));
  // Every node answers the same list: the three captures, one owner.
  auto deadline = clock_type::now() + 5s;
  while (clock_type::now() < deadline && (c.captures(0) != expected || c.captures(1) != expected || c.captures(2) != expected))
    std::this_thread::sleep_for(50ms);
  for (std::size_t i = 0; i < 3; ++i)
    BOOST_TEST((c.captures(i) == expected), "node " << i);
  // And etcd has them under TiCDC's keys: a capture key and a campaign each.
  auto [rc, keys] = run_command("/usr/bin/etcdctl", {"--endpoints=" + c.etcd.endpoint(), "get", "--prefix",
                                                     "--keys-only", "/tidb/cdc/e2e/__cdc_meta__/"});
  BOOST_TEST(rc == 0, keys);
  for (std::size_t i = 0; i < 3; ++i)
    BOOST_TEST(keys.find("/tidb/cdc/e2e/__cdc_meta__/capture/" + c.id_of(i)) != std::string::npos, keys);
  std::size_t campaigns = 0;
  for (auto at = keys.find("__cdc_meta__/owner/"); at != std::string::npos; at = keys.find("__cdc_meta__/owner/", at + 1))
    ++campaigns;
  BOOST_TEST(campaigns == 3u, keys);
}

BOOST_AUTO_TEST_CASE(a_killed_owner_is_replaced_within_its_ttl_plus_2_s) {
  cdc_cluster c{"cluster-kill"};
  auto owner = c.one_owner(10s);
  BOOST_REQUIRE(owner.has_value());
  auto killed = c.id_of(*owner);
  auto t0 = clock_type::now();
  c.kill(*owner, SIGKILL);
  auto next = c.one_owner(std::chrono::seconds(c.ttl) + 2s);
  BOOST_REQUIRE(next.has_value());
  BOOST_TEST_MESSAGE("failover took " << std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - t0).count() << " ms");
  BOOST_TEST(*next != *owner);
  // The dead capture is gone from every list once its lease expired.
  auto survivors = c.captures(*next);
  BOOST_TEST(survivors.size() == 2u);
  BOOST_TEST((survivors.count(killed) + survivors.count(killed + "*")) == 0u);
}

BOOST_AUTO_TEST_CASE(an_owner_paused_past_its_lease_steps_down_and_no_two_nodes_ever_own) {
  cdc_cluster c{"cluster-stop"};
  auto owner = c.one_owner(10s);
  BOOST_REQUIRE(owner.has_value());
  auto paused_id = c.id_of(*owner);
  c.kill(*owner, SIGSTOP);
  // Sample every node every 100 ms through the pause and after it.
  std::size_t samples = 0, doubled = 0;
  bool replaced = false;
  auto resume_at = clock_type::now() + std::chrono::seconds(c.ttl) + 2s;
  auto end = resume_at + 3s;
  bool resumed = false;
  while (clock_type::now() < end) {
    if (!resumed && clock_type::now() >= resume_at) {
      c.kill(*owner, SIGCONT);
      resumed = true;
    }
    auto o = c.owners();
    ++samples;
    if (o.size() > 1)
      ++doubled;
    if (o.size() == 1 && o.front() != *owner)
      replaced = true;
    std::this_thread::sleep_for(100ms);
  }
  BOOST_TEST(doubled == 0u, doubled << " of " << samples << " samples had two owners");
  BOOST_TEST(replaced);
  // The paused node answers again, owns nothing and is a capture once more:
  // a new one, under a new ID (as TiCDC's capture registers anew), so no
  // node lists the old incarnation.
  auto s = c.status(*owner);
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST(!s->at("is_owner").as_bool());
  auto rejoined_id = std::string(s->at("id").as_string());
  BOOST_TEST(rejoined_id != paused_id);
  auto next = c.one_owner(2s);
  BOOST_REQUIRE(next.has_value());
  auto rejoined = [&](std::size_t i) {
    auto listed = c.captures(i);
    return listed.size() == 3u && listed.count(rejoined_id) == 1u && listed.count(paused_id) == 0u
           && listed.count(paused_id + "*") == 0u;
  };
  auto deadline = clock_type::now() + 5s;
  for (std::size_t i = 0; i < 3; ++i) {
    while (clock_type::now() < deadline && !rejoined(i))
      std::this_thread::sleep_for(100ms);
    BOOST_TEST(rejoined(i), "node " << i << " lists the rejoined capture " << rejoined_id << " and not " << paused_id);
  }
}

BOOST_AUTO_TEST_CASE(a_resign_on_any_node_moves_ownership) {
  cdc_cluster c{"cluster-resign"};
  auto owner = c.one_owner(10s);
  BOOST_REQUIRE(owner.has_value());
  auto other = (*owner + 1) % 3;
  http_client client(c.nodes[other].address);
  BOOST_TEST(client.post("/api/v2/owner/resign").status == 200u);
  auto deadline = clock_type::now() + 3s;
  std::optional<std::size_t> next;
  while (clock_type::now() < deadline) {
    next = c.one_owner(100ms);
    if (next && *next != *owner)
      break;
  }
  BOOST_REQUIRE(next.has_value());
  BOOST_TEST(*next != *owner);
}

BOOST_AUTO_TEST_CASE(sigterm_on_the_owner_hands_over_at_once) {
  // A TTL of 10 s (TiCDC's): a handover that waited for the lease would
  // take that long.
  cdc_cluster c{"cluster-term", 10};
  auto owner = c.one_owner(15s);
  BOOST_REQUIRE(owner.has_value());
  auto t0 = clock_type::now();
  c.kill(*owner, SIGTERM);
  auto next = c.one_owner(3s);
  BOOST_REQUIRE(next.has_value());
  BOOST_TEST(*next != *owner);
  BOOST_TEST_MESSAGE("handover took " << std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - t0).count() << " ms");
}

namespace {

/// A feed's tables per capture ID, from the owner's detail.
std::map<std::string, std::set<std::int64_t>> placement(http_client& c, const std::string& id) {
  std::map<std::string, std::set<std::int64_t>> out;
  auto r = c.get("/api/v2/changefeeds/" + id);
  if (r.status != 200)
    return out;
  auto body = r.json();
  if (const auto* ts = body.as_object().if_contains("task_status"))
    for (const auto& t : ts->as_array())
      for (const auto& table : t.at("table_ids").as_array())
        out[std::string(t.at("capture_id").as_string())].insert(table.to_number<std::int64_t>());
  return out;
}

std::uint64_t checkpoint(http_client& c, const std::string& id) {
  auto r = c.get("/api/v2/changefeeds/" + id);
  return r.status == 200 ? r.json().at("checkpoint_ts").to_number<std::uint64_t>() : 0;
}

} // namespace

BOOST_AUTO_TEST_CASE(creates_on_every_node_replicate_across_processes_and_survive_the_owner) {
  cdc_cluster c{"cluster-feeds"};
  auto owner = c.one_owner(10s);
  BOOST_REQUIRE(owner.has_value());
  // A write on any node reaches the owner and is answered where it came.
  for (std::size_t i = 0; i < 3; ++i) {
    http_client client(c.nodes[i].address);
    auto id = "feed-" + std::to_string(i);
    auto r = client.post("/api/v2/changefeeds", R"({"changefeed_id":")" + id + R"(","sink_uri":"blackhole://"})");
    BOOST_TEST(r.status == 200u, "node " << i << ": " << r.body);
  }
  std::set<std::string> all_ids;
  for (std::size_t i = 0; i < 3; ++i)
    all_ids.insert(c.id_of(i));
  http_client at_owner(c.nodes[*owner].address);
  // Each feed's tables are spread over the three processes' captures.
  std::set<std::int64_t> tables;
  for (const auto& [capture, held] : placement(at_owner, "feed-0"))
    tables.insert(held.begin(), held.end());
  BOOST_REQUIRE(!tables.empty());
  // (A capture the owner reached after the create gets its share within a
  // second: joining rebalances.)
  auto spread = [&] {
    for (auto id : {"feed-0", "feed-1", "feed-2"})
      if (placement(at_owner, id).size() != 3u)
        return false;
    return true;
  };
  for (auto until = clock_type::now() + 3s; clock_type::now() < until && !spread();)
    std::this_thread::sleep_for(100ms);
  for (auto id : {"feed-0", "feed-1", "feed-2"}) {
    auto p = placement(at_owner, id);
    BOOST_TEST(p.size() == 3u, id);
    for (const auto& [capture, held] : p)
      BOOST_TEST(all_ids.count(capture) == 1u, capture);
  }
  auto before = checkpoint(at_owner, "feed-0");
  std::this_thread::sleep_for(1500ms);
  BOOST_TEST(checkpoint(at_owner, "feed-0") > before, "checkpoints advance with tables on three processes");
  // Every node answers reads from what the owner published, within a
  // relay round or two.
  for (std::size_t i = 0; i < 3; ++i) {
    http_client client(c.nodes[i].address);
    auto listed = [&] {
      auto r = client.get("/api/v2/changefeeds");
      return r.status == 200 && r.json().at("total").to_number<int>() == 3;
    };
    for (auto until = clock_type::now() + 3s; clock_type::now() < until && !listed();)
      std::this_thread::sleep_for(100ms);
    BOOST_TEST(listed(), "node " << i << " lists the three feeds");
    BOOST_TEST((placement(client, "feed-2") == placement(at_owner, "feed-2")), "node " << i);
    BOOST_TEST(client.get("/api/v2/processors").json().at("total").to_number<int>() == 9, "node " << i);
  }

  // The owner dies: the survivors take every table, each exactly once.
  auto dead = c.id_of(*owner);
  c.kill(*owner, SIGKILL);
  auto next = c.one_owner(std::chrono::seconds(c.ttl) + 2s);
  BOOST_REQUIRE(next.has_value());
  http_client at_next(c.nodes[*next].address);
  auto deadline = clock_type::now() + 5s;
  auto settled = [&] {
    for (auto id : {"feed-0", "feed-1", "feed-2"}) {
      auto p = placement(at_next, id);
      std::multiset<std::int64_t> seen;
      for (const auto& [capture, held] : p) {
        if (capture == dead && !held.empty())
          return false;
        seen.insert(held.begin(), held.end());
      }
      if (std::set<std::int64_t>(seen.begin(), seen.end()) != tables || seen.size() != tables.size())
        return false;
    }
    return true;
  };
  while (clock_type::now() < deadline && !settled())
    std::this_thread::sleep_for(100ms);
  BOOST_TEST(settled(), "every table of every feed on exactly one live capture");
  before = checkpoint(at_next, "feed-1");
  std::this_thread::sleep_for(1500ms);
  BOOST_TEST(checkpoint(at_next, "feed-1") > before, "checkpoints advance again under the new owner");
}

BOOST_AUTO_TEST_CASE(a_node_with_another_upstream_is_refused_at_join) {
  temp_dir base{"cluster-upstream"};
  etcd_server etcd{base.path / "etcd"};
  auto node_args = [&](const std::string& name) {
    auto args = server_args((base.path / name).string());
    args.push_back("--pd=" + etcd.endpoint());
    return args;
  };
  child_process first(cdc_binary(), node_args("a"));
  listening_addresses(first, 1);
  auto config = base.path / "upstream.json";
  std::ofstream(config) << R"({"schemas": [{"name": "shop", "tables": [{"name": "orders", "columns": [)"
                           R"({"name": "id", "type": "bigint", "primary_key": true}]}]}]})";
  auto args = node_args("b");
  args.push_back("--upstream-config=" + config.string());
  auto [status, out] = run_command(cdc_binary(), args);
  BOOST_TEST(status == 1, out);
  BOOST_TEST(out.find("refusing to join cluster default") != std::string::npos, out);
  BOOST_TEST(out.find("--upstream-config") != std::string::npos, out);
  first.signal(SIGTERM);
  BOOST_TEST(first.wait().value_or(-1) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
