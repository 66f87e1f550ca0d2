#include "tools/cdc/time_zone.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace cdc::tool {

namespace {

bool keeps_process_zone(const std::string& name) { return name.empty() || name == "System" || name == "Local"; }

/// Where the C library will look for the zone (TZDIR first).
std::filesystem::path zone_dir() {
  if (const char* dir = std::getenv("TZDIR"); dir && *dir)
    return dir;
  return "/usr/share/zoneinfo";
}

} // namespace

bool is_known_time_zone(const std::string& name) {
  if (keeps_process_zone(name) || name == "UTC")
    return true;
  // A name, not a path: no way out of the zone directory.
  if (name.front() == '/' || name.find("..") != std::string::npos)
    return false;
  std::error_code ec;
  return std::filesystem::is_regular_file(zone_dir() / name, ec);
}

void use_time_zone(const std::string& name) {
  if (keeps_process_zone(name))
    return;
  setenv("TZ", name.c_str(), 1);
  tzset();
}

} // namespace cdc::tool
