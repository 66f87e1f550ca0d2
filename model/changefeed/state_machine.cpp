// Changefeed transitions (TiCDC cdc/owner/feed_state_manager.go and the
// resume checks of cdc/api/v2); one small handler per event.
#include "model/changefeed/state_machine.hpp"

#include <array>
#include <string>

namespace cdc::model {

namespace {

using enum feed_state;

constexpr std::array<std::string_view, 3> gc_fast_fail_codes{
  "CDC:ErrGCTTLExceeded", "CDC:ErrSnapshotLostByGC", "CDC:ErrStartTsBeforeGC"};

constexpr std::array<std::string_view, 12> unretryable_codes{
  "CDC:ErrInvalidFilterExpression", "CDC:ErrExpressionColumnNotFound",
  "CDC:ErrSchemaSnapshotNotFound",  "CDC:ErrSyncRenameTableFailed",
  "CDC:ErrChangefeedUnretryable",   "CDC:ErrCorruptedDataMutation",
  "CDC:ErrDispatcherFailed",        "CDC:ErrColumnSelectorFailed",
  "CDC:ErrSinkURIInvalid",          "CDC:ErrKafkaInvalidConfig",
  "CDC:ErrMySQLInvalidConfig",      "CDC:ErrStorageSinkInvalidConfig"};

// The pieces a handler decides; finish() derives the rest.
struct step {
  feed_status status;
  bool applied = true;
  feed_effects effects{};
  tso_t overwrite = 0;
};

step ignored(const feed_status& s) {
  return {s, false, {}, 0};
}

// Leaves an error episode: no back-off, no pending retry.
feed_status quiet(feed_status s, feed_state next) {
  s.state = next;
  s.retrying = false;
  s.awaiting_retry = false;
  return s;
}

api_failure not_exists(std::string_view id) {
  return fail(api_error::changefeed_not_exists, {id});
}

struct handler {
  const feed_status& cur;
  std::string_view id;

  result<step> operator()(const feed_event::create&) const {
    if (cur.state != removed)
      return fail(api_error::changefeed_already_exists, {id});
    step s{quiet(feed_status{}, normal)};
    return s;
  }

  result<step> operator()(const feed_event::pause&) const {
    if (cur.state == removed)
      return not_exists(id);
    if (!is_running(cur.state))
      return ignored(cur); // TiCDC logs and drops the job; the API still says 200
    feed_status next = cur;
    next.state = stopped;
    next.awaiting_retry = false;
    step s{next};
    return s;
  }

  result<step> operator()(const feed_event::resume& e) const {
    if (cur.state == removed)
      return not_exists(id);
    // The API checks before queueing the job, whatever the state.
    if (e.overwrite_checkpoint_ts != 0 && e.overwrite_checkpoint_ts > e.current_tso)
      return fail_with(api_error::api_invalid_param,
                       "invalid checkpoint-ts " + std::to_string(e.overwrite_checkpoint_ts)
                         + ", larger than current tso " + std::to_string(e.current_tso));
    tso_t checkpoint = e.overwrite_checkpoint_ts != 0 ? e.overwrite_checkpoint_ts : cur.checkpoint_ts;
    if (checkpoint <= e.gc_safepoint)
      return fail(api_error::start_ts_before_gc,
                  {std::to_string(checkpoint), std::to_string(e.gc_safepoint)});
    if (cur.state != stopped && cur.state != failed && cur.state != finished)
      return ignored(cur); // and the overwrite is not applied
    step s{quiet(cur, normal)};
    s.status.retry_checkpoint_ts = 0;
    s.effects.clear_error = true;
    s.effects.reset_backoff = true;
    if (e.overwrite_checkpoint_ts != 0) {
      s.status.checkpoint_ts = e.overwrite_checkpoint_ts;
      s.effects.apply_overwrite_checkpoint = true;
      s.overwrite = e.overwrite_checkpoint_ts;
    }
    return s;
  }

  result<step> operator()(const feed_event::update&) const {
    if (cur.state == removed)
      return not_exists(id);
    if (cur.state != stopped && cur.state != failed)
      return fail(api_error::changefeed_update_refused,
                  {"can only update changefeed config when it is stopped or failed"});
    step s{cur};
    s.effects.persist = true; // the new config
    return s;
  }

