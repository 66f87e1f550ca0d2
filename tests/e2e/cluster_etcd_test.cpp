// Cluster mode when the ground moves: etcd SIGKILLed under three nodes and
// started again on its data after longer than the session TTL (writes fail
// with a clear 500 within a bounded time meanwhile, reads keep answering,
// no node dies, and once etcd is back the cluster recovers by itself: one
// owner, three captures, creates on every node, the feeds of before
// replicating again, and nothing a 500 refused shows up); etcd down for
// less than a TTL (nobody loses their lease); and a node that joins a
// running cluster gets its share of a feed's tables within a second.
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <thread>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/cdc_cluster.hpp"
#include "tests/support/http_client.hpp"

using namespace cdc;
using namespace cdc::test;
using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

namespace {

long long ms_since(clock_type::time_point t0) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - t0).count();
}

std::string create_body(const std::string& id) {
  return R"({"changefeed_id":")" + id + R"(","sink_uri":"blackhole://"})";
}

/// The changefeed IDs node `c` lists, or nullopt when the list fails.
std::optional<std::set<std::string>> listed(http_client& c) {
  auto r = c.get("/api/v2/changefeeds");
  if (r.status != 200)
    return std::nullopt;
  std::set<std::string> out;
  auto body = r.json();
  for (const auto& item : body.at("items").as_array())
    out.insert(std::string(item.at("id").as_string()));
  return out;
}

std::string state_of(http_client& c, const std::string& id) {
  auto r = c.get("/api/v2/changefeeds/" + id);
  return r.status == 200 ? std::string(r.json().at("state").as_string()) : std::to_string(r.status);
}

std::uint64_t checkpoint(http_client& c, const std::string& id) {
  auto r = c.get("/api/v2/changefeeds/" + id);
  return r.status == 200 ? r.json().at("checkpoint_ts").to_number<std::uint64_t>() : 0;
}

/// A write etcd cannot take: a 500 with an error code and a message that
/// says why, well within the 30 s request timeout.
void refused_clearly(const http_response& r, long long took_ms, const std::string& what) {
  BOOST_TEST(r.status == 500u, what << ": " << r.status << " " << r.body);
  BOOST_TEST(!r.error_code().empty(), what << ": " << r.body);
  BOOST_TEST(took_ms <= 6000, what << " took " << took_ms << " ms");
  BOOST_TEST_MESSAGE(what << ": " << r.status << " in " << took_ms << " ms: " << r.body);
}

bool all_running(cdc_cluster& c) {
  for (auto& n : c.nodes)
    if (n.running && n.process->wait(20ms).has_value())
      return false;
  return true;
}

