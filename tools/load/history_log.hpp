// Where a run's history lines go: one file shared by every connection,
// appended under a lock into a buffer that is written out in large pieces,
// so recording a step costs a format and a copy, not a system call.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

#include "tools/load/history.hpp"

namespace cdc::load {

class history_log {
public:
  /// Truncates `path`; check `ok()`.
  explicit history_log(const std::string& path);
  ~history_log();

  history_log(const history_log&) = delete;
  history_log& operator=(const history_log&) = delete;

  bool ok() const noexcept { return file_ != nullptr; }
  void append(const history_entry& e);
  /// Writes out what is buffered; false when the file could not take it.
  bool flush();

private:
  std::mutex lock_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  bool failed_ = false;
};

} // namespace cdc::load
