// Keeps test output readable: only warnings and errors from the server code.
#pragma once

#include <spdlog/spdlog.h>

namespace cdc::test {

struct quiet_logs {
  quiet_logs() { spdlog::set_level(spdlog::level::warn); }
};

} // namespace cdc::test