/// The tables each capture holds of `feed`, by capture ID, as a node's
/// processor reads answer (GET /processors, then each processor's detail).
std::map<std::string, std::set<std::int64_t>> processors_of(http_client& c, const std::string& feed) {
  std::map<std::string, std::set<std::int64_t>> out;
  auto r = c.get("/api/v2/processors");
  if (r.status != 200)
    return out;
  auto body = r.json();
  for (const auto& item : body.at("items").as_array()) {
    if (item.at("changefeed_id").as_string() != feed)
      continue;
    auto capture = std::string(item.at("capture_id").as_string());
    auto d = c.get("/api/v2/processors/" + feed + "/" + capture);
    if (d.status != 200)
      continue;
    auto& held = out[capture];
    auto detail = d.json();
    for (const auto& t : detail.at("table_ids").as_array())
      held.insert(t.to_number<std::int64_t>());
  }
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(cluster_etcd)

BOOST_AUTO_TEST_CASE(etcd_restarted_under_the_cluster_fails_writes_clearly_and_the_cluster_recovers) {
  cdc_cluster c{"cluster-etcd"};
  BOOST_REQUIRE(c.one_owner(10s).has_value());
  std::set<std::string> before;
  for (std::size_t i = 0; i < 3; ++i) {
    http_client client(c.nodes[i].address);
    auto id = "before-" + std::to_string(i);
    auto r = client.post("/api/v2/changefeeds", create_body(id));
    BOOST_REQUIRE_MESSAGE(r.status == 200u, "node " << i << ": " << r.body);
    before.insert(id);
  }
  // Every node lists them (the relay trails the owner by up to 500 ms).
  for (std::size_t i = 0; i < 3; ++i) {
    http_client client(c.nodes[i].address);
    auto deadline = clock_type::now() + 3s;
    while (clock_type::now() < deadline && listed(client) != before)
      std::this_thread::sleep_for(50ms);
    BOOST_REQUIRE_MESSAGE(listed(client) == before, "node " << i << " lists the feeds");
  }

  c.etcd.kill();
  auto down = clock_type::now();
  // Twice while etcd is down: at once (the nodes still hold their leases)
  // and after the session TTL (they lost them): every write on every node
  // is refused with a 500 that says why, and reads answer.
  auto writes_fail = [&](const std::string& round) {
    for (std::size_t i = 0; i < 3; ++i) {
      http_client client(c.nodes[i].address);
      auto t0 = clock_type::now();
      auto r = client.post("/api/v2/changefeeds", create_body("during-" + round + "-" + std::to_string(i)));
      refused_clearly(r, ms_since(t0), round + ": create on node " + std::to_string(i));
      t0 = clock_type::now();
      r = client.post("/api/v2/changefeeds/before-" + std::to_string(i) + "/pause");
      refused_clearly(r, ms_since(t0), round + ": pause on node " + std::to_string(i));
      t0 = clock_type::now();
      auto l = listed(client);
      BOOST_TEST(l.has_value(), round << ": node " << i << " lists");
      if (l)
        for (const auto& id : before)
          BOOST_TEST(l->count(id) == 1u, round << ": node " << i << " lists " << id);
      BOOST_TEST(ms_since(t0) <= 1000, round << ": a list on node " << i << " took " << ms_since(t0) << " ms");
    }
  };
  writes_fail("early");
  std::this_thread::sleep_until(down + std::chrono::seconds(c.ttl) + 2s);
  writes_fail("late");
  BOOST_TEST(all_running(c), "no node died while etcd was down");

  c.etcd.start();
  auto up = clock_type::now();
  BOOST_TEST_MESSAGE("etcd was down for " << std::chrono::duration_cast<std::chrono::milliseconds>(up - down).count()
                                          << " ms");
  auto recovered_within = std::chrono::seconds(c.ttl) + 5s;
  auto owner = c.one_owner(std::chrono::duration_cast<std::chrono::milliseconds>(recovered_within));
  BOOST_REQUIRE_MESSAGE(owner.has_value(), "one owner within " << recovered_within.count() << " s of etcd's start");
  BOOST_TEST_MESSAGE("one owner " << ms_since(up) << " ms after etcd started");
  auto three = [&] {
    for (std::size_t i = 0; i < 3; ++i)
      if (c.captures(i).size() != 3u)
        return false;
    return true;
  };
  while (ms_since(up) < std::chrono::milliseconds(recovered_within).count() && !three())
    std::this_thread::sleep_for(100ms);
  BOOST_TEST(three(), "three captures on every node");
  // A create on every node succeeds (retried while the new owner loads).
  for (std::size_t i = 0; i < 3; ++i) {
    http_client client(c.nodes[i].address);
    auto id = "after-" + std::to_string(i);
    http_response r;
    do {
      r = client.post("/api/v2/changefeeds", create_body(id));
      if (r.status != 200) {
        BOOST_TEST_MESSAGE("create on node " << i << " " << ms_since(up) << " ms after etcd started: " << r.body);
        std::this_thread::sleep_for(200ms);
      }
    } while (r.status != 200 && ms_since(up) < std::chrono::milliseconds(recovered_within).count());
    BOOST_TEST(r.status == 200u, "node " << i << ": " << r.body);
  }
  BOOST_TEST_MESSAGE("creates succeed on every node " << ms_since(up) << " ms after etcd started");
  // Every feed of before is there and none a 500 refused; the pauses that
  // failed changed nothing.
  std::set<std::string> expected = before;
  for (std::size_t i = 0; i < 3; ++i)
    expected.insert("after-" + std::to_string(i));
  http_client at_owner(c.nodes[*owner].address);
  for (std::size_t i = 0; i < 3; ++i) {
    http_client client(c.nodes[i].address);
    auto deadline = clock_type::now() + 3s;
    while (clock_type::now() < deadline && listed(client) != expected)
      std::this_thread::sleep_for(100ms);
    auto l = listed(client);
    BOOST_REQUIRE(l.has_value());
    BOOST_TEST((*l == expected), "node " << i << " lists " << l->size() << " feeds");
  }
  for (const auto& id : before)
    BOOST_TEST(state_of(at_owner, id) == "normal", id);
  auto cp = checkpoint(at_owner, "before-0");
  std::this_thread::sleep_for(1500ms);
  BOOST_TEST(checkpoint(at_owner, "before-0") > cp, "checkpoints advance again");
  for (std::size_t i = 0; i < 3; ++i) {
    http_client client(c.nodes[i].address);
    BOOST_TEST(client.get("/api/v2/health").status == 200u, "node " << i);
  }
  BOOST_TEST(all_running(c));
}

// etcd gone for less than the TTL: writes fail clearly meanwhile, but no
// lease is lost (a restarted etcd gives each a fresh TTL), so the owner and
// the captures stay who they were and writes work again at once.
BOOST_AUTO_TEST_CASE(etcd_down_for_less_than_a_ttl_costs_no_capture_and_no_owner) {
  cdc_cluster c{"cluster-etcd-blip", 10};
  auto owner = c.one_owner(15s);
  BOOST_REQUIRE(owner.has_value());
  auto owner_id = c.id_of(*owner);
  auto members = c.captures(0);
  BOOST_REQUIRE(members.size() == 3u);
  http_client at_owner(c.nodes[*owner].address);
  BOOST_REQUIRE(at_owner.post("/api/v2/changefeeds", create_body("before")).status == 200u);

  c.etcd.kill();
  std::this_thread::sleep_for(1s);
  for (std::size_t i = 0; i < 3; ++i) {
    http_client client(c.nodes[i].address);
    auto t0 = clock_type::now();
    auto r = client.post("/api/v2/changefeeds", create_body("during-" + std::to_string(i)));
    refused_clearly(r, ms_since(t0), "create on node " + std::to_string(i));
    BOOST_TEST(r.error_code() == "CDC:ErrPDEtcdAPIError", r.body);
  }
  c.etcd.start();
  auto up = clock_type::now();
  for (std::size_t i = 0; i < 3; ++i) {
    http_client client(c.nodes[i].address);
    http_response r;
    do {
      r = client.post("/api/v2/changefeeds", create_body("after-" + std::to_string(i)));
      if (r.status != 200)
        std::this_thread::sleep_for(100ms);
    } while (r.status != 200 && ms_since(up) < 5000);
    BOOST_TEST(r.status == 200u, "node " << i << ": " << r.body);
  }
  BOOST_TEST_MESSAGE("creates succeed on every node " << ms_since(up) << " ms after etcd started");
  BOOST_TEST(c.owners() == std::vector<std::size_t>{*owner});
  BOOST_TEST(c.id_of(*owner) == owner_id);
  for (std::size_t i = 0; i < 3; ++i)
    BOOST_TEST(c.captures(i) == members, "node " << i << " lists the same three captures");
  BOOST_TEST(state_of(at_owner, "before") == "normal");
  BOOST_TEST(state_of(at_owner, "during-0") == "400");
  BOOST_TEST(all_running(c));
}

BOOST_AUTO_TEST_CASE(a_node_joining_gets_tables_within_a_second) {
  cdc_cluster c{"cluster-join", 3, 2};
  auto owner = c.one_owner(10s);
  BOOST_REQUIRE(owner.has_value());
  http_client at_owner(c.nodes[*owner].address);
  BOOST_REQUIRE(at_owner.post("/api/v2/changefeeds", create_body("spread")).status == 200u);
  auto deadline = clock_type::now() + 3s;
  while (clock_type::now() < deadline && processors_of(at_owner, "spread").size() != 2u)
    std::this_thread::sleep_for(100ms);
  BOOST_REQUIRE_EQUAL(processors_of(at_owner, "spread").size(), 2u);

  c.start_node(2); // returns once it answers HTTP
  auto joined = clock_type::now();
  auto id = c.id_of(2);
  auto holds = [&] {
    auto p = processors_of(at_owner, "spread");
    auto it = p.find(id);
    return it != p.end() && !it->second.empty();
  };
  while (ms_since(joined) < 3000 && !holds())
    std::this_thread::sleep_for(20ms);
  auto took = ms_since(joined);
  BOOST_TEST_MESSAGE("the new capture held tables " << took << " ms after it answered HTTP");
  BOOST_TEST(holds());
  BOOST_TEST(took <= 1000, "the new capture held tables only after " << took << " ms");
  // Every table is still on exactly one capture.
  std::multiset<std::int64_t> seen;
  for (const auto& [capture, held] : processors_of(at_owner, "spread"))
    seen.insert(held.begin(), held.end());
  BOOST_TEST(std::set<std::int64_t>(seen.begin(), seen.end()).size() == seen.size());
}

BOOST_AUTO_TEST_SUITE_END()
