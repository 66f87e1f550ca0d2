// An SQLite VFS shim that counts fsyncs of WAL files: while a counting_vfs
// lives it is SQLite's default VFS, so a test can see how many syncs a
// commit (or a group commit) cost. Everything else goes to the real VFS.
#pragma once

#include <atomic>

#include "tests/support/shim_vfs.hpp"

namespace cdc::test {

class counting_vfs : shim_vfs {
public:
  counting_vfs() : shim_vfs("cdc-counting", make_hooks()) { wal_syncs = 0; }

  /// fsyncs of WAL files since construction (or the last reset).
  static inline std::atomic<int> wal_syncs{0};

private:
  static hooks make_hooks() {
    hooks h;
    h.synced = [](bool wal) {
      if (wal)
        ++wal_syncs;
    };
    return h;
  }
};

} // namespace cdc::test
