// How the server reads a request from a slow or careful client: it answers
// `Expect: 100-continue` at once, and a request that stops short or trickles
// gets a 408 in TiCDC's error shape before the connection closes.
#include <boost/test/unit_test.hpp>

#include "tests/support/server_fixture.hpp"

using namespace cdc;
using namespace cdc::test;
using namespace std::chrono_literals;

namespace {

/// A server that gives a request's header and body one second each.
struct one_second_reads : server_fixture {
  one_second_reads() : server_fixture(with_one_second_reads()) {}

  static http::server_options with_one_second_reads() {
    auto o = options(1);
    o.lim.idle_timeout = 1s;
    o.lim.body_timeout = 1s;
    return o;
  }
};

const std::string log_header = "POST /api/v2/log HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
const std::string log_body = R"({"log_level":"warn"})";

std::string with_length(std::size_t n) { return log_header + "Content-Length: " + std::to_string(n) + "\r\n"; }

void check_408(const http_response& r) {
  BOOST_TEST(r.status == 408u);
  BOOST_TEST(r.error_code() == "CDC:ErrRequestReadTimeout", r.body);
  BOOST_TEST(std::string(r.json().at("error_msg").as_string()).starts_with("[CDC:ErrRequestReadTimeout]request "));
  BOOST_TEST(!r.keep_alive);
}

} // namespace

BOOST_AUTO_TEST_SUITE(expect_continue)

BOOST_FIXTURE_TEST_CASE(expect_100_continue_is_answered_before_the_body_is_sent, server_fixture) {
  auto c = client();
  c.send_raw(with_length(log_body.size()) + "Expect: 100-continue\r\n\r\n");
  // curl waits up to a second for this before it sends the body anyway.
  auto interim = c.read_response(300ms);
  BOOST_TEST(interim.status == 100u);
  c.send_raw(log_body);
  auto r = c.read_response();
  BOOST_TEST(r.status == 200u);
  BOOST_TEST(r.body == "{}");
  BOOST_TEST(r.keep_alive);
  BOOST_TEST(c.get("/api/v2/status").status == 200u);
}

BOOST_FIXTURE_TEST_CASE(a_body_too_large_is_refused_instead_of_continued, server_fixture) {
  auto c = client();
  c.send_raw(with_length(16 * 1024 * 1024) + "Expect: 100-continue\r\n\r\n");
  auto r = c.read_response(2s);
  BOOST_TEST(r.status == 413u);
  BOOST_TEST(r.error_code() == "CDC:ErrRequestBodyTooLarge");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(read_timeouts)

BOOST_FIXTURE_TEST_CASE(a_body_that_stops_short_gets_408, one_second_reads) {
  auto c = client();
  auto start = std::chrono::steady_clock::now();
  c.send_raw(with_length(100) + "\r\n" + log_body);
  check_408(c.read_response(5s));
  BOOST_TEST((std::chrono::steady_clock::now() - start < 3s));
}

BOOST_FIXTURE_TEST_CASE(a_trickling_body_gets_408_once_its_time_is_up, one_second_reads) {
  auto c = client();
  c.send_raw(with_length(100) + "\r\n");
  // A byte every 100 ms would take 10 s; the body has one.
  for (int i = 0; i < 15; ++i) {
    c.send_raw("x");
    std::this_thread::sleep_for(100ms);
  }
  check_408(c.read_response(5s));
}

BOOST_FIXTURE_TEST_CASE(a_header_that_stops_short_gets_408, one_second_reads) {
  auto c = client();
  c.send_raw(log_header);
  check_408(c.read_response(5s));
}

BOOST_FIXTURE_TEST_CASE(an_idle_connection_is_closed_without_an_answer, one_second_reads) {
  auto c = client();
  BOOST_TEST(c.get("/api/v2/status").status == 200u);
  auto start = std::chrono::steady_clock::now();
  BOOST_CHECK_THROW(c.read_response(5s), std::exception);
  BOOST_TEST((std::chrono::steady_clock::now() - start < 3s));
}

BOOST_AUTO_TEST_SUITE_END()