  result<step> operator()(const feed_event::remove&) const {
    if (cur.state == removed)
      return ignored(cur); // delete is idempotent
    step s{quiet(cur, removed)};
    s.effects.reset_backoff = cur.retrying;
    s.effects.delete_record = true;
    return s;
  }

  result<step> operator()(const feed_event::target_reached&) const {
    // TiCDC finishes from normal and warning; a feed waiting out its back-off
    // is not replicating, so it cannot have reached the target.
    if (!is_running(cur.state) || cur.awaiting_retry)
      return ignored(cur);
    step s{quiet(cur, finished)};
    s.effects.reset_backoff = cur.retrying;
    return s;
  }

  result<step> operator()(const feed_event::error& e) const {
    bool gc = is_gc_fast_fail_code(e.code);
    if (is_unretryable_error(e.code, e.message)) {
      // Stopped feeds fail only on GC errors: their checkpoint no longer
      // protects the data they would need.
      if (!(is_running(cur.state) || (cur.state == stopped && gc)))
        return ignored(cur);
      step s{quiet(cur, failed)};
      s.effects.set_error = true;
      s.effects.reset_backoff = cur.retrying;
      return s;
    }
    if (!is_running(cur.state))
      return ignored(cur); // e.g. a late error from a paused feed's processor
    step s{cur};
    s.effects.set_error = true;
    if (cur.state == error && cur.awaiting_retry)
      return s; // already waiting; keep the timer
    s.status.state = error;
    s.status.awaiting_retry = true;
    s.status.retrying = true;
    s.effects.start_backoff = !cur.retrying;
    s.effects.schedule_retry = true;
    return s;
  }

  result<step> operator()(const feed_event::backoff_elapsed&) const {
    if (cur.state != error || !cur.awaiting_retry)
      return ignored(cur);
    step s{cur};
    s.status.awaiting_retry = false;
    s.status.retry_checkpoint_ts = cur.checkpoint_ts;
    return s;
  }

  result<step> operator()(const feed_event::error_stuck&) const {
    if (cur.state != error)
      return ignored(cur);
    step s{quiet(cur, failed)};
    s.effects.reset_backoff = true;
    return s;
  }

  result<step> operator()(const feed_event::checkpoint_advanced& e) const {
    // Only a replicating feed makes progress, and checkpoints never go back.
    if (!is_running(cur.state) || cur.awaiting_retry || e.checkpoint_ts <= cur.checkpoint_ts)
      return ignored(cur);
    step s{cur};
    s.status.checkpoint_ts = e.checkpoint_ts;
    if (cur.state == error && !cur.awaiting_retry && e.checkpoint_ts > cur.retry_checkpoint_ts) {
      // Past the point where it failed: recovered.
      s.status = quiet(s.status, normal);
      s.effects.clear_error = true;
      s.effects.reset_backoff = true;
    }
    return s;
  }
};

} // namespace

bool holds_tables(const feed_status& s) noexcept {
  return s.state == feed_state::normal || (s.state == feed_state::error && !s.awaiting_retry);
}

admin_job admin_job_of(const feed_status& s) noexcept {
  if (s.state == error && s.awaiting_retry)
    return admin_job::stop;
  return admin_job_of(s.state);
}

bool is_gc_fast_fail_code(std::string_view code) noexcept {
  for (auto c : gc_fast_fail_codes)
    if (code == c)
      return true;
  return false;
}

bool is_unretryable_error(std::string_view code, std::string_view message) noexcept {
  if (is_gc_fast_fail_code(code))
    return true;
  for (auto c : unretryable_codes)
    if (code.find(c) != std::string_view::npos || message.find(c) != std::string_view::npos)
      return true;
  return false;
}

result<feed_transition> transition(const feed_status& current, const feed_event_t& event,
                                   std::string_view changefeed_id) {
  auto decided = std::visit(handler{current, changefeed_id}, event);
  if (!decided)
    return decided.error();
  feed_transition t;
  t.status = decided->status;
  t.job = admin_job_of(t.status);
  t.applied = decided->applied;
  t.effects = decided->effects;
  t.overwrite_checkpoint_ts = decided->overwrite;
  bool state_changed = t.status.state != current.state || t.job != admin_job_of(current);
  if (t.applied && !t.effects.delete_record
      && (state_changed || t.effects.apply_overwrite_checkpoint))
    t.effects.persist = true;
  return t;
}

} // namespace cdc::model
