// Which routes ask for credentials with client-user-required, over real
// sockets: exactly those TiCDC's AuthenticateMiddleware covers. Each write
// answers 401 before it looks at its parameters (an unknown feed, a bad
// ID); reads, status and the owner's resign stay open.
#include <boost/test/unit_test.hpp>

#include "http/client_auth.hpp"
#include "model/codec/base64.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc;
using namespace cdc::test;

namespace {

http::server_options guarded() {
  auto o = server_fixture::options(1);
  o.auth = std::make_shared<const http::client_auth>(
    std::vector<std::string>{"root"},
    std::make_shared<const model::upstream::user_accounts>(model::upstream::user_accounts::fresh_tidb()));
  return o;
}

struct route {
  const char* method;
  const char* target;
};

} // namespace

BOOST_AUTO_TEST_SUITE(guarded_routes)

BOOST_AUTO_TEST_CASE(writes_and_unsafe_routes_need_credentials_and_reads_do_not) {
  server_fixture srv{guarded()};
  auto c = srv.client();
  const route writes[] = {
    {"POST", "/api/v2/changefeeds"},
    {"PUT", "/api/v2/changefeeds/nope"},
    {"DELETE", "/api/v2/changefeeds/nope"},
    {"POST", "/api/v2/changefeeds/nope/pause"},
    {"POST", "/api/v2/changefeeds/Bad_Id!/resume"},
    {"GET", "/api/v2/unsafe/metadata"},
    {"POST", "/api/v2/unsafe/resolve_lock"},
    {"DELETE", "/api/v2/unsafe/service_gc_safepoint"},
    {"POST", "/api/v1/changefeeds"},
    {"PUT", "/api/v1/changefeeds/nope"},
    {"DELETE", "/api/v1/changefeeds/nope"},
    {"POST", "/api/v1/changefeeds/nope/pause"},
    {"POST", "/api/v1/changefeeds/nope/resume"},
    {"POST", "/api/v1/changefeeds/nope/tables/move_table"},
    {"POST", "/api/v1/changefeeds/nope/tables/rebalance_table"},
  };
  for (const auto& w : writes) {
    auto r = c.request(w.method, w.target, "{}", true);
    BOOST_TEST(r.status == 401u, w.method << " " << w.target << ": " << r.body);
    BOOST_TEST(r.error_code() == "CDC:ErrCredentialNotFound", w.method << " " << w.target);
  }
  const route open[] = {
    {"GET", "/api/v2/changefeeds"}, {"GET", "/api/v2/status"},   {"GET", "/api/v2/captures"},
    {"GET", "/api/v2/processors"},  {"GET", "/api/v1/changefeeds"}, {"POST", "/api/v2/tso"},
  };
  for (const auto& o : open) {
    auto r = c.request(o.method, o.target, o.method == std::string("POST") ? "{}" : "", o.method == std::string("POST"));
    BOOST_TEST(r.status == 200u, o.method << " " << o.target << ": " << r.body);
  }
}

BOOST_AUTO_TEST_CASE(with_credentials_a_write_reaches_its_handler) {
  server_fixture srv{guarded()};
  auto c = srv.client();
  // root with an empty password, as a fresh TiDB: past the check, the
  // handler answers (here: the feed does not exist).
  auto r = c.raw("POST /api/v2/changefeeds/nope/pause HTTP/1.1\r\nHost: x\r\nAuthorization: Basic "
                 + model::base64_encode("root:") + "\r\nContent-Length: 0\r\n\r\n");
  BOOST_TEST(r.status == 400u, r.body);
  BOOST_TEST(r.error_code() == "CDC:ErrChangeFeedNotExists", r.body);
}

BOOST_AUTO_TEST_SUITE_END()
