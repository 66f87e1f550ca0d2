// The etcd client against a real etcd: each call of the JSON gateway does
// what etcd's API says, endpoints are parsed as TiCDC's --pd is, an
// endpoint that is down is passed over, and one that never answers fails
// the call within its timeout.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "tests/store/etcd_fixture.hpp"
#include "tests/support/printers.hpp"
#include "tests/support/subprocess.hpp"

using namespace cdc;
using namespace cdc::store;

namespace {

std::string endpoint() {
  return test::shared_etcd().endpoint();
}

/// A loopback port that accepts connections (the kernel completes them)
/// and never answers: a hung etcd.
struct silent_listener {
  silent_listener() {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    BOOST_REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    BOOST_REQUIRE(::listen(fd, 16) == 0);
    BOOST_REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    url = "http://127.0.0.1:" + std::to_string(ntohs(a.sin_port));
  }
  ~silent_listener() { ::close(fd); }
  int fd = -1;
  std::string url;
};

} // namespace

BOOST_AUTO_TEST_SUITE(etcd_client_on_etcd)

BOOST_AUTO_TEST_CASE(endpoints_are_parsed_like_ticdcs_pd_flag) {
  auto two = etcd::parse_endpoints("http://127.0.0.1:2379,http://pd-1:2379");
  BOOST_REQUIRE(two.has_value());
  BOOST_TEST(two->size() == 2u);
  BOOST_TEST((*two)[1].host == "pd-1");
  BOOST_TEST((*two)[1].port == "2379");
  BOOST_TEST(!(*two)[0].tls);
  auto secure = etcd::parse_endpoints("https://pd-2:2379");
  BOOST_REQUIRE(secure.has_value());
  BOOST_TEST((*secure)[0].tls);
  for (auto bad : {"", "127.0.0.1:2379", "grpc://pd:2379", "http://pd", "http://pd:2379/v3", "http://a:1,"}) {
    auto r = etcd::parse_endpoints(bad);
    BOOST_REQUIRE_MESSAGE(!r.has_value(), bad);
    BOOST_TEST(r.error().kind == model::api_error::meta_store_failed);
    BOOST_TEST(r.error().message.find("invalid etcd endpoint") != std::string::npos, r.error().message);
  }
}

BOOST_AUTO_TEST_CASE(put_range_txn_and_delete_do_what_etcd_says) {
  auto c = test::etcd_client_for(endpoint());
  std::string key = "/client-test/k\x01\xff"; // keys are bytes
  auto put_rev = c.put({.key = key, .value = "v1"});
  BOOST_REQUIRE(put_rev.has_value());
  auto r = c.range({.key = key});
  BOOST_REQUIRE(r.has_value());
  BOOST_REQUIRE(r->kvs.size() == 1u);
  BOOST_TEST(r->kvs[0].value == "v1");
  BOOST_TEST(r->kvs[0].create_revision == *put_rev);
  BOOST_TEST(r->revision >= *put_rev);

  // A guard that fails runs the failure branch, which reads.
  etcd::txn_request guarded;
  guarded.compares = {{key, etcd::compare::target::create, etcd::compare::result::equal, 0}};
  guarded.success = {etcd::put_request{.key = key, .value = "v2"}};
  guarded.failure = {etcd::range_request{.key = key}};
  auto t = c.txn(guarded);
  BOOST_REQUIRE(t.has_value());
  BOOST_TEST(!t->succeeded);
  BOOST_REQUIRE(t->ranges.size() == 1u);
  BOOST_TEST(t->ranges[0].kvs.at(0).value == "v1");

  guarded.compares[0] = {key, etcd::compare::target::mod, etcd::compare::result::equal, *put_rev};
  t = c.txn(guarded);
  BOOST_REQUIRE(t.has_value());
  BOOST_TEST(t->succeeded);
  BOOST_TEST(t->revision > *put_rev);
  BOOST_TEST(c.range({.key = key}).value().kvs.at(0).value == "v2");

  BOOST_REQUIRE(c.remove({.key = key}).has_value());
  BOOST_TEST(c.range({.key = key}).value().kvs.empty());
}

