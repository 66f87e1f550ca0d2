// What a client that asks too much gets: each bound on a request (body,
// header, target, JSON depth) and on a listener (connections, requests in
// flight) answers with its own status in TiCDC's error shape, or closes a
// connection at once, and the server keeps serving everyone else.
#include <boost/test/unit_test.hpp>

#include <thread>

#include "tests/support/api_checks.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc;
using namespace cdc::test;
using namespace std::chrono_literals;

namespace {

/// A server with bounds small enough to reach in a test.
struct small_limits : server_fixture {
  static constexpr std::size_t body_limit = 64 * 1024;
  static constexpr std::size_t connection_limit = 8;
  static constexpr std::size_t in_flight_limit = 2;

  explicit small_limits(std::size_t in_flight = in_flight_limit) : server_fixture(with_small_limits(in_flight)) {}

  static http::server_options with_small_limits(std::size_t in_flight) {
    auto o = options(1);
    o.lim.body_bytes = body_limit;
    o.lim.max_connections = connection_limit;
    o.lim.max_in_flight = in_flight;
    return o;
  }

  /// Until a new client is answered 200 (bounded): the server noticed a client left.
  void eventually_served() {
    for (int i = 0; i < 100; ++i) {
      try {
        if (client().get("/api/v2/status").status == 200u)
          return;
      } catch (const std::exception&) {
      }
      std::this_thread::sleep_for(20ms);
    }
    BOOST_FAIL("the server never served a new client again");
  }
};

/// Room for every connection's request at once.
struct roomy_in_flight : small_limits {
  roomy_in_flight() : small_limits(64) {}
};

/// The header of a create whose body comes later (or never).
std::string post_header(std::size_t length) {
  return "POST /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
         + std::to_string(length) + "\r\n\r\n";
}

void check_closing_error(const http_response& r, unsigned status, std::string_view code) {
  check_error(r, status, code);
  BOOST_TEST(!r.keep_alive);
}

} // namespace

BOOST_AUTO_TEST_SUITE(request_limits)

BOOST_FIXTURE_TEST_CASE(a_body_over_the_limit_is_refused_before_it_is_sent, small_limits) {
  auto c = client();
  c.send_raw(post_header(1024 * 1024));
  // Nothing of the body was sent: the answer can only come from the header.
  auto r = c.read_response(2s);
  check_closing_error(r, 413, "CDC:ErrRequestBodyTooLarge");
  BOOST_TEST(r.json().at("error_msg").as_string() == "[CDC:ErrRequestBodyTooLarge]request body larger than 65536 bytes");
  BOOST_TEST(client().get("/api/v2/status").status == 200u);
}

BOOST_FIXTURE_TEST_CASE(a_chunked_body_is_cut_off_at_the_limit, small_limits) {
  auto c = client();
  std::string chunk(body_limit + 1024, ' ');
  char size[32];
  std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
  auto r = c.raw("POST /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + std::string(size)
                 + chunk + "\r\n0\r\n\r\n");
  check_closing_error(r, 413, "CDC:ErrRequestBodyTooLarge");
}

BOOST_FIXTURE_TEST_CASE(a_header_over_16_KiB_gets_431, small_limits) {
  auto r = client().raw("GET /api/v2/status HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20 * 1024, 'a')
                        + "\r\n\r\n");
  check_closing_error(r, 431, "CDC:ErrRequestHeaderTooLarge");
  BOOST_TEST(client().get("/api/v2/status").status == 200u);
}

BOOST_FIXTURE_TEST_CASE(a_target_over_8_KiB_gets_414, small_limits) {
  auto r = client().get("/api/v2/changefeeds/" + std::string(9 * 1024, 'a'));
  check_closing_error(r, 414, "CDC:ErrRequestURITooLong");
  BOOST_TEST(r.json().at("error_msg").as_string() == "[CDC:ErrRequestURITooLong]request target longer than 8192 bytes");
}

