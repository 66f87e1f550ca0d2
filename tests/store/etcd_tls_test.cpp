// The etcd client over TLS against a real etcd that asks for client
// certificates (--client-cert-auth), as TiCDC's [security] files reach a
// secured PD/etcd: with the CA and a certificate it signed, calls work;
// without the CA, without a client certificate, or in plain HTTP, every
// call fails with a message that says why, and nothing hangs. The
// membership watch goes over TLS the same way.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>

#include "actors/membership/etcd_watch.hpp"
#include "actors/store/backend/etcd_client.hpp"
#include "http/tls_context.hpp"
#include "tests/support/etcd_server.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/test_certificates.hpp"

using namespace cdc;
using namespace cdc::test;
using namespace std::chrono_literals;

namespace {

struct secured_etcd {
  temp_dir dir{"etcd-tls"};
  test_certificates certs{dir.path / "certs"};
  etcd_server etcd{dir.path / "etcd", etcd_tls_files{certs.ca(), certs.server_cert(), certs.server_key()}};

  secured_etcd() { certs.make_client("client", "cdc-client"); }

  store::etcd::client client_with(const std::string& ca, const std::string& cert, const std::string& key,
                                  std::string url = {}) const {
    std::string error;
    store::etcd::client_options o;
    o.timeout = 3s;
    o.tls = http::make_client_tls(ca, cert, key, error);
    BOOST_REQUIRE_MESSAGE(o.tls, error);
    return store::etcd::client(store::etcd::parse_endpoints(url.empty() ? etcd.endpoint() : url).value(), o);
  }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

BOOST_FIXTURE_TEST_SUITE(etcd_client_over_tls, secured_etcd)

BOOST_AUTO_TEST_CASE(a_client_with_the_ca_and_a_signed_certificate_reads_and_writes) {
  BOOST_TEST(etcd.endpoint().starts_with("https://"));
  auto c = client_with(certs.ca(), certs.cert("client"), certs.key("client"));
  BOOST_REQUIRE(c.put({.key = "/tls/k", .value = "v"}).has_value());
  auto r = c.range({.key = "/tls/k"});
  BOOST_REQUIRE(r.has_value());
  BOOST_REQUIRE(r->kvs.size() == 1u);
  BOOST_TEST(r->kvs[0].value == "v");
}

BOOST_AUTO_TEST_CASE(etcd_is_refused_when_its_certificate_is_not_from_a_trusted_ca) {
  // The system's CAs never signed the test CA.
  auto c = client_with("", certs.cert("client"), certs.key("client"));
  auto r = c.range({.key = "/tls/k"});
  BOOST_REQUIRE(!r.has_value());
  BOOST_TEST(has(r.error().message, "TLS handshake failed"), r.error().message);
  BOOST_TEST(has(r.error().message, "certificate verify failed"), r.error().message);
}

BOOST_AUTO_TEST_CASE(etcd_refuses_a_client_without_a_certificate) {
  auto c = client_with(certs.ca(), "", "");
  auto r = c.range({.key = "/tls/k"});
  BOOST_REQUIRE(!r.has_value());
  BOOST_TEST(has(r.error().message, etcd.endpoint()), r.error().message);
}

BOOST_AUTO_TEST_CASE(plain_http_to_the_tls_port_fails) {
  auto url = etcd.endpoint();
  url.replace(0, 5, "http");
  auto c = client_with(certs.ca(), certs.cert("client"), certs.key("client"), url);
  auto r = c.range({.key = "/tls/k"});
  BOOST_REQUIRE(!r.has_value());
}

BOOST_AUTO_TEST_CASE(the_membership_watch_sees_changes_over_tls) {
  std::atomic<int> changes{0};
  auto options = etcd.client_options(3s);
  membership::prefix_watch watch(store::etcd::parse_endpoints(etcd.endpoint()).value(), options.tls, "/tls/w/",
                                 [&] { ++changes; });
  auto eventually = [](auto pred) {
    for (int i = 0; i < 300 && !pred(); ++i)
      std::this_thread::sleep_for(10ms);
    return pred();
  };
  BOOST_REQUIRE(eventually([&] { return watch.established() == 1u; }));
  auto c = client_with(certs.ca(), certs.cert("client"), certs.key("client"));
  BOOST_REQUIRE(c.put({.key = "/tls/w/a", .value = "v"}).has_value());
  BOOST_TEST(eventually([&] { return changes >= 2; }));
}

BOOST_AUTO_TEST_SUITE_END()
