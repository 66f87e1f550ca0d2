// Cluster mode with TiCDC's [security] files on every node: etcd is reached
// over https:// with the node's certificate (etcd asks for one), the nodes
// talk to each other over TLS on their actor ports (CAF's OpenSSL
// middleman, mutual certificates from the one CA), and the API serves
// HTTPS. A write sent to a node that does not own crosses to the owner and
// every node shows its result; an actor port shakes hands only with a
// client whose certificate the CA signed.
#include <signal.h>

#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "http/tls_context.hpp"
#include "model/cluster/capture_record.hpp"
#include "model/cluster/etcd_keys.hpp"
#include "tests/support/etcd_server.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"
#include "tests/support/subprocess.hpp"
#include "tests/support/test_certificates.hpp"

using namespace cdc;
using namespace cdc::test;
using namespace std::chrono_literals;
namespace net = boost::asio;

namespace {

constexpr const char* cluster_id = "secured";

struct secured_cluster {
  temp_dir dir{"cluster-tls"};
  test_certificates certs{dir.path / "certs"};
  etcd_server etcd{dir.path / "etcd", etcd_tls_files{certs.ca(), certs.server_cert(), certs.server_key()}};
  std::vector<std::unique_ptr<child_process>> nodes;
  std::vector<std::string> addresses;

  secured_cluster() {
    certs.make_client("client", "cdc-client");
    for (int i = 0; i < 3; ++i) {
      auto args = server_args((dir.path / ("node-" + std::to_string(i))).string());
      args.insert(args.end(), {"--pd=" + etcd.endpoint(), std::string("--cluster-id=") + cluster_id,
                               "--capture-session-ttl=3", "--ca=" + certs.ca(), "--cert=" + certs.server_cert(),
                               "--key=" + certs.server_key()});
      nodes.push_back(std::make_unique<child_process>(cdc_binary(), args));
      auto listening = listening_addresses(*nodes.back(), 1);
      BOOST_REQUIRE_MESSAGE(listening.size() == 1u, nodes.back()->err());
      addresses.push_back(listening[0]);
    }
  }
  ~secured_cluster() {
    for (auto& n : nodes) {
      n->signal(SIGKILL);
      n->wait();
    }
  }

  /// `curl` with the client certificate against node i's API.
  std::pair<int, std::string> api(std::size_t i, const std::string& target, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"-sS", "--max-time", "10", "--cacert", certs.ca(), "--cert", certs.cert("client"),
                                  "--key", certs.key("client"), "-w", "\n%{http_code}"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back("https://" + addresses[i] + target);
    return run_command(find_program("curl", "curl"), args);
  }

  /// The body of a 200 answer, or nullopt.
  std::optional<boost::json::value> get(std::size_t i, const std::string& target) {
    auto [exit, out] = api(i, target);
    auto newline = out.rfind('\n');
    if (exit != 0 || newline == std::string::npos || out.substr(newline + 1) != "200")
      return std::nullopt;
    return boost::json::parse(out.substr(0, newline));
  }

  /// Waits until node i lists three captures, one of them the owner.
  bool formed(std::size_t i, std::chrono::seconds within) {
    auto until = std::chrono::steady_clock::now() + within;
    while (std::chrono::steady_clock::now() < until) {
      if (auto v = get(i, "/api/v2/captures")) {
        const auto& items = v->at("items").as_array();
        int owners = 0;
        for (const auto& c : items)
          owners += c.at("is_owner").as_bool() ? 1 : 0;
        if (items.size() == 3 && owners == 1)
          return true;
      }
      std::this_thread::sleep_for(200ms);
    }
    return false;
  }

  /// The index of a node whose /status says it does not own.
  std::size_t a_non_owner() {
    for (std::size_t i = 0; i < addresses.size(); ++i)
      if (auto v = get(i, "/api/v2/status"); v && !v->at("is_owner").as_bool())
        return i;
    BOOST_FAIL("every node owns");
    return 0;
  }

