// A full disk for SQLite, made to order: an SQLite VFS shim (default while
// it lives) with `free_bytes` of room. A write that grows a file takes room
// and fails with SQLITE_FULL when there is not enough, as on a real full file
// system, where overwriting blocks a file already has still succeeds;
// truncating or deleting a file gives its room back.
#pragma once

#include <atomic>
#include <cstdint>

#include "tests/support/shim_vfs.hpp"

namespace cdc::test {

class small_disk_vfs : shim_vfs {
public:
  explicit small_disk_vfs(std::int64_t free) : shim_vfs("cdc-small-disk", make_hooks()) { free_bytes = free; }

  /// Room left; a test sets it to 0 to fill the disk.
  static inline std::atomic<std::int64_t> free_bytes{0};

private:
  static hooks make_hooks() {
    hooks h;
    h.write = [](int n, sqlite3_int64 offset, sqlite3_int64 size) {
      auto growth = offset + n - size;
      if (growth <= 0)
        return SQLITE_OK;
      if (free_bytes.fetch_sub(growth) < growth) {
        free_bytes += growth;
        return SQLITE_FULL;
      }
      return SQLITE_OK;
    };
    h.truncated = [](sqlite3_int64 from, sqlite3_int64 to) { free_bytes += from - to; };
    h.deleted = [](sqlite3_int64 size) { free_bytes += size; };
    return h;
  }
};

} // namespace cdc::test
