// TiCDC's `tz` server option: the zone the server shows local times in
// (checkpoint_time and the like are formatted with the C library's local
// time, so the zone is the process's TZ).
#pragma once

#include <string>

namespace cdc::tool {

/// "System" (TiCDC's default) and "" keep the process's zone; "Local" and
/// "UTC" are Go's names; anything else must be in the time zone database.
bool is_known_time_zone(const std::string& name);

/// Makes `name` the process's local zone. Call before any thread starts:
/// setenv is not safe while others read the environment.
void use_time_zone(const std::string& name);

} // namespace cdc::tool