  /// The actor ports the nodes registered in etcd ("host:port").
  std::vector<std::string> actor_addresses() {
    store::etcd::client c(store::etcd::parse_endpoints(etcd.endpoint()).value(), etcd.client_options(3s));
    auto prefix = model::etcd_keys::capture_prefix(cluster_id);
    auto r = c.range({.key = prefix, .range_end = model::etcd_keys::prefix_range_end(prefix)});
    BOOST_REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().message));
    std::vector<std::string> out;
    for (const auto& kv : r->kvs)
      if (auto rec = model::parse_capture(kv.value); rec && !rec->actor_address.empty())
        out.push_back(rec->actor_address);
    return out;
  }
};

/// Whether a TLS handshake with "host:port" succeeds, showing the given
/// client certificate (none when empty) and trusting `ca`.
bool handshake_succeeds(const std::string& address, const std::string& ca, const std::string& cert,
                        const std::string& key) {
  std::string error;
  auto ctx = http::make_client_tls(ca, cert, key, error);
  BOOST_REQUIRE_MESSAGE(ctx, error);
  net::io_context ioc;
  net::ssl::stream<net::ip::tcp::socket> stream(ioc, *ctx);
  auto colon = address.rfind(':');
  net::ip::tcp::resolver resolver(ioc);
  net::connect(stream.next_layer(), resolver.resolve(address.substr(0, colon), address.substr(colon + 1)));
  boost::system::error_code ec;
  stream.handshake(net::ssl::stream_base::client, ec);
  if (ec)
    return false;
  // Under TLS 1.3 the server's verdict on our certificate comes after the
  // client's handshake ends: a refused one reads an alert, not silence.
  stream.next_layer().non_blocking(false);
  struct timeval tv{1, 0};
  ::setsockopt(stream.next_layer().native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  char byte;
  stream.read_some(net::buffer(&byte, 1), ec);
  return ec == net::error::would_block || ec == net::error::try_again || ec == net::error::timed_out || !ec;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(cluster_tls, secured_cluster)

BOOST_AUTO_TEST_CASE(nodes_with_certificates_form_a_cluster_over_tls_and_relay_writes_to_the_owner) {
  BOOST_REQUIRE_MESSAGE(formed(0, 30s), nodes[0]->err());
  auto writer = a_non_owner();
  auto [exit, out] = api(writer, "/api/v2/changefeeds",
                         {"-X", "POST", "-H", "Content-Type: application/json", "-d",
                          R"({"changefeed_id":"over-tls","sink_uri":"blackhole://"})"});
  BOOST_TEST(exit == 0, out);
  BOOST_TEST(out.ends_with("\n200"), out);
  // Every node shows it replicating: the owner got the write from another
  // node, and its feed came back to the others, all over TLS.
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    std::string state;
    for (int tries = 0; tries < 100 && state != "normal"; ++tries) {
      if (auto v = get(i, "/api/v2/changefeeds/over-tls"))
        state = std::string(v->at("state").as_string());
      else
        std::this_thread::sleep_for(100ms);
    }
    BOOST_TEST(state == "normal", "node " << i);
  }
}

BOOST_AUTO_TEST_CASE(an_actor_port_shakes_hands_only_with_certificates_from_the_ca) {
  BOOST_REQUIRE_MESSAGE(formed(0, 30s), nodes[0]->err());
  auto ports = actor_addresses();
  BOOST_REQUIRE(ports.size() == 3u);
  BOOST_TEST(handshake_succeeds(ports[0], certs.ca(), certs.cert("client"), certs.key("client")));
  BOOST_TEST(!handshake_succeeds(ports[0], certs.ca(), "", ""));
  // A certificate from another CA, with the same CN, is no better.
  test_certificates other{dir.path / "other-ca"};
  other.make_client("stranger", "cdc-client");
  BOOST_TEST(!handshake_succeeds(ports[0], certs.ca(), other.cert("stranger"), other.key("stranger")));
  // The cluster is unharmed by the attempts.
  BOOST_TEST(formed(1, 10s));
}

BOOST_AUTO_TEST_SUITE_END()
