// The TLS listener over a real socket: a client that connects and never
// starts its handshake is disconnected once the handshake time passes (it
// cannot hold a session), and a TLS client is served on the same port.
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/test/unit_test.hpp>

#include "http/tls_context.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/server_fixture.hpp"
#include "tests/support/test_certificates.hpp"

using namespace cdc;
using namespace cdc::test;
using namespace std::chrono_literals;
namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

namespace {

http::server_options tls_options(const test_certificates& certs) {
  auto o = server_fixture::options(1);
  std::string error;
  o.tls = http::make_server_tls({certs.ca(), certs.server_cert(), certs.server_key(), {}, false}, error);
  BOOST_REQUIRE_MESSAGE(o.tls, error);
  o.lim.tls_handshake_timeout = 300ms;
  return o;
}

tcp::endpoint endpoint_of(const std::string& address) {
  auto colon = address.rfind(':');
  return {net::ip::make_address(address.substr(0, colon)),
          static_cast<unsigned short>(std::stoi(address.substr(colon + 1)))};
}

} // namespace

BOOST_AUTO_TEST_SUITE(tls_session)

BOOST_AUTO_TEST_CASE(a_client_that_sends_nothing_is_disconnected_and_tls_clients_are_served) {
  temp_dir dir{"tls-session"};
  test_certificates certs{dir.path};
  server_fixture srv{tls_options(certs)};

  net::io_context ioc;
  tcp::socket silent(ioc);
  silent.connect(endpoint_of(srv.address()));
  // The read ends (EOF or reset) once the server gives up on the handshake;
  // the 20 s bound only keeps a broken server from hanging the test.
  silent.non_blocking(false);
  timeval limit{20, 0};
  ::setsockopt(silent.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  char byte = 0;
  beast::error_code ec;
  auto n = silent.read_some(net::buffer(&byte, 1), ec);
  BOOST_TEST(n == 0u);
  BOOST_TEST((ec == net::error::eof || ec == net::error::connection_reset), ec.message());

  net::ssl::context client_ctx(net::ssl::context::tls_client);
  client_ctx.load_verify_file(certs.ca());
  client_ctx.set_verify_mode(net::ssl::verify_peer);
  beast::ssl_stream<beast::tcp_stream> tls(ioc, client_ctx);
  beast::get_lowest_layer(tls).connect(endpoint_of(srv.address()));
  tls.handshake(net::ssl::stream_base::client);
  beast::http::request<beast::http::empty_body> req{beast::http::verb::get, "/api/v2/status", 11};
  req.set(beast::http::field::host, srv.address());
  beast::http::write(tls, req);
  beast::flat_buffer buffer;
  beast::http::response<beast::http::string_body> res;
  beast::http::read(tls, buffer, res);
  BOOST_TEST(res.result_int() == 200u);
  BOOST_TEST(res.body().find("\"version\"") != std::string::npos, res.body());
}

BOOST_AUTO_TEST_SUITE_END()
