// The acknowledged history of a churn run and what it implies: one JSON
// line per churn step sent (and per feed state seen before the run), and
// the check that the server's final list lost none of the acknowledged
// steps. Pure: the runner writes the lines, `cdc-load verify` reads them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdc::load {

/// What the client knows about one request after its answer.
enum class ack : std::uint8_t {
  ok,      ///< 2xx: applied
  refused, ///< a definite refusal: nothing was applied
  unknown, ///< 5xx, timeout or broken connection: maybe applied, maybe not
};

std::string_view to_string(ack a) noexcept;
std::optional<ack> ack_from(std::string_view name) noexcept;

/// 2xx ok; 4xx refused; 5xx unknown, except TiCDC's 500 for a create of a
/// feed that exists (ErrChangeFeedAlreadyExists), which is a refusal too;
/// status 0 (no answer) unknown.
ack classify(unsigned status, std::string_view error_code) noexcept;

/// What a history line records: a churn step, or `seen`, the state the
/// run's setup listed before it started (so a rerun on old feeds knows
/// where each one began).
enum class feed_op : std::uint8_t { seen, create, pause, update, resume, remove };

std::string_view to_string(feed_op o) noexcept;
std::optional<feed_op> feed_op_from(std::string_view name) noexcept;

struct history_entry {
  std::string feed;
  feed_op what = feed_op::seen;
  ack outcome = ack::ok;
  unsigned status = 0;     ///< HTTP status; 0 when there was no answer
  std::string error_code;  ///< TiCDC's error_code, or why there was no answer
  std::string node;        ///< HOST:PORT the request went to
  std::string state;       ///< seen: the listed state ("" when absent)
  /// Order: setup before run; within a phase a feed belongs to one
  /// connection, whose `seq` counts its requests.
  bool setup = false;
  std::uint64_t conn = 0;
  std::uint64_t seq = 0;
  /// When the answer came (Unix ms): what happened before and after an
  /// event such as a node's death can be told apart.
  std::int64_t at_ms = 0;
  std::string line; ///< the line as read (for reports)
};

/// One line of JSON, without the newline.
std::string format_line(const history_entry& e);
/// Parses one line; nullopt with `error` set when it is not a history line.
std::optional<history_entry> parse_line(std::string_view line, std::string& error);

/// The states the model tells apart. The server's `error` (a retrying
/// feed the user did not stop) counts as normal, `failed` as stopped:
/// that is what pause, update and resume accept them as.
enum class presence : std::uint8_t { absent = 1, normal = 2, stopped = 4 };
using presence_set = std::uint8_t;
inline constexpr presence_set any_presence = 7;

/// "{normal,stopped}".
std::string to_string(presence_set s);
/// A listed state ("" for not listed); nullopt for one outside the model
/// (finished, removed, or an unknown string).
std::optional<presence> presence_of(std::string_view listed_state) noexcept;

/// A step of one feed against the states it may be in.
struct step_result {
  presence_set after = any_presence;
  /// A definite answer that no state in the set explains: an ok that
  /// cannot happen from any of them (a warning), or a refusal as absent
  /// while the feed surely exists, or as existing while surely absent (a
  /// lost acknowledged write, so a violation).
  std::string warning;
  std::string violation;
};

step_result apply(presence_set before, const history_entry& e);

struct feed_problem {
  std::string feed;
  std::string what;
  std::vector<std::string> last_lines; ///< the feed's history up to the problem
};

struct verify_report {
  std::size_t feeds = 0;
  std::size_t ok = 0, refused = 0, unknown = 0;
  std::vector<feed_problem> violations;
  std::vector<feed_problem> warnings;
};

/// Replays each feed's history in order and compares the result with
/// `listed` (feed ID -> state, as GET /changefeeds?state=all lists it).
verify_report verify(std::vector<history_entry> history, const std::map<std::string, std::string>& listed,
                     std::size_t lines_shown = 6);

/// "verify: 60 feeds, 1,234 steps (1,100 ok, 100 refused, 34 unknown): no acknowledged step lost".
std::string format_summary(const verify_report& r);

} // namespace cdc::load
