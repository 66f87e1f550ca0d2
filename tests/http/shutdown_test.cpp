// A graceful shutdown never leaves a client without an answer: a request
// that arrives on an open connection just as shutdown begins is refused with
// 503 CDC:ErrServerIsNotReady, not cut off.
#include <thread>

#include <boost/test/unit_test.hpp>

#include "tests/support/server_fixture.hpp"

using namespace cdc;
using namespace cdc::test;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(graceful_shutdown)

BOOST_FIXTURE_TEST_CASE(a_request_arriving_as_shutdown_begins_is_refused_with_503, server_fixture) {
  auto c = client();
  BOOST_REQUIRE(c.get("/api/v2/status").status == 200u);
  std::thread stopper([this] { srv->shutdown(5s); });
  BOOST_REQUIRE(eventually([&] { return srv->nodes()[0]->live.load() == model::liveness::stopping; }));
  // Well inside the time a connection gets to deliver a request once
  // shutdown began (server_context.hpp: drain_read_timeout).
  std::this_thread::sleep_for(20ms);
  http_response r;
  BOOST_CHECK_NO_THROW(r = c.post("/api/v2/changefeeds", R"({"changefeed_id":"late","sink_uri":"blackhole://"})"));
  BOOST_TEST(r.status == 503u);
  BOOST_TEST(r.error_code() == "CDC:ErrServerIsNotReady");
  BOOST_TEST(!r.keep_alive);
  stopper.join();
}

BOOST_FIXTURE_TEST_CASE(an_idle_connection_does_not_hold_shutdown_up, server_fixture) {
  auto c = client();
  BOOST_REQUIRE(c.get("/api/v2/status").status == 200u);
  auto start = std::chrono::steady_clock::now();
  srv->shutdown(5s);
  BOOST_TEST((std::chrono::steady_clock::now() - start < 2s));
}

BOOST_AUTO_TEST_SUITE_END()
