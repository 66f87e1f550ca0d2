// Changefeed state names, list filtering and admin job types (see state.hpp).
#include "model/changefeed/state.hpp"

#include <array>

namespace cdc::model {

namespace {

constexpr std::array<std::string_view, 6> names{"normal", "error", "stopped",
                                                "failed", "finished", "removed"};

} // namespace

std::string_view to_string(feed_state s) noexcept {
  return names[static_cast<std::size_t>(s)];
}

std::optional<feed_state> parse_feed_state(std::string_view s) noexcept {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == s)
      return static_cast<feed_state>(i);
  if (s == "warning" || s == "pending")
    return feed_state::error;
  return std::nullopt;
}

bool matches_state_filter(feed_state s, std::optional<std::string_view> query) noexcept {
  if (!query || query->empty())
    return s != feed_state::finished && s != feed_state::removed;
  if (*query == "all")
    return true;
  // Exact wire strings only: TiCDC compares case-sensitively, and unknown
  // values match nothing rather than failing the request.
  auto wanted = parse_feed_state(*query);
  return wanted && *wanted == s;
}

admin_job admin_job_of(feed_state s) noexcept {
  switch (s) {
    case feed_state::stopped:
    case feed_state::failed: return admin_job::stop;
    case feed_state::finished: return admin_job::finish;
    case feed_state::removed: return admin_job::remove;
    default: return admin_job::none;
  }
}

} // namespace cdc::model
