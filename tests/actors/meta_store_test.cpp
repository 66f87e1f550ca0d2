// The META STORE actor under the deterministic scheduler: group commit
// answers every put once its transaction is durable, progress is written
// once per interval in slices that let puts through, and a failing backend
// answers errors and changes nothing.
#include <functional>

#include <boost/test/unit_test.hpp>

#include "actors/errors.hpp"
#include "actors/store/meta_store.hpp"
#include "tests/support/actor_fixture.hpp"
#include "tests/support/faulty_backend.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/printers.hpp"

using namespace cdc;
using namespace cdc::actors;
using namespace std::chrono_literals;
using test::make_info;

namespace {

/// Stands in for the upstream: records the service GC safepoints it is told.
upstream_actor::behavior_type fake_upstream(upstream_actor::pointer, std::shared_ptr<std::vector<model::tso_t>> seen) {
  return {
    [](atom::tso) { return upstream_times{1, 0}; },
    [seen](atom::safepoint, model::tso_t ts) { seen->push_back(ts); },
    [](atom::safepoint) {},
    [](atom::tick) {},
    [](atom::resolved) { return model::tso_t{0}; },
    [](atom::subscribe, capture_actor&) {},
  };
}

constexpr auto no_limit = std::numeric_limits<std::size_t>::max();

struct store_fixture : test::actor_fixture {
  /// `max_ops`: the backend's bound on a transaction (etcd's is 64 records).
  /// `before_start`: what the backend holds and the store is given before it starts.
  explicit store_fixture(meta_store_options options = {},
                         std::size_t max_ops = no_limit, const std::function<void(store_fixture&)>& before_start = {})
    : options(options) {
    backend->max_ops = max_ops;
    if (before_start)
      before_start(*this);
    upstream_hdl = sys.spawn(fake_upstream, safepoints);
    store = sys.spawn(meta_store, upstream_hdl, backend, this->options);
    run();
  }

