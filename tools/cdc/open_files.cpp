#include "tools/cdc/open_files.hpp"

#include <sys/resource.h>

namespace cdc::tool {

namespace {

/// Descriptors kept for everything but API connections.
constexpr std::uint64_t reserved_descriptors = 512;

} // namespace

std::uint64_t raise_open_files_limit() {
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) != 0)
    return 1024;
  if (lim.rlim_cur < lim.rlim_max) {
    rlimit raised{lim.rlim_max, lim.rlim_max};
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
      lim = raised;
  }
  return lim.rlim_cur == RLIM_INFINITY ? UINT64_MAX : static_cast<std::uint64_t>(lim.rlim_cur);
}

bool holds_connections(std::uint64_t open_files, std::uint64_t connections) {
  return open_files >= reserved_descriptors && open_files - reserved_descriptors >= connections;
}

} // namespace cdc::tool
