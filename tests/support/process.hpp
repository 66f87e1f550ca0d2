// Runs the real `cdc` binary as a child process for end-to-end tests.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace cdc::test {

/// The cdc binary under test (CTest sets CDC_BINARY).
std::string cdc_binary();

/// The cdc-load binary under test (CTest sets CDC_LOAD_BINARY).
std::string cdc_load_binary();

/// How a child starts, beyond its arguments.
struct child_options {
  /// The child's RLIMIT_NOFILE (soft and hard); 0 inherits ours.
  std::uint64_t max_open_files = 0;
  /// What the child reads on stdin, then end of file; nullopt inherits ours.
  std::optional<std::string> stdin_text;
  /// Variables (`NAME=value`) set on top of the environment it inherits.
  std::vector<std::string> env;
};

class child_process {
public:
  /// Starts `program args...` with stdout and stderr captured.
  child_process(const std::string& program, const std::vector<std::string>& args, child_options opts = {});
  ~child_process();

  child_process(const child_process&) = delete;
  child_process& operator=(const child_process&) = delete;

  /// Reads stdout until a line containing `needle` appears; returns the line.
  std::optional<std::string> wait_for_line(const std::string& needle,
                                           std::chrono::milliseconds timeout = std::chrono::seconds(10));

  /// Like wait_for_line, but each call returns a line after the one the
  /// previous call returned.
  std::optional<std::string> next_line(const std::string& needle,
                                       std::chrono::milliseconds timeout = std::chrono::seconds(10));

  void signal(int sig);
  /// Waits for the exit; returns the exit status (128+signal when killed), or
  /// nullopt on timeout.
  std::optional<int> wait(std::chrono::milliseconds timeout = std::chrono::seconds(15));

  /// Everything the child wrote to stdout so far.
  std::string out() const;
  /// Everything the child wrote to stderr so far; once it exited, all of it.
  std::string err();

  pid_t pid() const { return pid_; }

private:
  std::optional<std::string> next_line(const std::string& needle, std::size_t& scanned,
                                       std::chrono::milliseconds timeout);

  /// Waits (bounded) until the child's stderr reached its end.
  void wait_for_err_end(std::chrono::milliseconds timeout);

  /// What a thread reads from the child's stdout and stderr while it runs:
  /// a chatty child never blocks on a full pipe, whenever the test reads.
  struct output;

  pid_t pid_ = -1;
  std::size_t next_line_ = 0;
  std::shared_ptr<output> output_;
  /// Written to stop the reader before the child's pipes reach their end.
  int stop_fd_ = -1;
  int stop_read_fd_ = -1;
  std::thread reader_;
  std::optional<int> status_;
};

/// Runs a command to completion and returns (exit status, stdout + stderr).
std::pair<int, std::string> run_command(const std::string& program, const std::vector<std::string>& args);

/// `cdc server` arguments for tests: free ports, warnings only, `data_dir`.
std::vector<std::string> server_args(const std::string& data_dir, std::size_t captures = 1);

/// The addresses a started server printed ("cdc server listening on ADDR ...").
/// A server waits up to 10 s for an owner before it listens; this waits longer.
std::vector<std::string> listening_addresses(child_process& p, std::size_t captures);

} // namespace cdc::test
