// A meta store write that fails while the server runs: the API answers 500
// CDC:ErrMetaStoreFailed and nothing changes; the store is the real actor,
// detached on its own thread, over a backend that fails on demand.
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/faulty_backend.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc;
using namespace cdc::test;

namespace {

/// Built before the server, which takes the backend at construction.
struct backend_holder {
  std::shared_ptr<faulty_backend> backend_ = std::make_shared<faulty_backend>();
};

struct failing_store_api : backend_holder, server_fixture {
  failing_store_api() : server_fixture(with_backend(backend_)), c(client()) {}

  static http::server_options with_backend(std::shared_ptr<faulty_backend> b) {
    auto o = options(1);
    o.cluster.meta_backend = std::move(b);
    return o;
  }

  http_response create(const std::string& id) {
    return c.post("/api/v2/changefeeds", R"({"changefeed_id":")" + id + R"(","sink_uri":"blackhole://"})");
  }

  std::string state(const std::string& id) {
    auto r = c.get("/api/v2/changefeeds/" + id);
    BOOST_REQUIRE_MESSAGE(r.status == 200u, r.body);
    return std::string(r.json().at("state").as_string());
  }

  void check_store_failed(const http_response& r) {
    BOOST_TEST(r.status == 500u, r.body);
    BOOST_TEST(r.error_code() == "CDC:ErrMetaStoreFailed", r.body);
    BOOST_TEST(std::string(r.json().at("error_msg").as_string())
                 == "[CDC:ErrMetaStoreFailed]meta store operation failed: cannot commit to faulty: disk full",
               r.body);
  }

  http_client c;
};

} // namespace

BOOST_AUTO_TEST_SUITE(store_failure_api)

BOOST_FIXTURE_TEST_CASE(a_create_the_store_refuses_is_a_500_and_the_feed_does_not_exist, failing_store_api) {
  backend_->failing = true;
  check_store_failed(create("cf-1"));
  backend_->failing = false;
  BOOST_TEST(c.get("/api/v2/changefeeds/cf-1").error_code() == "CDC:ErrChangeFeedNotExists");
  BOOST_TEST(create("cf-1").status == 200u);
}

BOOST_FIXTURE_TEST_CASE(a_pause_the_store_refuses_is_a_500_and_the_feed_keeps_running, failing_store_api) {
  BOOST_REQUIRE(create("cf-1").status == 200u);
  backend_->failing = true;
  check_store_failed(c.post("/api/v2/changefeeds/cf-1/pause"));
  BOOST_TEST(state("cf-1") == "normal");
  BOOST_TEST(c.get("/api/v2/processors").json().at("total").as_int64() == 1);
}

BOOST_FIXTURE_TEST_CASE(a_delete_the_store_refuses_is_a_500_and_the_feed_stays, failing_store_api) {
  BOOST_REQUIRE(create("cf-1").status == 200u);
  backend_->failing = true;
  check_store_failed(c.del("/api/v2/changefeeds/cf-1"));
  BOOST_TEST(state("cf-1") == "normal");
  backend_->failing = false;
  BOOST_TEST(c.del("/api/v2/changefeeds/cf-1").status == 200u);
  BOOST_TEST(c.get("/api/v2/changefeeds/cf-1").error_code() == "CDC:ErrChangeFeedNotExists");
}

BOOST_AUTO_TEST_SUITE_END()
