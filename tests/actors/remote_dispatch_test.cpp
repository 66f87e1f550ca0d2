// Two actor systems in one process, joined by CAF's middleman over loopback
// as two nodes would be: an owner's dispatch (a changefeed's info and the
// feed's handle) reaches a capture on the other node intact, and the
// progress a processor reports comes back through the handle it carried.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/io/middleman.hpp>
#include <caf/io/publish.hpp>
#include <caf/io/remote_actor.hpp>
#include <caf/scoped_actor.hpp>

#include "actors/cluster.hpp"
#include "actors/messages.hpp"
#include "tests/support/sample_feed.hpp"

using namespace cdc;
using namespace cdc::actors;
using namespace std::chrono_literals;

namespace {

/// capture_actor's dispatch, alone.
using dispatch_actor = caf::typed_actor<
  caf::replies_to<atom::dispatch, std::uint64_t, std::shared_ptr<const model::changefeed_info>, changefeed_actor,
                  std::vector<table_start>, std::vector<std::int64_t>>::with<bool>>;

/// A node: the project's message types and CAF's network layer.
struct node_config : caf::actor_system_config {
  node_config() {
    add_message_types<caf::id_block::cdc>();
    load<caf::io::middleman>();
    configure_scheduler(*this, 1);
  }
};

/// What the capture on the publishing node received.
struct received_dispatch {
  std::mutex mu;
  std::uint64_t term = 0;
  std::shared_ptr<const model::changefeed_info> info;
  std::vector<table_start> starts;
  std::vector<std::int64_t> stops;
};

/// Records the dispatch, then reports the started tables to the feed as a
/// processor would; answers whether the info and the handle arrived.
dispatch_actor::behavior_type capture_stub(dispatch_actor::pointer self, std::shared_ptr<received_dispatch> out) {
  return {[self, out](atom::dispatch, std::uint64_t term, std::shared_ptr<const model::changefeed_info>& info,
                      changefeed_actor& feed, std::vector<table_start>& starts, std::vector<std::int64_t>& stops) {
    std::vector<table_progress> progress;
    for (const auto& s : starts)
      progress.push_back({s.table_id, s.checkpoint_ts, s.checkpoint_ts + 10});
    {
      std::lock_guard lock{out->mu};
      out->term = term;
      out->info = info;
      out->starts = starts;
      out->stops = stops;
    }
    if (feed)
      self->send(feed, atom::progress_v, std::string{"capture-a"}, std::move(progress));
    return info != nullptr && static_cast<bool>(feed);
  }};
}

/// Why `x` holds no value (Boost.Test builds the message even on success).
template <class T>
std::string why(const caf::actor_system& sys, const caf::expected<T>& x) {
  return x ? std::string{} : sys.render(x.error());
}

/// Node A publishes the capture stub on a loopback port chosen by the OS;
/// node B, the owner's node, connects to it.
struct two_nodes {
  two_nodes() {
    capture = node_a.spawn(capture_stub, received);
    auto port = caf::io::publish(capture, 0, "127.0.0.1");
    BOOST_REQUIRE_MESSAGE(port, why(node_a, port));
    auto found = caf::io::remote_actor<dispatch_actor>(node_b, "127.0.0.1", *port);
    BOOST_REQUIRE_MESSAGE(found, why(node_b, found));
    remote = *found;
  }

  // Publishing registered the stub, which keeps it alive until told to exit.
  ~two_nodes() { caf::anon_send_exit(capture, caf::exit_reason::user_shutdown); }

  node_config cfg_a;
  node_config cfg_b;
  caf::actor_system node_a{cfg_a};
  caf::actor_system node_b{cfg_b};
  std::shared_ptr<received_dispatch> received = std::make_shared<received_dispatch>();
  dispatch_actor capture;
  dispatch_actor remote; ///< node B's proxy of the stub
  // The owner's side. It stands in for the changefeed actor too: only the
  // progress message is sent to it, so casting its handle is safe here.
  caf::scoped_actor owner{node_b};
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(remote_dispatch, two_nodes)

BOOST_AUTO_TEST_CASE(dispatch_crosses_nodes_and_progress_comes_back) {
  auto feed = caf::actor_cast<changefeed_actor>(owner);
  auto info = std::make_shared<const model::changefeed_info>(test::sample_info());
  std::vector<table_start> starts{{11, 445566778899001122ULL}, {12, 445566778899001133ULL}};
  std::vector<std::int64_t> stops{13};
  bool accepted = false;
  owner->request(remote, 5s, atom::dispatch_v, std::uint64_t{7}, info, feed, starts, stops)
    .receive([&](bool ok) { accepted = ok; }, [&](caf::error& err) { BOOST_FAIL(node_b.render(err)); });
  BOOST_TEST(accepted);
  {
    std::lock_guard lock{received->mu};
    BOOST_TEST(received->term == 7u);
    BOOST_REQUIRE(received->info);
    BOOST_TEST(received->info != info); // a copy made on the other node
    test::require_same(*info, *received->info);
    BOOST_REQUIRE(received->starts.size() == 2u);
    BOOST_TEST(received->starts[1].table_id == 12);
    BOOST_TEST(received->starts[1].checkpoint_ts == 445566778899001133ULL);
    BOOST_TEST(received->stops == stops);
  }

  bool reported = false;
  owner->receive(
    [&](atom::progress, std::string& capture_id, std::vector<table_progress>& tables) {
      reported = true;
      BOOST_TEST(capture_id == "capture-a");
      BOOST_REQUIRE(tables.size() == 2u);
      BOOST_TEST(tables[0].table_id == 11);
      BOOST_TEST(tables[0].checkpoint_ts == 445566778899001122ULL);
      BOOST_TEST(tables[0].resolved_ts == 445566778899001132ULL);
    },
    caf::after(5s) >> [] {});
  BOOST_TEST(reported);
}

BOOST_AUTO_TEST_CASE(a_null_info_and_handle_arrive_null) {
  std::optional<bool> accepted;
  owner
    ->request(remote, 5s, atom::dispatch_v, std::uint64_t{8}, std::shared_ptr<const model::changefeed_info>{},
              changefeed_actor{}, std::vector<table_start>{}, std::vector<std::int64_t>{})
    .receive([&](bool ok) { accepted = ok; }, [&](caf::error& err) { BOOST_FAIL(node_b.render(err)); });
  BOOST_TEST((accepted == false));
  std::lock_guard lock{received->mu};
  BOOST_TEST(received->term == 8u);
  BOOST_TEST(!received->info);
}

BOOST_AUTO_TEST_SUITE_END()
