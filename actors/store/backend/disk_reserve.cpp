// The store's reserve of disk room; see disk_reserve.hpp.
#include "actors/store/backend/disk_reserve.hpp"

#include <sys/stat.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <vector>

#include <sqlite3.h>

namespace cdc::store {

namespace {

/// One file of the default VFS, closed at scope end.
class vfs_file {
public:
  explicit vfs_file(sqlite3_vfs* vfs)
    : vfs_(vfs), mem_(new std::max_align_t[(vfs->szOsFile + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t)]) {
    file()->pMethods = nullptr;
  }
  ~vfs_file() {
    if (file()->pMethods)
      file()->pMethods->xClose(file());
  }

  sqlite3_file* file() { return reinterpret_cast<sqlite3_file*>(mem_.get()); }

  /// A plain file SQLite keeps no state about (a super-journal, as far as
  /// the VFS knows), created if missing.
  bool open(const char* path) {
    file()->pMethods = nullptr;
    int out = 0;
    return vfs_->xOpen(vfs_, path, file(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_SUPER_JOURNAL,
                       &out)
           == SQLITE_OK;
  }

  bool fill(std::uint64_t bytes) {
    // Real zeros, not a hole: the blocks must be allocated now.
    std::vector<char> zeros(64 * 1024, 0);
    for (std::uint64_t at = 0; at < bytes; at += zeros.size()) {
      auto n = static_cast<int>(std::min<std::uint64_t>(zeros.size(), bytes - at));
      if (file()->pMethods->xWrite(file(), zeros.data(), n, static_cast<sqlite3_int64>(at)) != SQLITE_OK)
        return false;
    }
    return file()->pMethods->xSync(file(), SQLITE_SYNC_NORMAL) == SQLITE_OK;
  }

private:
  sqlite3_vfs* vfs_;
  std::unique_ptr<std::max_align_t[]> mem_;
};

} // namespace

bool disk_reserve::release() {
  if (!held_)
    return false;
  auto* vfs = sqlite3_vfs_find(nullptr);
  held_ = false;
  return vfs->xDelete(vfs, file_.c_str(), 0) == SQLITE_OK;
}

bool disk_reserve::restore() {
  if (held_)
    return true;
  // A reserve an earlier run left is taken over as it is.
  struct stat st {};
  std::uint64_t have = ::stat(file_.c_str(), &st) == 0 ? static_cast<std::uint64_t>(st.st_blocks) * 512 : 0;
  if (have >= bytes_) {
    held_ = true;
    return true;
  }
  struct statvfs fs {};
  if (::statvfs(file_.parent_path().c_str(), &fs) == 0
      && static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize < bytes_ - have)
    return false;
  auto* vfs = sqlite3_vfs_find(nullptr);
  bool ok = false;
  {
    vfs_file f{vfs};
    ok = f.open(file_.c_str()) && f.fill(bytes_);
  }
  if (!ok) {
    vfs->xDelete(vfs, file_.c_str(), 0);
    return false;
  }
  ::chmod(file_.c_str(), 0600);
  held_ = true;
  return true;
}

} // namespace cdc::store
