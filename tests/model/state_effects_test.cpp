// Side effects and refusals of changefeed transitions (reference 5.4, 5.5).
#include <boost/test/unit_test.hpp>

#include "model/changefeed/state_machine.hpp"

using namespace cdc::model;
using enum feed_state;

namespace {

constexpr tso_t tso_now = tso_t{1} << 40;

feed_transition step(const feed_status& s, const feed_event_t& e) {
  return transition(s, e, "cf-1").value();
}

feed_status at(feed_state s, tso_t checkpoint = 100) {
  return {s, checkpoint, false, false, 0};
}

} // namespace

BOOST_AUTO_TEST_SUITE(state_effects)

BOOST_AUTO_TEST_CASE(create_starts_tables_and_persists) {
  auto t = step(at(removed), feed_event::create{});
  BOOST_TEST(holds_tables(t.status));
  BOOST_TEST(t.effects.persist);
  BOOST_TEST((t.job == admin_job::none));
}

BOOST_AUTO_TEST_CASE(create_of_an_existing_feed_names_it) {
  auto t = transition(at(stopped), feed_event::create{}, "cf-1");
  BOOST_REQUIRE(t.has_error());
  BOOST_TEST(t.error().message == "changefeed already exists, cf-1");
}

BOOST_AUTO_TEST_CASE(pause_releases_tables_and_stores_admin_job_stop) {
  auto t = step(at(normal), feed_event::pause{});
  BOOST_TEST(!holds_tables(t.status));
  BOOST_TEST(t.effects.persist);
  BOOST_TEST((t.job == admin_job::stop));
}

BOOST_AUTO_TEST_CASE(ignored_pause_changes_nothing) {
  auto t = step(at(finished), feed_event::pause{});
  BOOST_TEST(!t.applied);
  BOOST_TEST((t.effects == feed_effects{}));
}

BOOST_AUTO_TEST_CASE(pause_of_a_removed_feed_is_not_found) {
  auto t = transition(at(removed), feed_event::pause{}, "cf-1");
  BOOST_REQUIRE(t.has_error());
  BOOST_TEST((t.error().kind == api_error::changefeed_not_exists));
  BOOST_TEST(t.error().message == "changefeed not exists, cf-1");
}

BOOST_AUTO_TEST_CASE(resume_clears_the_error_and_resets_the_backoff) {
  feed_status s = at(failed);
  s.retrying = true;
  auto t = step(s, feed_event::resume{0, tso_now, 50});
  BOOST_TEST(t.effects.clear_error);
  BOOST_TEST(t.effects.reset_backoff);
  BOOST_TEST(holds_tables(t.status));
  BOOST_TEST(!t.status.retrying);
  BOOST_TEST(!t.effects.apply_overwrite_checkpoint);
  BOOST_TEST(t.status.checkpoint_ts == 100u);
}

BOOST_AUTO_TEST_CASE(resume_with_overwrite_moves_start_and_checkpoint) {
  auto t = step(at(stopped), feed_event::resume{5000, tso_now, 50});
  BOOST_TEST(t.effects.apply_overwrite_checkpoint);
  BOOST_TEST(t.overwrite_checkpoint_ts == 5000u);
  BOOST_TEST(t.status.checkpoint_ts == 5000u);
  BOOST_TEST(t.effects.persist);
}

BOOST_AUTO_TEST_CASE(resume_overwrite_may_move_the_checkpoint_back) {
  auto t = step(at(stopped, 9000), feed_event::resume{5000, tso_now, 50});
  BOOST_TEST(t.status.checkpoint_ts == 5000u);
}

BOOST_AUTO_TEST_CASE(resume_overwrite_later_than_the_current_tso_is_refused) {
  auto t = transition(at(stopped), feed_event::resume{2000, 1000, 50});
  BOOST_REQUIRE(t.has_error());
  BOOST_TEST((t.error().kind == api_error::api_invalid_param));
  BOOST_TEST(t.error().message == "invalid checkpoint-ts 2000, larger than current tso 1000");
  BOOST_TEST(http_status_of(t.error().kind) == 400u);
}

BOOST_AUTO_TEST_CASE(resume_overwrite_at_the_gc_safepoint_is_refused) {
  auto t = transition(at(stopped), feed_event::resume{500, tso_now, 500});
  BOOST_REQUIRE(t.has_error());
  BOOST_TEST((t.error().kind == api_error::start_ts_before_gc));
  BOOST_TEST(t.error().message
             == "fail to create or maintain changefeed because start-ts 500 is earlier than or equal to "
                "GC safepoint at 500");
}

