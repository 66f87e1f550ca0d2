// The changefeed transition function: every state against every event
// (reference 5.4), then the side effects of each transition.
#include <boost/test/unit_test.hpp>

#include "model/changefeed/state_machine.hpp"

using namespace cdc::model;
using enum feed_state;

namespace {

constexpr tso_t checkpoint = 100;

// The seven situations a feed can be in (error split into TiCDC's pending
// and warning halves).
feed_status status_of(feed_state s) {
  return {s, checkpoint, false, false, 0};
}
feed_status waiting() { // TiCDC pending
  return {error, checkpoint, true, true, 0};
}
feed_status restarted() { // TiCDC warning
  return {error, checkpoint, true, false, checkpoint};
}

struct expect {
  const char* name;
  feed_status from;
  std::variant<feed_state, api_error> outcome; ///< the new state, or the refusal
  bool applied = true;
};

void check_row(const feed_event_t& event, const expect& row) {
  BOOST_TEST_CONTEXT(row.name) {
    auto t = transition(row.from, event, "cf");
    if (auto refusal = std::get_if<api_error>(&row.outcome)) {
      BOOST_REQUIRE(t.has_error());
      BOOST_TEST((t.error().kind == *refusal));
      return;
    }
    BOOST_REQUIRE(t.has_value());
    BOOST_TEST(to_string(t->status.state) == to_string(std::get<feed_state>(row.outcome)));
    BOOST_TEST(t->applied == row.applied);
    BOOST_TEST((t->job == admin_job_of(t->status)));
    if (!row.applied)
      BOOST_TEST((t->status == row.from));
  }
}

void check_table(const feed_event_t& event, std::initializer_list<expect> rows) {
  BOOST_TEST(rows.size() == 7u); // every situation is covered
  for (const auto& row : rows)
    check_row(event, row);
}

feed_event::resume resume_ok(tso_t overwrite = 0) {
  return {overwrite, tso_t{1} << 40, 50};
}

} // namespace

BOOST_AUTO_TEST_SUITE(state_transition_table)

BOOST_AUTO_TEST_CASE(create_starts_a_missing_feed_and_refuses_an_existing_one) {
  check_table(feed_event::create{},
              {{"normal", status_of(normal), api_error::changefeed_already_exists},
               {"pending", waiting(), api_error::changefeed_already_exists},
               {"warning", restarted(), api_error::changefeed_already_exists},
               {"stopped", status_of(stopped), api_error::changefeed_already_exists},
               {"failed", status_of(failed), api_error::changefeed_already_exists},
               {"finished", status_of(finished), api_error::changefeed_already_exists},
               {"removed", status_of(removed), normal}});
}

BOOST_AUTO_TEST_CASE(pause_stops_running_feeds_and_ignores_the_rest) {
  check_table(feed_event::pause{},
              {{"normal", status_of(normal), stopped},
               {"pending", waiting(), stopped},
               {"warning", restarted(), stopped},
               {"stopped", status_of(stopped), stopped, false},
               {"failed", status_of(failed), failed, false},
               {"finished", status_of(finished), finished, false},
               {"removed", status_of(removed), api_error::changefeed_not_exists}});
}

BOOST_AUTO_TEST_CASE(resume_restarts_stopped_failed_and_finished_feeds) {
  check_table(resume_ok(),
              {{"normal", status_of(normal), normal, false},
               {"pending", waiting(), error, false},
               {"warning", restarted(), error, false},
               {"stopped", status_of(stopped), normal},
               {"failed", status_of(failed), normal},
               {"finished", status_of(finished), normal},
               {"removed", status_of(removed), api_error::changefeed_not_exists}});
}

BOOST_AUTO_TEST_CASE(update_is_allowed_only_when_stopped_or_failed) {
  check_table(feed_event::update{},
              {{"normal", status_of(normal), api_error::changefeed_update_refused},
               {"pending", waiting(), api_error::changefeed_update_refused},
               {"warning", restarted(), api_error::changefeed_update_refused},
               {"stopped", status_of(stopped), stopped},
               {"failed", status_of(failed), failed},
               {"finished", status_of(finished), api_error::changefeed_update_refused},
               {"removed", status_of(removed), api_error::changefeed_not_exists}});
}

