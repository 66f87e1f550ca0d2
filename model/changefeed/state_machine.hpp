// The changefeed lifecycle as a pure transition function: (status, event) ->
// new status plus the side effects its changefeed actor must carry out, or a
// refusal. (Whether the feed holds tables follows from its state: the actor
// tells the owner when that changes.)
// Follows TiCDC's feed state manager (reference 5.4), with `error` standing
// for TiCDC's pending (waiting out the back-off) and warning (restarted).
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "model/changefeed/state.hpp"
#include "model/result.hpp"
#include "model/tso.hpp"

namespace cdc::model {

/// What a changefeed actor keeps about its feed that transitions depend on.
struct feed_status {
  feed_state state = feed_state::normal;
  tso_t checkpoint_ts = 0;
  /// In an error episode: set by the first error, cleared when the feed gets
  /// past it or is resumed (TiCDC's isRetrying; the back-off restarts only
  /// at the start of an episode).
  bool retrying = false;
  /// In `error` and waiting out the back-off (TiCDC pending); false in
  /// `error` once restarted (TiCDC warning).
  bool awaiting_retry = false;
  /// The checkpoint when the feed was last restarted after an error; getting
  /// past it means the error is behind us.
  tso_t retry_checkpoint_ts = 0;

  friend bool operator==(const feed_status&, const feed_status&) = default;
};

/// Whether a feed with this status replicates, so its tables belong on
/// captures: normal, or restarted after an error (TiCDC's warning).
bool holds_tables(const feed_status& s) noexcept;

/// The admin job type stored with this status: admin_job_of(state), except
/// that a feed waiting out its back-off stores stop, as TiCDC's pending does.
admin_job admin_job_of(const feed_status& s) noexcept;

/// Events the owner feeds into the transition function.
namespace feed_event {
struct create {};                 ///< API create (the feed did not exist: status state removed)
struct pause {};                  ///< API pause (AdminStop)
struct resume {                   ///< API resume (AdminResume)
  tso_t overwrite_checkpoint_ts = 0; ///< 0 keeps the checkpoint
  tso_t current_tso = 0;          ///< PD's TSO now: the overwrite may not be later
  tso_t gc_safepoint = 0;         ///< the checkpoint must be above it
};
struct update {};                 ///< API update (config change)
struct remove {};                 ///< API delete (AdminRemove)
struct target_reached {};         ///< the checkpoint reached target_ts (AdminFinish)
struct error {                    ///< a runtime error from a processor, sink or the owner
  std::string code;               ///< e.g. "CDC:ErrKafkaNewProducer"
  std::string message;
};
struct backoff_elapsed {};        ///< the retry timer fired
struct error_stuck {};            ///< the error episode outlasted changefeed_error_stuck_duration
struct checkpoint_advanced {      ///< the feed's checkpoint moved
  tso_t checkpoint_ts = 0;
};
} // namespace feed_event

using feed_event_t =
  std::variant<feed_event::create, feed_event::pause, feed_event::resume, feed_event::update,
               feed_event::remove, feed_event::target_reached, feed_event::error,
               feed_event::backoff_elapsed, feed_event::error_stuck, feed_event::checkpoint_advanced>;

/// What the changefeed actor must do besides keeping the new status.
struct feed_effects {
  bool set_error = false;       ///< record the event's error (code, message, time) as the feed's error
  bool clear_error = false;     ///< forget the recorded error
  bool start_backoff = false;   ///< a new error episode: backoff::reset(now)
  bool reset_backoff = false;   ///< the episode is over (resumed or recovered)
  bool schedule_retry = false;  ///< backoff::next(now, rnd): arm the retry timer, or send error_stuck on nullopt
  bool apply_overwrite_checkpoint = false; ///< start_ts and checkpoint_ts := overwrite_checkpoint_ts
  bool delete_record = false;   ///< delete info and status durably, release the GC safepoint
  bool persist = false;         ///< state or admin job changed: store info/status durably

  friend bool operator==(const feed_effects&, const feed_effects&) = default;
};

struct feed_transition {
  feed_status status;           ///< the status after the event
  admin_job job = admin_job::none; ///< admin_job_of(status)
  bool applied = false;         ///< false: ignored in this state (the API still answers 200)
  feed_effects effects;
  tso_t overwrite_checkpoint_ts = 0; ///< with effects.apply_overwrite_checkpoint
};

/// GC fast-fail codes: the feed fails even when stopped, and stops blocking GC.
bool is_gc_fast_fail_code(std::string_view code) noexcept;

/// Whether an error fails the feed at once instead of being retried: a GC
/// fast-fail code, or code/message mentioning one of TiCDC's unretryable
/// codes (reference 5.4).
bool is_unretryable_error(std::string_view code, std::string_view message) noexcept;

/// The transition for `event` from `current`. Refusals: create of an existing
/// feed (500 CDC:ErrChangeFeedAlreadyExists); pause, resume or update of a
/// removed one (400 CDC:ErrChangeFeedNotExists); update outside stopped and
/// failed (400 CDC:ErrChangefeedUpdateRefused); resume with an overwrite
/// later than current_tso (400 CDC:ErrAPIInvalidParam) or a checkpoint at or
/// below the GC safepoint (400 CDC:ErrStartTsBeforeGC). `changefeed_id`
/// only fills messages.
result<feed_transition> transition(const feed_status& current, const feed_event_t& event,
                                   std::string_view changefeed_id = {});

} // namespace cdc::model