  ~store_fixture() {
    caf::anon_send_exit(store, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(upstream_hdl, caf::exit_reason::user_shutdown);
    run();
  }

  using handle = decltype(std::declval<caf::scoped_actor&>()->request(
    std::declval<meta_store_actor&>(), caf::infinite, atom::put_v, model::changefeed_info{}, model::changefeed_progress{}));

  /// Sends a put without running anything; the answer is read with `answer`.
  handle send_put(const std::string& id, model::tso_t checkpoint = 1000) {
    return self->request(store, caf::infinite, atom::put_v, make_info(id), model::changefeed_progress{checkpoint, checkpoint});
  }

  /// The answer to a request sent earlier: true, or the error's API failure.
  template <class Handle>
  model::result<bool> answer(Handle& h) {
    std::optional<model::result<bool>> out;
    h.receive([&](bool ok) { out = ok; }, [&](caf::error& e) { out = to_failure(e); });
    return *out;
  }

  /// A put run to its answer, which must be true.
  void commit_put(const std::string& id, model::tso_t checkpoint = 1000,
                  model::feed_state state = model::feed_state::normal) {
    auto h = self->request(store, caf::infinite, atom::put_v, make_info(id, state, checkpoint),
                           model::changefeed_progress{checkpoint, checkpoint});
    run();
    BOOST_REQUIRE(answer(h).value());
  }

  void progress(const std::string& id, model::tso_t ts) {
    caf::anon_send(store, atom::progress_v, model::changefeed_key{"default", id}, model::changefeed_progress{ts, ts});
  }

  /// Moves time past one flush interval and runs what falls due.
  void flush() {
    sched.advance_time(options.flush_interval);
    run();
  }

  model::changefeed_progress stored_progress(const std::string& id) {
    return backend->get({"default", id}).value().value().progress;
  }

  meta_store_options options;
  std::shared_ptr<test::faulty_backend> backend = std::make_shared<test::faulty_backend>();
  std::shared_ptr<std::vector<model::tso_t>> safepoints = std::make_shared<std::vector<model::tso_t>>();
  upstream_actor upstream_hdl;
  meta_store_actor store;
};

/// Fills the backend as a restart finds it, feeds a (checkpoint 1000) and
/// b (2000), and hands the store what `cdc server` listed to check them.
/// `shared_backend`: a store other processes write (etcd).
std::function<void(store_fixture&)> as_restarted(bool shared_backend = false) {
  return [shared_backend](store_fixture& f) {
    f.backend->shared = shared_backend;
    BOOST_REQUIRE(store::put(*f.backend, make_info("a"), {1000, 1000}));
    BOOST_REQUIRE(store::put(*f.backend, make_info("b"), {2000, 2000}));
    f.options.listed = std::make_shared<store::meta_snapshot>(f.backend->list().value());
    f.backend->lists = 0;
  };
}

} // namespace

BOOST_AUTO_TEST_SUITE(meta_store_actor)

BOOST_AUTO_TEST_CASE(puts_waiting_in_the_mailbox_share_one_transaction_and_each_is_answered) {
  store_fixture f;
  std::vector<store_fixture::handle> puts;
  for (int i = 0; i < 16; ++i)
    puts.push_back(f.send_put("cf-" + std::to_string(i)));
  f.run();
  BOOST_TEST(f.backend->batches() == std::vector<std::size_t>{16});
  for (auto& h : puts)
    BOOST_TEST(f.answer(h).value());
  BOOST_TEST(f.backend->list().value().records.size() == 16u);
}

BOOST_AUTO_TEST_CASE(a_put_is_answered_only_after_its_transaction) {
  store_fixture f;
  auto h = f.send_put("cf-1");
  f.sched.run_once(); // the put joins the batch
  BOOST_TEST(f.backend->commits == 0u);
  BOOST_TEST(f.self->mailbox().empty());
  f.sched.run_once(); // the commit
  BOOST_TEST(f.backend->commits == 1u);
  BOOST_TEST(f.answer(h).value());
}

BOOST_AUTO_TEST_CASE(a_lone_put_commits_without_waiting_for_a_timer) {
  store_fixture f;
  auto h = f.send_put("cf-1");
  f.run(); // no time passes
  BOOST_TEST(f.answer(h).value());
  BOOST_TEST(f.backend->commits == 1u);
}

BOOST_AUTO_TEST_CASE(a_full_batch_commits_at_once) {
  meta_store_options o;
  o.max_batch = 4;
  store_fixture f{o};
  std::vector<store_fixture::handle> puts;
  for (int i = 0; i < 10; ++i)
    puts.push_back(f.send_put("cf-" + std::to_string(i)));
  f.run();
  BOOST_TEST(f.backend->batches() == (std::vector<std::size_t>{4, 4, 2}));
  for (auto& h : puts)
    BOOST_TEST(f.answer(h).value());
}

BOOST_AUTO_TEST_CASE(puts_and_removes_of_one_batch_apply_in_arrival_order) {
  store_fixture f;
  auto a = f.send_put("cf-1");
  auto b = f.self->request(f.store, caf::infinite, atom::remove_v, model::changefeed_key{"default", "cf-1"});
  auto c = f.send_put("cf-2");
  f.run();
  BOOST_TEST(f.backend->batches() == std::vector<std::size_t>{3});
  BOOST_TEST(f.answer(a).value());
  BOOST_TEST(f.answer(b).value());
  BOOST_TEST(f.answer(c).value());
  auto records = f.backend->list().value().records;
  BOOST_REQUIRE(records.size() == 1u);
  BOOST_TEST(records[0].info.key.id == "cf-2");
}

// On a full disk the store refuses creates but takes removes and updates: a
// remove or a pause that shared a batch with creates still commits.
BOOST_AUTO_TEST_CASE(a_remove_batched_with_refused_creates_commits_alone) {
  store_fixture f;
  f.commit_put("old");
  f.commit_put("paused");
  f.backend->refusing_creates = true;
  auto create = f.send_put("new");
  auto rm = f.self->request(f.store, caf::infinite, atom::remove_v, model::changefeed_key{"default", "old"});
  auto pause = f.self->request(f.store, caf::infinite, atom::put_v, make_info("paused", model::feed_state::stopped),
                               model::changefeed_progress{1000, 1000});
  f.run();
  BOOST_TEST(f.answer(create).error().kind == model::api_error::meta_store_failed);
  BOOST_TEST(f.answer(rm).value());
  BOOST_TEST(f.answer(pause).value());
  auto records = f.backend->list().value().records;
  BOOST_REQUIRE(records.size() == 1u);
  BOOST_TEST(records[0].info.key.id == "paused");
  BOOST_TEST((records[0].info.state == model::feed_state::stopped));
}

BOOST_AUTO_TEST_CASE(a_failed_transaction_answers_every_waiting_write_with_meta_store_failed) {
  store_fixture f;
  f.backend->failing = true;
  std::vector<store_fixture::handle> puts;
  for (int i = 0; i < 3; ++i)
    puts.push_back(f.send_put("cf-" + std::to_string(i)));
  auto rm = f.self->request(f.store, caf::infinite, atom::remove_v, model::changefeed_key{"default", "x"});
  f.run();
  // The batch, then its remove alone (see the next test).
  BOOST_TEST(f.backend->refused == 2u);
  for (auto& h : puts) {
    auto r = f.answer(h);
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST(r.error().kind == model::api_error::meta_store_failed);
    BOOST_TEST(r.error().message == "meta store operation failed: cannot commit to faulty: disk full");
  }
  BOOST_TEST(f.answer(rm).error().kind == model::api_error::meta_store_failed);
  f.backend->failing = false;
  BOOST_TEST(f.backend->list().value().records.empty());
}

BOOST_AUTO_TEST_CASE(writes_succeed_again_once_the_backend_recovers) {
  store_fixture f;
  f.backend->failing = true;
  auto h = f.send_put("cf-1");
  f.run();
  BOOST_TEST(f.answer(h).has_error());
  f.backend->failing = false;
  auto again = f.send_put("cf-1");
  f.run();
  BOOST_TEST(f.answer(again).value());
  BOOST_TEST(f.backend->list().value().records.size() == 1u);
}

BOOST_AUTO_TEST_CASE(progress_is_written_once_per_interval_in_one_transaction_for_all_feeds) {
  store_fixture f;
  std::vector<store_fixture::handle> puts{f.send_put("a"), f.send_put("b"), f.send_put("c")};
  f.run();
  BOOST_TEST(f.backend->commits == 1u);
  for (model::tso_t ts = 2000; ts < 2010; ++ts)
    for (auto id : {"a", "b", "c"})
      f.progress(id, ts);
  f.run();
  BOOST_TEST(f.backend->commits == 1u); // nothing written per event
  f.flush();
  BOOST_TEST(f.backend->commits == 2u);
  BOOST_TEST(f.backend->last_commit().size() == 3u);
  for (auto id : {"a", "b", "c"})
    BOOST_TEST(f.stored_progress(id).checkpoint_ts == 2009u);
}

BOOST_AUTO_TEST_CASE(a_bounded_store_gets_puts_and_progress_in_transactions_it_can_take) {
  store_fixture f{{}, 3};
  std::vector<store_fixture::handle> puts;
  for (int i = 0; i < 7; ++i)
    puts.push_back(f.send_put("cf-" + std::to_string(i)));
  f.run();
  BOOST_TEST(f.backend->batches() == (std::vector<std::size_t>{3, 3, 1}));
  for (auto& h : puts)
    BOOST_TEST(f.answer(h).value());
  for (int i = 0; i < 7; ++i)
    f.progress("cf-" + std::to_string(i), 5000);
  f.flush();
  BOOST_TEST(f.backend->batches() == (std::vector<std::size_t>{3, 3, 1, 3, 3, 1}));
  for (int i = 0; i < 7; ++i)
    BOOST_TEST(f.stored_progress("cf-" + std::to_string(i)).checkpoint_ts == 5000u);
}

BOOST_AUTO_TEST_CASE(a_progress_budget_writes_the_longest_waiting_feeds_first) {
  meta_store_options o;
  o.max_progress_writes_per_s = 10; // two per 200 ms flush
  store_fixture f{o};
  for (auto id : {"a", "b", "c", "d", "e"})
    f.commit_put(id, 1000);
  for (auto id : {"a", "b", "c", "d", "e"})
    f.progress(id, 2000);
  f.progress("a", 2001); // newer progress keeps its place in line
  f.flush();
  BOOST_TEST(f.backend->last_commit().size() == 2u);
  BOOST_TEST(f.stored_progress("a").checkpoint_ts == 2001u);
  BOOST_TEST(f.stored_progress("b").checkpoint_ts == 2000u);
  BOOST_TEST(f.stored_progress("c").checkpoint_ts == 1000u);
  f.progress("a", 3000); // behind c, d and e now
  f.flush();
  BOOST_TEST(f.stored_progress("c").checkpoint_ts == 2000u);
  BOOST_TEST(f.stored_progress("d").checkpoint_ts == 2000u);
  BOOST_TEST(f.stored_progress("a").checkpoint_ts == 2001u);
  f.flush();
  BOOST_TEST(f.stored_progress("e").checkpoint_ts == 2000u);
  BOOST_TEST(f.stored_progress("a").checkpoint_ts == 3000u);
}

BOOST_AUTO_TEST_CASE(with_a_budget_progress_yields_to_puts_but_is_not_starved) {
  meta_store_options o;
  o.max_progress_writes_per_s = 100; // twenty per 200 ms flush
  store_fixture f{o, 4};
  for (int i = 0; i < 12; ++i)
    f.commit_put("cf-" + std::to_string(i), 1000);
  for (int i = 0; i < 12; ++i)
    f.progress("cf-" + std::to_string(i), 2000);
  // Creates came in this interval: one transaction of progress (4 feeds).
  f.flush();
  BOOST_TEST(f.backend->last_commit().size() == 4u);
  BOOST_TEST(f.stored_progress("cf-3").checkpoint_ts == 2000u);
  BOOST_TEST(f.stored_progress("cf-4").checkpoint_ts == 1000u);
  // A quiet interval: the whole budget, so the rest is written.
  f.flush();
  for (int i = 0; i < 12; ++i)
    BOOST_TEST(f.stored_progress("cf-" + std::to_string(i)).checkpoint_ts == 2000u);
}

BOOST_AUTO_TEST_CASE(a_put_commits_between_the_slices_of_a_large_progress_flush) {
  meta_store_options o;
  o.progress_slice = 2;
  store_fixture f{o};
  for (int i = 0; i < 6; ++i)
    f.commit_put("cf-" + std::to_string(i), 1000);
  for (int i = 0; i < 6; ++i)
    f.progress("cf-" + std::to_string(i), 2000);
  auto before = f.backend->batches().size();
  f.sched.advance_time(o.flush_interval); // the flush is due...
  auto put = f.send_put("new");            // ...and a create arrives behind it
  f.run();
  BOOST_TEST(f.answer(put).value());
  auto batches = f.backend->batches();
  BOOST_TEST(std::vector<std::size_t>(batches.begin() + before, batches.end()) == (std::vector<std::size_t>{2, 1, 2, 2}));
  for (int i = 0; i < 6; ++i)
    BOOST_TEST(f.stored_progress("cf-" + std::to_string(i)).checkpoint_ts == 2000u);
  // The flush is over: the next one comes an interval later, not at once.
  f.progress("cf-0", 3000);
  f.run();
  BOOST_TEST(f.stored_progress("cf-0").checkpoint_ts == 2000u);
  f.flush();
  BOOST_TEST(f.stored_progress("cf-0").checkpoint_ts == 3000u);
}

BOOST_AUTO_TEST_CASE(an_interval_without_progress_writes_nothing) {
  store_fixture f;
  f.commit_put("a");
  f.flush();
  f.flush();
  BOOST_TEST(f.backend->commits == 1u);
}

BOOST_AUTO_TEST_CASE(progress_of_a_removed_feed_is_dropped) {
  store_fixture f;
  f.commit_put("a");
  f.progress("a", 5000);
  auto rm = f.self->request(f.store, caf::infinite, atom::remove_v, model::changefeed_key{"default", "a"});
  f.run();
  BOOST_TEST(f.answer(rm).value());
  f.progress("a", 6000);
  f.flush();
  BOOST_TEST(f.backend->commits == 2u); // the put and the remove
  BOOST_TEST(!f.backend->get({"default", "a"}).value().has_value());
}

BOOST_AUTO_TEST_CASE(a_put_carries_the_progress_and_supersedes_older_pending_progress) {
  store_fixture f;
  f.commit_put("a", 1000);
  f.progress("a", 3000);
  // A resume that overwrites the checkpoint: info and progress in one write.
  auto again = f.send_put("a", 1500);
  f.run();
  BOOST_TEST(f.answer(again).value());
  BOOST_TEST(f.stored_progress("a").checkpoint_ts == 1500u);
  f.flush();
  BOOST_TEST(f.stored_progress("a").checkpoint_ts == 1500u);
}

BOOST_AUTO_TEST_CASE(a_failed_progress_flush_is_retried_with_the_newest_progress) {
  store_fixture f;
  f.commit_put("a");
  f.progress("a", 2000);
  f.backend->failing = true;
  f.flush();
  f.backend->failing = false;
  f.progress("a", 2500);
  f.flush();
  BOOST_TEST(f.stored_progress("a").checkpoint_ts == 2500u);
}

BOOST_AUTO_TEST_CASE(load_answers_the_newest_progress_even_before_it_is_written) {
  store_fixture f;
  f.commit_put("a", 1000);
  f.progress("a", 4000);
  auto records = f.ask<feed_records>(f.store, atom::load_v);
  BOOST_REQUIRE(records.size() == 1u);
  BOOST_TEST(records[0].second.checkpoint_ts == 4000u);
  BOOST_TEST(f.stored_progress("a").checkpoint_ts == 1000u);
}

BOOST_AUTO_TEST_CASE(load_fails_with_meta_store_failed_when_the_backend_cannot_read) {
  store_fixture f;
  f.backend->failing = true;
  auto h = f.self->request(f.store, caf::infinite, atom::load_v);
  f.run();
  std::optional<model::api_failure> failure;
  h.receive([](feed_records&) {}, [&](caf::error& e) { failure = to_failure(e); });
  BOOST_REQUIRE(failure.has_value());
  BOOST_TEST(failure->kind == model::api_error::meta_store_failed);
}

BOOST_AUTO_TEST_CASE(the_gc_safepoint_trails_the_lowest_durable_checkpoint_of_unfinished_feeds) {
  store_fixture f;
  f.commit_put("a", 5000);
  f.commit_put("b", 7000);
  f.commit_put("c", 100, model::feed_state::finished);
  f.flush();
  BOOST_REQUIRE(!f.safepoints->empty());
  BOOST_TEST(f.safepoints->back() == 4999u);
  // Progress counts once it is durable.
  f.progress("a", 8000);
  f.flush();
  BOOST_TEST(f.safepoints->back() == 6999u);
}

BOOST_AUTO_TEST_CASE(a_restart_lists_the_store_once_the_first_load_is_answered_from_the_startup_list) {
  store_fixture f{{}, no_limit, as_restarted()};
  BOOST_TEST(f.options.listed->records.empty(), "the records left the startup snapshot");
  auto records = f.ask<feed_records>(f.store, atom::load_v);
  BOOST_REQUIRE(records.size() == 2u);
  BOOST_TEST(records[1].first.key.id == "b");
  BOOST_TEST(records[1].second.checkpoint_ts == 2000u);
  BOOST_TEST(f.backend->lists == 0u);
  // The store knows what is durable without a list of its own: the GC
  // safepoint trails the lowest checkpoint.
  f.sched.advance_time(f.options.flush_interval);
  f.run();
  BOOST_REQUIRE(!f.safepoints->empty());
  BOOST_TEST(f.safepoints->back() == 999u);
  // A later term's load reads the store again.
  BOOST_TEST(f.ask<feed_records>(f.store, atom::load_v).size() == 2u);
  BOOST_TEST(f.backend->lists == 1u);
}

BOOST_AUTO_TEST_CASE(a_write_before_the_first_load_makes_it_list_the_store) {
  store_fixture f{{}, no_limit, as_restarted()};
  auto h = f.self->request(f.store, caf::infinite, atom::put_v, make_info("c"), model::changefeed_progress{3000, 3000});
  f.run();
  h.receive([](bool) {}, [](caf::error& e) { BOOST_FAIL(caf::to_string(e)); });
  BOOST_TEST(f.ask<feed_records>(f.store, atom::load_v).size() == 3u);
  BOOST_TEST(f.backend->lists == 1u);
}

BOOST_AUTO_TEST_CASE(a_store_other_processes_write_is_listed_for_every_load) {
  store_fixture f{{}, no_limit, as_restarted(true)};
  BOOST_TEST(f.ask<feed_records>(f.store, atom::load_v).size() == 2u);
  BOOST_TEST(f.backend->lists == 1u);
}

BOOST_AUTO_TEST_CASE(a_graceful_exit_writes_pending_progress) {
  store_fixture f;
  f.commit_put("a", 1000);
  f.progress("a", 3000);
  caf::anon_send_exit(f.store, caf::exit_reason::user_shutdown);
  f.run();
  BOOST_TEST(f.stored_progress("a").checkpoint_ts == 3000u);
}

BOOST_AUTO_TEST_SUITE_END()