BOOST_AUTO_TEST_CASE(remove_works_from_every_state_and_is_idempotent) {
  check_table(feed_event::remove{},
              {{"normal", status_of(normal), removed},
               {"pending", waiting(), removed},
               {"warning", restarted(), removed},
               {"stopped", status_of(stopped), removed},
               {"failed", status_of(failed), removed},
               {"finished", status_of(finished), removed},
               {"removed", status_of(removed), removed, false}});
}

BOOST_AUTO_TEST_CASE(reaching_the_target_finishes_a_replicating_feed) {
  check_table(feed_event::target_reached{},
              {{"normal", status_of(normal), finished},
               {"pending", waiting(), error, false},
               {"warning", restarted(), finished},
               {"stopped", status_of(stopped), stopped, false},
               {"failed", status_of(failed), failed, false},
               {"finished", status_of(finished), finished, false},
               {"removed", status_of(removed), removed, false}});
}

BOOST_AUTO_TEST_CASE(retryable_error_puts_a_running_feed_into_error) {
  check_table(feed_event::error{"CDC:ErrKafkaNewProducer", "broker down"},
              {{"normal", status_of(normal), error},
               {"pending", waiting(), error},
               {"warning", restarted(), error},
               {"stopped", status_of(stopped), stopped, false},
               {"failed", status_of(failed), failed, false},
               {"finished", status_of(finished), finished, false},
               {"removed", status_of(removed), removed, false}});
}

BOOST_AUTO_TEST_CASE(unretryable_error_fails_a_running_feed) {
  check_table(feed_event::error{"CDC:ErrSinkURIInvalid", "bad uri"},
              {{"normal", status_of(normal), failed},
               {"pending", waiting(), failed},
               {"warning", restarted(), failed},
               {"stopped", status_of(stopped), stopped, false},
               {"failed", status_of(failed), failed, false},
               {"finished", status_of(finished), finished, false},
               {"removed", status_of(removed), removed, false}});
}

BOOST_AUTO_TEST_CASE(gc_error_fails_even_a_stopped_feed) {
  check_table(feed_event::error{"CDC:ErrSnapshotLostByGC", "lost"},
              {{"normal", status_of(normal), failed},
               {"pending", waiting(), failed},
               {"warning", restarted(), failed},
               {"stopped", status_of(stopped), failed},
               {"failed", status_of(failed), failed, false},
               {"finished", status_of(finished), finished, false},
               {"removed", status_of(removed), removed, false}});
}

BOOST_AUTO_TEST_CASE(elapsed_backoff_restarts_only_a_waiting_feed) {
  check_table(feed_event::backoff_elapsed{},
              {{"normal", status_of(normal), normal, false},
               {"pending", waiting(), error},
               {"warning", restarted(), error, false},
               {"stopped", status_of(stopped), stopped, false},
               {"failed", status_of(failed), failed, false},
               {"finished", status_of(finished), finished, false},
               {"removed", status_of(removed), removed, false}});
}

BOOST_AUTO_TEST_CASE(error_outlasting_the_stuck_duration_fails_the_feed) {
  check_table(feed_event::error_stuck{},
              {{"normal", status_of(normal), normal, false},
               {"pending", waiting(), failed},
               {"warning", restarted(), failed},
               {"stopped", status_of(stopped), stopped, false},
               {"failed", status_of(failed), failed, false},
               {"finished", status_of(finished), finished, false},
               {"removed", status_of(removed), removed, false}});
}

BOOST_AUTO_TEST_CASE(checkpoint_past_the_retry_point_recovers_a_restarted_feed) {
  check_table(feed_event::checkpoint_advanced{checkpoint + 1},
              {{"normal", status_of(normal), normal},
               {"pending", waiting(), error, false},
               {"warning", restarted(), normal},
               {"stopped", status_of(stopped), stopped, false},
               {"failed", status_of(failed), failed, false},
               {"finished", status_of(finished), finished, false},
               {"removed", status_of(removed), removed, false}});
}

BOOST_AUTO_TEST_SUITE_END()