BOOST_FIXTURE_TEST_CASE(a_request_line_longer_than_the_whole_header_limit_gets_414, small_limits) {
  auto r = client().get("/api/v2/changefeeds?x=" + std::string(40 * 1024, 'a'));
  check_closing_error(r, 414, "CDC:ErrRequestURITooLong");
}

BOOST_FIXTURE_TEST_CASE(deep_json_nesting_is_a_400_not_a_crash, small_limits) {
  constexpr std::size_t depth = 30'000;
  auto arrays = std::string(depth, '[') + std::string(depth, ']');
  check_error(client().post("/api/v2/changefeeds", arrays), 400, "CDC:ErrAPIInvalidParam");
  std::string objects;
  for (std::size_t i = 0; i < depth / 6; ++i)
    objects += R"({"a":)";
  objects += "1" + std::string(depth / 6, '}');
  check_error(client().post("/api/v2/changefeeds", objects), 400, "CDC:ErrAPIInvalidParam");
  check_error(client().put("/api/v2/changefeeds/x", objects), 400, "CDC:ErrAPIInvalidParam");
  BOOST_TEST(client().get("/api/v2/status").status == 200u);
}

BOOST_FIXTURE_TEST_CASE(a_new_connection_past_the_limit_takes_the_place_of_the_longest_idle_one, small_limits) {
  std::vector<http_client> open;
  for (std::size_t i = 0; i < connection_limit; ++i) {
    open.push_back(client());
    BOOST_TEST(open.back().get("/api/v2/status").status == 200u);
  }
  // All but the first are used again, so the first has been idle longest
  // (the pauses let each session go back to waiting, on a loaded machine).
  std::this_thread::sleep_for(100ms);
  for (std::size_t i = 1; i < open.size(); ++i)
    BOOST_TEST(open[i].get("/api/v2/status").status == 200u);
  std::this_thread::sleep_for(100ms);
  // Every connection waits for its next request: the newcomer is served,
  // and the first of them is closed.
  BOOST_TEST(client().get("/api/v2/status").status == 200u);
  BOOST_CHECK_THROW(open.front().get("/api/v2/status"), std::exception);
  for (std::size_t i = 1; i < open.size(); ++i)
    BOOST_TEST(open[i].get("/api/v2/status").status == 200u);
}

BOOST_FIXTURE_TEST_CASE(a_new_connection_past_the_limit_is_closed_at_once_when_all_are_busy, roomy_in_flight) {
  // Each connection is busy with a request whose body has not arrived.
  std::vector<http_client> busy;
  for (std::size_t i = 0; i < connection_limit; ++i) {
    busy.push_back(client());
    busy.back().send_raw(post_header(10));
  }
  auto started = std::chrono::steady_clock::now();
  BOOST_CHECK_THROW(client().get("/api/v2/status"), std::exception);
  BOOST_TEST((std::chrono::steady_clock::now() - started < 10s));
  // The busy ones are still served once their bodies arrive.
  for (auto& c : busy) {
    c.send_raw(R"({"a":1234})");
    BOOST_TEST(c.read_response(2s).status == 400u); // a create without a sink URI
  }
  eventually_served();
}

BOOST_FIXTURE_TEST_CASE(requests_past_the_in_flight_limit_get_429_with_retry_after, small_limits) {
  // Two requests whose bodies never come are in flight until their read
  // times out.
  std::vector<http_client> waiting;
  for (std::size_t i = 0; i < in_flight_limit; ++i) {
    waiting.push_back(client());
    waiting.back().send_raw(post_header(10));
  }
  http_response r;
  for (int i = 0; i < 100; ++i) { // the server reads those headers meanwhile
    r = client().get("/api/v2/status");
    if (r.status == 429u)
      break;
    std::this_thread::sleep_for(10ms);
  }
  check_closing_error(r, 429, "CDC:ErrTooManyRequests");
  BOOST_TEST(r.retry_after == "1");
  // Once one of them is answered, there is room again.
  waiting.front().send_raw(R"({"a":1234})");
  waiting.front().read_response(2s);
  eventually_served();
}

BOOST_AUTO_TEST_SUITE_END()