BOOST_AUTO_TEST_CASE(resume_without_overwrite_checks_the_current_checkpoint_against_gc) {
  BOOST_TEST(transition(at(failed, 100), feed_event::resume{0, tso_now, 200}).has_error());
  BOOST_TEST(transition(at(failed, 300), feed_event::resume{0, tso_now, 200}).has_value());
}

BOOST_AUTO_TEST_CASE(gc_failed_feed_resumes_only_with_an_overwrite_above_the_safepoint) {
  auto failed_by_gc = step(at(normal, 100), feed_event::error{"CDC:ErrGCTTLExceeded", "lagging"});
  BOOST_TEST(to_string(failed_by_gc.status.state) == "failed");
  BOOST_TEST(transition(failed_by_gc.status, feed_event::resume{0, tso_now, 150}).has_error());
  BOOST_TEST(transition(failed_by_gc.status, feed_event::resume{200, tso_now, 150}).has_value());
}

BOOST_AUTO_TEST_CASE(resume_of_a_running_feed_ignores_the_overwrite) {
  auto t = step(at(normal), feed_event::resume{5000, tso_now, 50});
  BOOST_TEST(!t.applied);
  BOOST_TEST(!t.effects.apply_overwrite_checkpoint);
  BOOST_TEST(t.status.checkpoint_ts == 100u);
}

BOOST_AUTO_TEST_CASE(update_refusal_says_when_updates_are_allowed) {
  auto t = transition(at(normal), feed_event::update{});
  BOOST_REQUIRE(t.has_error());
  BOOST_TEST(full_message(t.error())
             == "[CDC:ErrChangefeedUpdateRefused]changefeed update error: can only update changefeed "
                "config when it is stopped or failed");
}

BOOST_AUTO_TEST_CASE(update_of_a_stopped_feed_persists_without_changing_state) {
  auto t = step(at(stopped), feed_event::update{});
  BOOST_TEST(t.applied);
  BOOST_TEST(t.effects.persist);
  BOOST_TEST(!holds_tables(t.status));
}

BOOST_AUTO_TEST_CASE(remove_deletes_the_record_instead_of_persisting) {
  auto t = step(at(normal), feed_event::remove{});
  BOOST_TEST(t.effects.delete_record);
  BOOST_TEST(!holds_tables(t.status));
  BOOST_TEST(!t.effects.persist);
  BOOST_TEST((t.job == admin_job::remove));
}

BOOST_AUTO_TEST_CASE(finishing_stops_replication) {
  auto t = step(at(normal), feed_event::target_reached{});
  BOOST_TEST(!holds_tables(t.status));
  BOOST_TEST((t.job == admin_job::finish));
}

BOOST_AUTO_TEST_CASE(first_error_starts_a_backoff_episode) {
  auto t = step(at(normal), feed_event::error{"CDC:ErrKafkaNewProducer", "down"});
  BOOST_TEST(t.effects.set_error);
  BOOST_TEST(!holds_tables(t.status));
  BOOST_TEST(t.effects.start_backoff);
  BOOST_TEST(t.effects.schedule_retry);
  BOOST_TEST(t.status.retrying);
  BOOST_TEST(t.status.awaiting_retry);
}

BOOST_AUTO_TEST_CASE(waiting_feed_stores_admin_job_stop_like_ticdc_pending) {
  auto t = step(at(normal), feed_event::error{"CDC:ErrKafkaNewProducer", "down"});
  BOOST_TEST((t.job == admin_job::stop));
  auto retried = step(t.status, feed_event::backoff_elapsed{});
  BOOST_TEST((retried.job == admin_job::none));
}

BOOST_AUTO_TEST_CASE(error_after_a_restart_continues_the_episode) {
  feed_status restarted{error, 100, true, false, 100};
  auto t = step(restarted, feed_event::error{"CDC:ErrKafkaNewProducer", "down again"});
  BOOST_TEST(!t.effects.start_backoff);
  BOOST_TEST(t.effects.schedule_retry);
  BOOST_TEST(t.status.awaiting_retry);
}

BOOST_AUTO_TEST_CASE(error_while_waiting_is_recorded_without_rearming_the_timer) {
  feed_status waiting{error, 100, true, true, 0};
  auto t = step(waiting, feed_event::error{"CDC:ErrOwnerUnknown", "x"});
  BOOST_TEST(t.effects.set_error);
  BOOST_TEST(!t.effects.schedule_retry);
  BOOST_TEST(!t.effects.persist);
}

BOOST_AUTO_TEST_CASE(error_while_stopped_is_ignored) {
  auto t = step(at(stopped), feed_event::error{"CDC:ErrKafkaNewProducer", "late"});
  BOOST_TEST(!t.applied);
  BOOST_TEST(!t.effects.set_error);
}

