// What a client that asks too much gets: each bound on a request (body,
// header, target, JSON depth) and on a listener (connections, requests in
// flight) answers with its own status in TiCDC's error shape, or closes a
// connection at once, and the server keeps serving everyone else.
#include <boost/test/unit_test.hpp>

#include <thread>

#include <boost/asio/ip/tcp.hpp>

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

/// Room for many more connections than requests in flight.
struct roomy_connections : server_fixture {
  static constexpr std::size_t in_flight_limit = 2;
  roomy_connections() : server_fixture(with_limits()) {}
  static http::server_options with_limits() {
    auto o = options(1);
    o.lim.max_in_flight = in_flight_limit;
    return o;
  }
};

/// A budget for bodies held that a few uploads fill.
struct small_body_budget : server_fixture {
  static constexpr std::size_t body_limit = 64 * 1024;
  static constexpr std::size_t body_budget = body_limit * 5 / 2;
  /// Fits once, not twice, beside two uploads of body_limit.
  static constexpr std::size_t third_body = 40 * 1024;
  small_body_budget() : server_fixture(with_limits()) {}
  static http::server_options with_limits() {
    auto o = options(1);
    o.lim.body_bytes = body_limit;
    o.lim.body_budget_bytes = body_budget;
    return o;
  }
};

/// A port that accepts Kafka clients' connections and never answers them.
class silent_broker {
public:
  silent_broker() : acceptor_(ioc_, {boost::asio::ip::make_address("127.0.0.1"), 0}) {}
  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

private:
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
};

/// A whole create request for a Kafka changefeed.
std::string kafka_create(std::size_t n, std::uint16_t port) {
  auto body = R"({"changefeed_id":"k)" + std::to_string(n) + R"(","sink_uri":"kafka://127.0.0.1:)"
              + std::to_string(port) + R"(/t?protocol=canal-json"})";
  return "POST /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
         + std::to_string(body.size()) + "\r\n\r\n" + body;
}

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

BOOST_FIXTURE_TEST_CASE(a_connection_waiting_for_its_body_gives_its_place_to_a_new_one, roomy_in_flight) {
  // Each connection has sent a header, and a body that never ends.
  std::vector<http_client> uploading;
  for (std::size_t i = 0; i < connection_limit; ++i) {
    uploading.push_back(client());
    uploading.back().send_raw(post_header(100) + "{");
    std::this_thread::sleep_for(20ms); // each one older than the next
  }
  std::this_thread::sleep_for(100ms);
  BOOST_TEST(client().get("/api/v2/status").status == 200u);
  // One upload (the oldest the server saw) gave way; the others still finish.
  int gave_way = 0;
  for (auto& c : uploading) {
    try {
      c.send_raw(std::string(99, ' '));
      BOOST_TEST(c.read_response(2s).status == 400u); // `{` and spaces: not JSON
    } catch (const std::exception&) {
      ++gave_way;
    }
  }
  BOOST_TEST(gave_way == 1);
}

BOOST_FIXTURE_TEST_CASE(a_new_connection_past_the_limit_is_closed_at_once_when_all_are_busy, roomy_in_flight) {
  // Each connection waits for the answer to a create whose Kafka brokers
  // never answer (the server gives up after 3 s).
  silent_broker broker;
  std::vector<http_client> busy;
  for (std::size_t i = 0; i < connection_limit; ++i) {
    busy.push_back(client());
    busy.back().send_raw(kafka_create(i, broker.port()));
  }
  std::this_thread::sleep_for(1s); // read and handed on; the brokers' 3 s run on
  auto started = std::chrono::steady_clock::now();
  BOOST_CHECK_THROW(client().get("/api/v2/status"), std::exception);
  BOOST_TEST((std::chrono::steady_clock::now() - started < 2s));
  // The busy ones are answered all the same.
  for (auto& c : busy)
    check_error(c.read_response(10s), 500, "CDC:ErrKafkaNewProducer");
  eventually_served();
}

BOOST_FIXTURE_TEST_CASE(requests_past_the_in_flight_limit_get_429_with_retry_after, small_limits) {
  silent_broker broker;
  std::vector<http_client> waiting;
  for (std::size_t i = 0; i < in_flight_limit; ++i) {
    waiting.push_back(client());
    waiting.back().send_raw(kafka_create(i, broker.port()));
  }
  http_response r;
  // The server reads those requests meanwhile (slowly under a sanitizer on
  // a loaded machine); they stay in flight for seconds.
  for (int i = 0; i < 500; ++i) {
    r = client().get("/api/v2/status");
    if (r.status == 429u)
      break;
    std::this_thread::sleep_for(10ms);
  }
  check_error(r, 429, "CDC:ErrTooManyRequests");
  BOOST_TEST(r.retry_after == "1");
  // Read whole, the request leaves the connection usable.
  BOOST_TEST(r.keep_alive);
  // Once they are answered, there is room again.
  for (auto& c : waiting)
    check_error(c.read_response(10s), 500, "CDC:ErrKafkaNewProducer");
  eventually_served();
}

BOOST_FIXTURE_TEST_CASE(requests_whose_bodies_never_end_do_not_count_as_in_flight, roomy_connections) {
  // Five times the in-flight limit of creates whose bodies stop short.
  std::vector<http_client> stalled;
  for (std::size_t i = 0; i < 5 * in_flight_limit; ++i) {
    stalled.push_back(client());
    stalled.back().send_raw(post_header(1000) + "{");
  }
  std::this_thread::sleep_for(100ms);
  BOOST_TEST(client().get("/api/v2/status").status == 200u);
  BOOST_TEST(client().post("/api/v2/changefeeds", "{}").status == 400u); // no sink URI
}

BOOST_FIXTURE_TEST_CASE(bodies_past_the_budget_get_429_and_requests_without_one_are_served, small_body_budget) {
  // Two uploads hold most of the budget and wait for the rest of their bodies.
  std::vector<http_client> uploading;
  for (int i = 0; i < 2; ++i) {
    uploading.push_back(client());
    uploading.back().send_raw(post_header(body_limit) + std::string(body_limit - 1, ' '));
  }
  // Until the server has read them (a body that still fits is answered 400).
  http_response r;
  for (int i = 0; i < 50 && r.status != 429u; ++i) {
    std::this_thread::sleep_for(50ms);
    r = client().post("/api/v2/changefeeds", std::string(third_body, ' '));
  }
  check_closing_error(r, 429, "CDC:ErrTooManyRequests");
  BOOST_TEST(r.retry_after == "1");
  BOOST_TEST(client().get("/api/v2/status").status == 200u);
  BOOST_TEST(client().post("/api/v2/changefeeds", "{}").status == 400u); // no sink URI
  // Once an upload is answered, its bytes are free again.
  uploading.front().send_raw(" ");
  BOOST_TEST(uploading.front().read_response(2s).status == 400u);
  BOOST_TEST(client().post("/api/v2/changefeeds", std::string(third_body, ' ')).status == 400u);
}

BOOST_AUTO_TEST_SUITE_END()
