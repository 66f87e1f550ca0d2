// etcd's JSON gateway as the client writes and reads it, without a server:
// request bodies in the shapes etcd 3.4 accepts, and answers with fields
// left out (proto3 defaults) or malformed.
#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include "actors/store/backend/etcd_wire.hpp"

using namespace cdc::store::etcd;
namespace bj = boost::json;

BOOST_AUTO_TEST_SUITE(etcd_wire_json)

BOOST_AUTO_TEST_CASE(a_txn_body_has_etcds_compare_and_op_shapes) {
  txn_request t;
  t.compares = {{"/a", compare::target::mod, compare::result::equal, 5},
                {"/b", compare::target::create, compare::result::greater, 0}};
  t.success = {put_request{.key = "/a", .value = "v"}, delete_request{.key = "/b"}};
  t.failure = {range_request{.key = "/a"}};
  auto body = bj::parse(wire::txn_body(t));
  BOOST_TEST(body == bj::parse(R"({
    "compare": [{"key": "L2E=", "target": "MOD", "result": "EQUAL", "mod_revision": "5"},
                {"key": "L2I=", "target": "CREATE", "result": "GREATER", "create_revision": "0"}],
    "success": [{"request_put": {"key": "L2E=", "value": "dg=="}}, {"request_delete_range": {"key": "L2I="}}],
    "failure": [{"request_range": {"key": "L2E="}}]})"));
}

BOOST_AUTO_TEST_CASE(a_range_body_leaves_defaults_out) {
  BOOST_TEST(bj::parse(wire::range_body({.key = "/a"})) == bj::parse(R"({"key": "L2E="})"));
  BOOST_TEST(bj::parse(wire::range_body({.key = "/a", .range_end = "/b", .revision = 7, .limit = 2, .keys_only = true}))
             == bj::parse(R"({"key": "L2E=", "range_end": "L2I=", "revision": "7", "limit": "2", "keys_only": true})"));
}

BOOST_AUTO_TEST_CASE(a_failed_txn_answers_without_succeeded) {
  // As etcd 3.4.23 answered a txn whose compare failed.
  auto t = wire::read_txn(bj::parse(
    R"({"header":{"cluster_id":"1","member_id":"2","revision":"3","raft_term":"2"},"responses":[{"response_range":)"
    R"({"header":{"revision":"3"},"kvs":[{"key":"L2E=","create_revision":"2","mod_revision":"3","version":"2"}],)"
    R"("count":"1"}}]})"));
  BOOST_REQUIRE(t.has_value());
  BOOST_TEST(!t->succeeded);
  BOOST_TEST(t->revision == 3);
  BOOST_REQUIRE(t->ranges.size() == 1u);
  BOOST_TEST(t->ranges[0].kvs.at(0).key == "/a");
  BOOST_TEST(t->ranges[0].kvs.at(0).value.empty()); // no "value": empty
  BOOST_TEST(t->ranges[0].kvs.at(0).mod_revision == 3);
}

BOOST_AUTO_TEST_CASE(an_empty_range_answers_only_a_header) {
  auto r = wire::read_range(bj::parse(R"({"header":{"revision":"9"}})"));
  BOOST_REQUIRE(r.has_value());
  BOOST_TEST(r->revision == 9);
  BOOST_TEST(r->kvs.empty());
  BOOST_TEST(r->count == 0);
  BOOST_TEST(!r->more);
}

BOOST_AUTO_TEST_CASE(a_malformed_answer_is_a_bad_answer_naming_the_field) {
  struct {
    const char* answer;
    const char* why;
  } cases[] = {
    {R"({"kvs":[]})", "no header"},
    {R"({"header":{"revision":"x"}})", "\"revision\" is not an int64"},
    {R"({"header":{"revision":"1"},"kvs":[{"key":"not base64!"}]})", "\"key\" is not base64"},
    {R"({"header":{"revision":"1"},"kvs":{}})", "\"kvs\" is not an array"},
    {R"([])", "not an object"},
  };
  for (const auto& c : cases) {
    auto r = wire::read_range(bj::parse(c.answer));
    BOOST_REQUIRE_MESSAGE(!r.has_value(), c.answer);
    BOOST_TEST((r.error().what == error::kind::bad_answer));
    BOOST_TEST(r.error().message.find(c.why) != std::string::npos, r.error().message);
  }
}

BOOST_AUTO_TEST_CASE(an_error_answer_carries_etcds_message_and_code) {
  auto e = wire::read_error(bj::parse(
    R"({"error":"etcdserver: too many operations in txn request","message":"etcdserver: too many operations in txn request","code":3})"));
  BOOST_REQUIRE(e.has_value());
  BOOST_TEST((e->what == error::kind::rejected));
  BOOST_TEST(e->grpc_code == 3);
  BOOST_TEST(e->message == "etcdserver: too many operations in txn request");
  BOOST_TEST(!wire::read_error(bj::parse(R"({"header":{}})")).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
