// How the server reads a request from a slow or careful client: it answers
// `Expect: 100-continue` at once, a request that stops short or trickles
// gets a 408 in TiCDC's error shape before the connection closes, a busy
// keep-alive client is never cut off, and one that does not read its
// answers is once the write timeout passes.
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
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

/// A server that gives an answer one second to be taken by the client.
struct one_second_writes : server_fixture {
  one_second_writes() : server_fixture(with_one_second_writes()) {}

  static http::server_options with_one_second_writes() {
    auto o = options(1);
    o.lim.write_timeout = 1s;
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

BOOST_FIXTURE_TEST_CASE(a_client_asking_all_along_is_never_cut_off_and_idle_it_is, one_second_reads) {
  auto c = client();
  // Twice the idle timeout, every request well within it of the last.
  auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < 2s) {
    BOOST_REQUIRE(c.get("/api/v2/status").status == 200u);
    std::this_thread::sleep_for(100ms);
  }
  auto idle = std::chrono::steady_clock::now();
  BOOST_CHECK_THROW(c.read_response(5s), std::exception);
  BOOST_TEST((std::chrono::steady_clock::now() - idle < 3s));
}

BOOST_FIXTURE_TEST_CASE(a_client_that_does_not_read_its_answers_is_cut_off_after_the_write_timeout,
                        one_second_writes) {
  namespace net = boost::asio;
  using tcp = net::ip::tcp;
  BOOST_REQUIRE(client().post("/api/v2/changefeeds", R"({"changefeed_id":"big","sink_uri":"blackhole://"})").status
                == 200u);
  // Megabytes of 2 KiB answers asked for at once, and a small receive
  // buffer that is never read: the server's writes stall.
  net::io_context io;
  tcp::socket s{io};
  s.open(tcp::v4());
  s.set_option(net::socket_base::receive_buffer_size(4096));
  auto colon = address().rfind(':');
  s.connect({net::ip::make_address(address().substr(0, colon)),
             static_cast<unsigned short>(std::stoi(address().substr(colon + 1)))});
  constexpr std::size_t asks_n = 5000;
  std::string asks;
  for (std::size_t i = 0; i < asks_n; ++i)
    asks += "GET /api/v2/changefeeds/big HTTP/1.1\r\nHost: x\r\n\r\n";
  std::thread asking([&] {
    boost::system::error_code ignored; // cut off: the rest is refused
    net::write(s, net::buffer(asks), ignored);
  });
  std::this_thread::sleep_for(3s);
  // The server gave up on this client: what it wrote, then the end.
  std::size_t got = 0;
  boost::system::error_code ec;
  std::vector<char> chunk(64 * 1024);
  auto until = std::chrono::steady_clock::now() + 10s;
  while (!ec && std::chrono::steady_clock::now() < until)
    got += s.read_some(net::buffer(chunk), ec);
  BOOST_TEST((ec == net::error::eof || ec == net::error::connection_reset), ec.message());
  BOOST_TEST(got < asks_n * 2048, "fewer answers than asked for: " << got << " bytes");
  asking.join();
  BOOST_TEST(client().get("/api/v2/status").status == 200u, "the server serves others");
}

BOOST_FIXTURE_TEST_CASE(an_idle_connection_is_closed_without_an_answer, one_second_reads) {
  auto c = client();
  BOOST_TEST(c.get("/api/v2/status").status == 200u);
  auto start = std::chrono::steady_clock::now();
  BOOST_CHECK_THROW(c.read_response(5s), std::exception);
  BOOST_TEST((std::chrono::steady_clock::now() - start < 3s));
}

BOOST_AUTO_TEST_SUITE_END()
