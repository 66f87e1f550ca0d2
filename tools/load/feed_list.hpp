// The changefeeds a server lists (GET /api/v2/changefeeds?state=all): what
// the setup needs to know which feeds to make, and what verify compares
// the history with.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace cdc::load {

/// The path that lists every changefeed whatever its state.
inline constexpr const char* list_all_target = "/api/v2/changefeeds?state=all";

/// Feed ID -> state from a list body (`{"total":N,"items":[{"id":..,"state":..},..]}`);
/// nullopt when the body is not such a list.
std::optional<std::map<std::string, std::string>> parse_feed_list(std::string_view body);

} // namespace cdc::load
