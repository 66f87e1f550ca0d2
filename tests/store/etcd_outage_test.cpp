// The etcd backend when etcd goes away: every call fails within the
// client's timeout with ErrPDEtcdAPIError naming etcd, nothing hangs, and
// once etcd is back on its data the same backend reads what was committed
// and writes again, with no reconnect step of its own.
#include <boost/test/unit_test.hpp>

#include "tests/store/etcd_fixture.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/printers.hpp"

using namespace cdc;
using namespace cdc::store;
using test::make_info;
using test::stored;

namespace {

constexpr auto timeout = std::chrono::milliseconds(1000);

/// A private etcd: these tests kill it.
struct private_etcd {
  test::temp_dir dir{"etcd-outage"};
  test::etcd_server server{dir.path / "etcd"};
};

template <class Call>
void fails_fast_and_clearly(Call call, const std::string& endpoint) {
  auto start = std::chrono::steady_clock::now();
  auto r = call();
  auto took = std::chrono::steady_clock::now() - start;
  BOOST_REQUIRE(!r.has_value());
  BOOST_TEST(r.error().kind == model::api_error::pd_etcd_api_error);
  BOOST_TEST(r.error().message.find("etcd " + endpoint) != std::string::npos, r.error().message);
  BOOST_TEST(took <= timeout + std::chrono::milliseconds(500));
}

} // namespace

BOOST_AUTO_TEST_SUITE(etcd_backend_outage)

BOOST_AUTO_TEST_CASE(with_etcd_killed_every_call_fails_within_the_timeout) {
  private_etcd etcd;
  auto b = test::etcd_backend_on(etcd.server.endpoint(), "default", {}, timeout);
  BOOST_REQUIRE(put(*b, make_info("a"), {1, 1}).has_value());
  etcd.server.kill();
  auto url = etcd.server.endpoint();
  fails_fast_and_clearly([&] { return b->list(); }, url);
  fails_fast_and_clearly([&] { return b->get({"default", "a"}); }, url);
  fails_fast_and_clearly([&] { return put(*b, make_info("b"), {1, 1}); }, url);
  std::vector<meta_op> progress{put_progress{{"default", "a"}, {5, 5}}};
  fails_fast_and_clearly([&] { return b->apply(progress); }, url);
  auto r = b->list();
  BOOST_TEST(r.error().message.find("unreachable") != std::string::npos, r.error().message);
}

BOOST_AUTO_TEST_CASE(after_a_restart_on_the_same_data_the_backend_reads_and_writes_again) {
  private_etcd etcd;
  auto b = test::etcd_backend_on(etcd.server.endpoint(), "default", {}, timeout);
  auto info = make_info("a", model::feed_state::stopped);
  auto rev = put(*b, info, {70, 80});
  BOOST_REQUIRE(rev.has_value());
  BOOST_REQUIRE(b->list().has_value()); // the connection is kept alive

  etcd.server.kill();
  BOOST_REQUIRE(!b->list().has_value());
  etcd.server.start();

  // The same backend and client: the dead connection is replaced.
  auto snap = b->list();
  BOOST_REQUIRE_MESSAGE(snap.has_value(), snap.error().message);
  BOOST_REQUIRE(snap->records.size() == 1u);
  BOOST_TEST(stored(snap->records[0].info) == stored(info));
  BOOST_TEST(snap->records[0].progress.checkpoint_ts == 70u);
  BOOST_TEST(snap->revision == *rev);
  auto next = put(*b, make_info("b"), {1, 1});
  BOOST_REQUIRE_MESSAGE(next.has_value(), next.error().message);
  BOOST_TEST(*next > *rev);
}

BOOST_AUTO_TEST_CASE(a_restart_between_two_calls_loses_no_write) {
  private_etcd etcd;
  auto b = test::etcd_backend_on(etcd.server.endpoint(), "default", {}, timeout);
  BOOST_REQUIRE(put(*b, make_info("a"), {1, 1}).has_value());
  // etcd restarts while the connection sits idle: the next write must not
  // be sent into the dead socket and lost.
  etcd.server.kill();
  etcd.server.start();
  auto r = put(*b, make_info("b"), {1, 1});
  BOOST_REQUIRE_MESSAGE(r.has_value(), r.error().message);
  BOOST_TEST(b->list().value().records.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