BOOST_AUTO_TEST_CASE(a_range_pages_with_limit_and_reads_an_old_revision) {
  auto c = test::etcd_client_for(endpoint());
  auto first = c.put({.key = "/paging/a", .value = "1"}).value();
  c.put({.key = "/paging/b", .value = "1"}).value();
  c.put({.key = "/paging/a", .value = "2"}).value();
  auto page = c.range({.key = "/paging/", .range_end = "/paging0", .limit = 1});
  BOOST_REQUIRE(page.has_value());
  BOOST_TEST(page->more);
  BOOST_TEST(page->count == 2);
  BOOST_TEST(page->kvs.size() == 1u);
  auto old = c.range({.key = "/paging/", .range_end = "/paging0", .revision = first});
  BOOST_REQUIRE(old.has_value());
  BOOST_REQUIRE(old->kvs.size() == 1u);
  BOOST_TEST(old->kvs[0].value == "1");
}

BOOST_AUTO_TEST_CASE(a_lease_is_granted_and_revoked) {
  auto c = test::etcd_client_for(endpoint());
  auto lease = c.grant_lease(std::chrono::seconds(30));
  BOOST_REQUIRE(lease.has_value());
  BOOST_TEST(lease->ttl_seconds == 30);
  BOOST_REQUIRE(c.put({.key = "/leased", .value = "x", .lease = lease->id}).has_value());
  BOOST_TEST(c.range({.key = "/leased"}).value().kvs.at(0).lease == lease->id);
  BOOST_REQUIRE(c.revoke_lease(lease->id).has_value());
  // Revoking a lease deletes its keys.
  BOOST_TEST(c.range({.key = "/leased"}).value().kvs.empty());
}

BOOST_AUTO_TEST_CASE(an_error_answer_names_the_endpoint_and_etcds_reason) {
  auto c = test::etcd_client_for(endpoint());
  auto r = c.range({.key = "/x", .revision = 1'000'000'000});
  BOOST_REQUIRE(!r.has_value());
  BOOST_TEST((r.error().what == etcd::error::kind::rejected));
  BOOST_TEST(r.error().grpc_code == 11);
  BOOST_TEST(r.error().message
             == "etcd " + endpoint()
                  + " /v3/kv/range: etcdserver: mvcc: required revision is a future revision"
                    " (gRPC code 11)");
}

BOOST_AUTO_TEST_CASE(an_endpoint_that_is_down_is_passed_over) {
  auto down = "http://127.0.0.1:" + std::to_string(test::free_port());
  auto c = test::etcd_client_for(down + "," + endpoint());
  BOOST_TEST(c.put({.key = "/failover", .value = "x"}).has_value());
  BOOST_TEST(c.range({.key = "/failover"}).has_value());
}

BOOST_AUTO_TEST_CASE(an_endpoint_given_by_host_name_is_resolved) {
  auto by_name = "http://localhost:" + endpoint().substr(endpoint().rfind(':') + 1);
  auto c = test::etcd_client_for(by_name);
  BOOST_TEST(c.range({.key = "/by-name"}).has_value());
  auto nowhere = test::etcd_client_for("http://no-such-host.invalid:2379", std::chrono::milliseconds(2000));
  auto r = nowhere.range({.key = "/x"});
  BOOST_REQUIRE(!r.has_value());
  BOOST_TEST(r.error().message.find("cannot resolve the host") != std::string::npos, r.error().message);
}

BOOST_AUTO_TEST_CASE(an_endpoint_that_never_answers_fails_the_call_within_its_timeout) {
  silent_listener hung;
  auto c = test::etcd_client_for(hung.url, std::chrono::milliseconds(300));
  auto start = std::chrono::steady_clock::now();
  auto r = c.put({.key = "/hung", .value = "x"});
  auto took = std::chrono::steady_clock::now() - start;
  BOOST_REQUIRE(!r.has_value());
  BOOST_TEST((r.error().what == etcd::error::kind::timed_out));
  BOOST_TEST(r.error().message == "etcd " + hung.url + " /v3/kv/put: no answer within 300 ms");
  // The timeout, and room for a loaded machine to notice it.
  BOOST_TEST(took < std::chrono::milliseconds(800));
}

BOOST_AUTO_TEST_SUITE_END()
