// Starting a test's private servers (MariaDB, etcd): finding their programs,
// running them with their output in a log file, and a free loopback port.
// A missing program is an error naming the package, never a skip.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <filesystem>
#include <string>
#include <vector>

namespace cdc::test {

/// The full path of `name` in the system directories or PATH; throws
/// "<name> not found: install <package> (scripts/deps.sh does)".
std::string find_program(const std::string& name, const std::string& package);

/// In a child just forked from `parent`: the kernel kills it when the test
/// process ends, however it ends (a crash, an abort, ctest's SIGKILL at a
/// timeout), so no server a test started outlives it.
void die_with_test(pid_t parent);

/// fork + exec with stdout and stderr appended to `log`; returns the pid.
pid_t spawn_logged(const std::string& program, const std::vector<std::string>& args, const std::filesystem::path& log);

/// SIGKILL (no shutdown, as a crash) and reap; `pid` becomes -1. Nothing
/// when it is not positive.
void kill_and_reap(pid_t& pid);

/// Waits until `answers()` is true, polling every `poll`. Throws with
/// `log()` when the process exits first ("<name> exited at start") or
/// `within` passes (after killing it); `pid` becomes -1 either way.
void wait_until_answering(pid_t& pid, const std::string& name, std::chrono::seconds within,
                          std::chrono::milliseconds poll, const std::function<bool()>& answers,
                          const std::function<std::string()>& log);

/// A TCP port on 127.0.0.1 that was free a moment ago.
std::uint16_t free_port();

} // namespace cdc::test
