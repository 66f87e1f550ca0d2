// Changefeed states and admin job types, with TiCDC's wire strings.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace cdc::model {

/// TiCDC's states (cdc/model/changefeed.go) plus `error`, which the seed
/// documents and we show for a feed retrying after an error (TiCDC's
/// `pending`/`warning`; see spec/api.md "States").
enum class feed_state : std::uint8_t {
  normal,
  error,    ///< retrying after a retryable error (TiCDC: pending or warning)
  stopped,
  failed,
  finished,
  removed,
};

/// The wire string: "normal", "error", "stopped", "failed", "finished", "removed".
std::string_view to_string(feed_state s) noexcept;

/// Parses a wire string; "warning" and "pending" read as error.
std::optional<feed_state> parse_feed_state(std::string_view s) noexcept;

/// TiCDC's AdminJobType: 0 none, 1 stop, 2 resume, 3 remove, 4 finish.
enum class admin_job : std::uint8_t { none = 0, stop = 1, resume = 2, remove = 3, finish = 4 };

/// The admin job type TiCDC stores alongside a state: normal and error 0,
/// stopped and failed 1, finished 4, removed 3.
admin_job admin_job_of(feed_state s) noexcept;

/// GET /changefeeds?state=...: absent or "" lists every state but finished
/// and removed; "all" lists all; "error", "warning" and "pending" list error;
/// another wire string (case-sensitive) lists that state; anything else
/// lists nothing (api.md "States", reference 5.7).
bool matches_state_filter(feed_state s, std::optional<std::string_view> query) noexcept;

/// Whether the feed's last error is shown (`error` in list items and the
/// detail): only while it is retrying (error) or failed; in normal, stopped,
/// finished and removed it would confuse users (reference 5.8).
constexpr bool error_shown(feed_state s) noexcept {
  return s == feed_state::error || s == feed_state::failed;
}

/// Whether a feed in this state replicates (holds tables on captures).
constexpr bool is_running(feed_state s) noexcept {
  return s == feed_state::normal || s == feed_state::error;
}

} // namespace cdc::model