BOOST_AUTO_TEST_CASE(elapsed_backoff_restarts_and_remembers_the_checkpoint) {
  feed_status waiting{error, 777, true, true, 0};
  auto t = step(waiting, feed_event::backoff_elapsed{});
  BOOST_TEST(holds_tables(t.status));
  BOOST_TEST(!t.status.awaiting_retry);
  BOOST_TEST(t.status.retry_checkpoint_ts == 777u);
  BOOST_TEST(t.status.retrying);
}

BOOST_AUTO_TEST_CASE(checkpoint_short_of_the_retry_point_keeps_the_error) {
  feed_status restarted{error, 100, true, false, 150};
  auto t = step(restarted, feed_event::checkpoint_advanced{120});
  BOOST_TEST(to_string(t.status.state) == "error");
  BOOST_TEST(t.status.checkpoint_ts == 120u);
  BOOST_TEST(!t.effects.clear_error);
}

BOOST_AUTO_TEST_CASE(recovery_clears_the_error_and_ends_the_episode) {
  feed_status restarted{error, 100, true, false, 100};
  auto t = step(restarted, feed_event::checkpoint_advanced{101});
  BOOST_TEST(t.effects.clear_error);
  BOOST_TEST(t.effects.reset_backoff);
  BOOST_TEST(!t.status.retrying);
  BOOST_TEST(t.effects.persist);
}

BOOST_AUTO_TEST_CASE(checkpoint_never_goes_backwards) {
  auto t = step(at(normal, 100), feed_event::checkpoint_advanced{90});
  BOOST_TEST(!t.applied);
  BOOST_TEST(t.status.checkpoint_ts == 100u);
}

BOOST_AUTO_TEST_CASE(stuck_error_fails_the_feed_and_keeps_its_error) {
  feed_status waiting{error, 100, true, true, 0};
  auto t = step(waiting, feed_event::error_stuck{});
  BOOST_TEST(to_string(t.status.state) == "failed");
  BOOST_TEST(!t.effects.clear_error);
  BOOST_TEST(!t.effects.set_error);
  BOOST_TEST(t.effects.reset_backoff);
  BOOST_TEST((t.job == admin_job::stop));
}

BOOST_AUTO_TEST_CASE(unretryable_codes_are_found_in_code_or_message) {
  BOOST_TEST(is_unretryable_error("CDC:ErrMySQLInvalidConfig", ""));
  BOOST_TEST(is_unretryable_error("CDC:ErrOwnerUnknown", "[CDC:ErrDispatcherFailed]bad rule"));
  BOOST_TEST(is_unretryable_error("CDC:ErrStartTsBeforeGC", ""));
  BOOST_TEST(!is_unretryable_error("CDC:ErrKafkaNewProducer", "connection refused"));
  BOOST_TEST(!is_unretryable_error("CDC:ErrMySQLConnectionError", ""));
}

BOOST_AUTO_TEST_CASE(gc_fast_fail_codes_are_the_three_gc_errors) {
  BOOST_TEST(is_gc_fast_fail_code("CDC:ErrGCTTLExceeded"));
  BOOST_TEST(is_gc_fast_fail_code("CDC:ErrSnapshotLostByGC"));
  BOOST_TEST(is_gc_fast_fail_code("CDC:ErrStartTsBeforeGC"));
  BOOST_TEST(!is_gc_fast_fail_code("CDC:ErrSinkURIInvalid"));
}

BOOST_AUTO_TEST_CASE(error_then_retry_then_progress_returns_to_normal) {
  feed_status s = at(normal, 100);
  s = step(s, feed_event::error{"CDC:ErrKafkaNewProducer", "down"}).status;
  s = step(s, feed_event::backoff_elapsed{}).status;
  BOOST_TEST(to_string(s.state) == "error");
  s = step(s, feed_event::checkpoint_advanced{100}).status; // not past the retry point
  BOOST_TEST(to_string(s.state) == "error");
  s = step(s, feed_event::checkpoint_advanced{150}).status;
  BOOST_TEST(to_string(s.state) == "normal");
  BOOST_TEST(!s.retrying);
}

BOOST_AUTO_TEST_CASE(pause_then_resume_keeps_the_checkpoint) {
  feed_status s = step(at(normal, 4242), feed_event::pause{}).status;
  s = step(s, feed_event::resume{0, tso_now, 10}).status;
  BOOST_TEST(to_string(s.state) == "normal");
  BOOST_TEST(s.checkpoint_ts == 4242u);
}

BOOST_AUTO_TEST_SUITE_END()
