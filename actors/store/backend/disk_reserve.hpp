// Room kept on the data dir's disk for the writes that free space: a file of
// fixed size that the store gives up when SQLite reports the disk full, so a
// remove or a pause still commits (and a full WAL can be checkpointed), and
// makes again once there is room. It is written and deleted through SQLite's
// default VFS, like the store's own files, so it lands on the same disk and
// is counted the same way (a test's VFS sees it too).
#pragma once

#include <cstdint>
#include <filesystem>

namespace cdc::store {

class disk_reserve {
public:
  disk_reserve(std::filesystem::path file, std::uint64_t bytes) : file_(std::move(file)), bytes_(bytes) {}

  bool held() const noexcept { return held_; }

  /// Deletes the file; true when it was held (and its room is now free).
  bool release();

  /// Makes the file (again) unless it is held; false when the disk has no
  /// room for it. It asks the file system for its free room first, so on a
  /// full disk an attempt writes nothing.
  bool restore();

private:
  std::filesystem::path file_;
  std::uint64_t bytes_;
  bool held_ = false;
};

} // namespace cdc::store
