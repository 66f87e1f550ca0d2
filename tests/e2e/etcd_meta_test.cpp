// `cdc server --pd`: changefeed metadata lives in a real etcd, under
// TiCDC's keys, survives kill -9 of the server (a fresh data dir finds it
// all again), and an etcd outage fails writes with a clear 500 until etcd
// is back, without a server restart.
#include <signal.h>

#include <chrono>
#include <thread>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/etcd_server.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"

using namespace cdc;
using namespace cdc::test;
namespace json = boost::json;

namespace {

struct etcd_node {
  explicit etcd_node(const std::string& name) : base(name), etcd(base.path / "etcd") {}

  /// `cdc server` on etcd with its own, fresh data dir.
  /// A node killed with -9 owns until its lease expires: `ttl` keeps that short.
  std::unique_ptr<child_process> start_server(const std::string& data_name, int ttl = 3) {
    auto args = server_args((base.path / data_name).string());
    args.push_back("--pd=" + etcd.endpoint());
    args.push_back("--cluster-id=e2e");
    args.push_back("--capture-session-ttl=" + std::to_string(ttl));
    return std::make_unique<child_process>(cdc_binary(), args);
  }

  std::string create(http_client& c, const std::string& id) {
    auto r = c.post("/api/v2/changefeeds", R"({"changefeed_id":")" + id + R"(","sink_uri":"blackhole://"})");
    return std::to_string(r.status) + " " + r.body;
  }

  /// The etcd keys under the cluster's prefix, as TiCDC's tools list them.
  std::string etcd_keys() {
    auto [status, out] = run_command("/usr/bin/etcdctl", {"--endpoints=" + etcd.endpoint(), "get", "--prefix",
                                                          "--keys-only", "/tidb/cdc/e2e/"});
    BOOST_TEST(status == 0, out);
    return out;
  }

  temp_dir base;
  etcd_server etcd;
};

std::string state_of(http_client& c, const std::string& id) {
  auto r = c.get("/api/v2/changefeeds/" + id);
  if (r.status != 200)
    return std::to_string(r.status);
  return std::string(r.json().at("state").as_string());
}

} // namespace

BOOST_AUTO_TEST_SUITE(etcd_meta_store)

BOOST_AUTO_TEST_CASE(changefeeds_live_in_etcd_under_ticdcs_keys_and_survive_kill_9) {
  etcd_node n{"etcd-meta"};
  {
    auto server = n.start_server("data-1");
    http_client c(listening_addresses(*server, 1).at(0));
    for (auto id : {"f1", "f2", "f3"})
      BOOST_TEST(n.create(c, id).starts_with("200"), id);
    BOOST_TEST(c.post("/api/v2/changefeeds/f2/pause").status == 200u);
    BOOST_TEST(c.del("/api/v2/changefeeds/f3").status == 200u);
    BOOST_TEST(std::string(c.get("/api/v2/status").json().at("cluster_id").as_string()) == "e2e");
    auto keys = n.etcd_keys();
    for (auto k : {"/tidb/cdc/e2e/default/changefeed/info/f1", "/tidb/cdc/e2e/default/changefeed/status/f1",
                   "/tidb/cdc/e2e/default/changefeed/info/f2", "/tidb/cdc/e2e/default/changefeed/status/f2"})
      BOOST_TEST(keys.find(k) != std::string::npos, k << " in " << keys);
    BOOST_TEST(keys.find("/f3") == std::string::npos, keys);
    server->signal(SIGKILL);
    server->wait();
  }
  // Another data dir: what comes back can only have come from etcd. The
  // killed node's campaign holds ownership until its lease expires; the new
  // node listens once it has taken over and loaded the feeds.
  auto server = n.start_server("data-2");
  http_client c(listening_addresses(*server, 1).at(0));
  BOOST_TEST(c.get("/api/v2/status").json().at("is_owner").as_bool());
  BOOST_TEST(state_of(c, "f1") == "normal");
  BOOST_TEST(state_of(c, "f2") == "stopped");
  BOOST_TEST(state_of(c, "f3") == "400");
  server->signal(SIGTERM);
  BOOST_TEST(server->wait().value_or(-1) == 0);
}

// A node that joins while the owner cannot be reached (paused, its lease
// still valid) cannot know which changefeeds exist: after its 10 s start-up
// wait it serves, and answers changefeed reads 503 "not ready" (never "does
// not exist") until the owner's list reaches it.
BOOST_AUTO_TEST_CASE(a_node_that_has_not_seen_the_owners_feeds_answers_not_ready) {
  etcd_node n{"etcd-not-ready"};
  auto owner = n.start_server("data-owner", 60);
  http_client oc(listening_addresses(*owner, 1).at(0));
  BOOST_TEST(n.create(oc, "f1").starts_with("200"));
  owner->signal(SIGSTOP);
  auto joiner = n.start_server("data-joiner");
  http_client c(listening_addresses(*joiner, 1).at(0));
  for (auto path : {"/api/v2/changefeeds/f1", "/api/v2/changefeeds", "/api/v2/processors"}) {
    auto r = c.get(path);
    BOOST_TEST(r.status == 503u, path << ": " << r.body);
    BOOST_TEST(r.body.find("CDC:ErrServerIsNotReady") != std::string::npos, r.body);
  }
  owner->signal(SIGCONT);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline && state_of(c, "f1") == "503")
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  BOOST_TEST(state_of(c, "f1") == "normal");
  joiner->signal(SIGTERM);
  BOOST_TEST(joiner->wait().value_or(-1) == 0);
}

BOOST_AUTO_TEST_CASE(an_etcd_outage_fails_writes_with_a_clear_500_until_etcd_is_back) {
  etcd_node n{"etcd-outage"};
  auto server = n.start_server("data");
  http_client c(listening_addresses(*server, 1).at(0));
  BOOST_TEST(n.create(c, "before").starts_with("200"));
  n.etcd.kill();
  auto failed = c.post("/api/v2/changefeeds", R"({"changefeed_id":"during","sink_uri":"blackhole://"})");
  BOOST_TEST(failed.status == 500u, failed.body);
  BOOST_TEST(failed.body.find("CDC:ErrPDEtcdAPIError") != std::string::npos, failed.body);
  BOOST_TEST(failed.body.find(n.etcd.endpoint()) != std::string::npos, failed.body);
  // Reads are served from what the feeds published meanwhile.
  BOOST_TEST(state_of(c, "before") == "normal");
  n.etcd.start();
  BOOST_TEST(n.create(c, "after").starts_with("200"));
  BOOST_TEST(state_of(c, "during") == "400");
  BOOST_TEST(n.etcd_keys().find("/tidb/cdc/e2e/default/changefeed/info/after") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_server_whose_etcd_cannot_be_reached_exits_1_naming_it) {
  temp_dir base{"etcd-none"};
  auto args = server_args((base.path / "data").string());
  args.push_back("--pd=http://127.0.0.1:1");
  auto [status, out] = run_command(cdc_binary(), args);
  BOOST_TEST(status == 1, out);
  BOOST_TEST(out.find("http://127.0.0.1:1") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(a_bad_cluster_id_is_refused_at_start) {
  temp_dir base{"etcd-bad-id"};
  auto args = server_args((base.path / "data").string());
  args.push_back("--cluster-id=owner");
  auto [status, out] = run_command(cdc_binary(), args);
  BOOST_TEST(status == 2, out);
  BOOST_TEST(out.find("--cluster-id") != std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()
