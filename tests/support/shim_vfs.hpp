// An SQLite VFS that hands every call to the real default VFS, with hooks a
// test uses to watch or refuse file I/O (counting_vfs.hpp, small_disk_vfs.hpp).
// While it lives it is SQLite's default VFS. One at a time: SQLite's
// callbacks are plain functions, so the hooks are static.
#pragma once

#include <sys/stat.h>

#include <functional>

#include <sqlite3.h>

namespace cdc::test {

class shim_vfs {
public:
  struct hooks {
    /// Before a write; `size` is the file's size before it. SQLITE_OK lets it
    /// through; any other code is what the write returns instead.
    std::function<int(int n, sqlite3_int64 offset, sqlite3_int64 size)> write;
    /// After a successful fsync of a WAL file (`wal`) or another file.
    std::function<void(bool wal)> synced;
    /// After a file was truncated from `from` bytes to `to`.
    std::function<void(sqlite3_int64 from, sqlite3_int64 to)> truncated;
    /// After a file of `size` bytes was deleted.
    std::function<void(sqlite3_int64 size)> deleted;
  };

  shim_vfs(const char* name, hooks h) {
    hooks_ = std::move(h);
    real_ = sqlite3_vfs_find(nullptr);
    vfs_ = sqlite3_vfs{};
    vfs_.iVersion = 2;
    vfs_.szOsFile = static_cast<int>(sizeof(file)) + real_->szOsFile;
    vfs_.mxPathname = real_->mxPathname;
    vfs_.zName = name;
    vfs_.xOpen = &open;
    vfs_.xDelete = [](sqlite3_vfs*, const char* n, int d) {
      struct stat st {};
      sqlite3_int64 size = ::stat(n, &st) == 0 ? st.st_size : 0;
      int rc = real_->xDelete(real_, n, d);
      if (rc == SQLITE_OK && hooks_.deleted)
        hooks_.deleted(size);
      return rc;
    };
    vfs_.xAccess = [](sqlite3_vfs*, const char* n, int f, int* r) { return real_->xAccess(real_, n, f, r); };
    vfs_.xFullPathname = [](sqlite3_vfs*, const char* n, int s, char* o) { return real_->xFullPathname(real_, n, s, o); };
    vfs_.xDlOpen = [](sqlite3_vfs*, const char* n) { return real_->xDlOpen(real_, n); };
    vfs_.xDlError = [](sqlite3_vfs*, int n, char* m) { real_->xDlError(real_, n, m); };
    vfs_.xDlSym = [](sqlite3_vfs*, void* h, const char* s) { return real_->xDlSym(real_, h, s); };
    vfs_.xDlClose = [](sqlite3_vfs*, void* h) { real_->xDlClose(real_, h); };
    vfs_.xRandomness = [](sqlite3_vfs*, int n, char* o) { return real_->xRandomness(real_, n, o); };
    vfs_.xSleep = [](sqlite3_vfs*, int us) { return real_->xSleep(real_, us); };
    vfs_.xCurrentTime = [](sqlite3_vfs*, double* t) { return real_->xCurrentTime(real_, t); };
    vfs_.xGetLastError = [](sqlite3_vfs*, int n, char* m) { return real_->xGetLastError(real_, n, m); };
    vfs_.xCurrentTimeInt64 = [](sqlite3_vfs*, sqlite3_int64* t) { return real_->xCurrentTimeInt64(real_, t); };
    sqlite3_vfs_register(&vfs_, 1);
  }

  ~shim_vfs() {
    sqlite3_vfs_unregister(&vfs_);
    hooks_ = {};
  }

  shim_vfs(const shim_vfs&) = delete;
  shim_vfs& operator=(const shim_vfs&) = delete;

private:
  /// Our header, followed in memory by the real VFS's file.
  struct file {
    sqlite3_file base;
    bool wal;
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
  };

  static sqlite3_file* real_of(sqlite3_file* f) { return reinterpret_cast<file*>(f)->real(); }

  static sqlite3_int64 size_of(sqlite3_file* f) {
    sqlite3_int64 size = 0;
    real_of(f)->pMethods->xFileSize(real_of(f), &size);
    return size;
  }

  static int open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out) {
    auto* c = reinterpret_cast<file*>(f);
    c->wal = (flags & SQLITE_OPEN_WAL) != 0;
    int rc = real_->xOpen(real_, name, c->real(), flags, out);
    // SQLite closes a file whose pMethods is set even when open failed.
    c->base.pMethods = c->real()->pMethods ? methods(c->real()->pMethods) : nullptr;
    return rc;
  }

  /// The real file's methods with writes, syncs and truncations hooked; built once.
  static const sqlite3_io_methods* methods(const sqlite3_io_methods* real) {
    static sqlite3_io_methods m = [real] {
      sqlite3_io_methods x{};
      x.iVersion = real->iVersion < 3 ? real->iVersion : 3;
      x.xClose = [](sqlite3_file* f) { return real_of(f)->pMethods->xClose(real_of(f)); };
      x.xRead = [](sqlite3_file* f, void* b, int n, sqlite3_int64 o) { return real_of(f)->pMethods->xRead(real_of(f), b, n, o); };
      x.xWrite = [](sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
        if (hooks_.write)
          if (int rc = hooks_.write(n, o, size_of(f)); rc != SQLITE_OK)
            return rc;
        return real_of(f)->pMethods->xWrite(real_of(f), b, n, o);
      };
      x.xTruncate = [](sqlite3_file* f, sqlite3_int64 s) {
        auto from = size_of(f);
        int rc = real_of(f)->pMethods->xTruncate(real_of(f), s);
        if (rc == SQLITE_OK && hooks_.truncated)
          hooks_.truncated(from, s);
        return rc;
      };
      x.xSync = [](sqlite3_file* f, int flags) {
        int rc = real_of(f)->pMethods->xSync(real_of(f), flags);
        if (rc == SQLITE_OK && hooks_.synced)
          hooks_.synced(reinterpret_cast<file*>(f)->wal);
        return rc;
      };
      x.xFileSize = [](sqlite3_file* f, sqlite3_int64* s) { return real_of(f)->pMethods->xFileSize(real_of(f), s); };
      x.xLock = [](sqlite3_file* f, int l) { return real_of(f)->pMethods->xLock(real_of(f), l); };
      x.xUnlock = [](sqlite3_file* f, int l) { return real_of(f)->pMethods->xUnlock(real_of(f), l); };
      x.xCheckReservedLock = [](sqlite3_file* f, int* r) { return real_of(f)->pMethods->xCheckReservedLock(real_of(f), r); };
      x.xFileControl = [](sqlite3_file* f, int op, void* a) { return real_of(f)->pMethods->xFileControl(real_of(f), op, a); };
      x.xSectorSize = [](sqlite3_file* f) { return real_of(f)->pMethods->xSectorSize(real_of(f)); };
      x.xDeviceCharacteristics = [](sqlite3_file* f) { return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f)); };
      x.xShmMap = [](sqlite3_file* f, int r, int s, int e, void volatile** p) {
        return real_of(f)->pMethods->xShmMap(real_of(f), r, s, e, p);
      };
      x.xShmLock = [](sqlite3_file* f, int o, int n, int fl) { return real_of(f)->pMethods->xShmLock(real_of(f), o, n, fl); };
      x.xShmBarrier = [](sqlite3_file* f) { real_of(f)->pMethods->xShmBarrier(real_of(f)); };
      x.xShmUnmap = [](sqlite3_file* f, int d) { return real_of(f)->pMethods->xShmUnmap(real_of(f), d); };
      x.xFetch = [](sqlite3_file* f, sqlite3_int64 o, int n, void** p) { return real_of(f)->pMethods->xFetch(real_of(f), o, n, p); };
      x.xUnfetch = [](sqlite3_file* f, sqlite3_int64 o, void* p) { return real_of(f)->pMethods->xUnfetch(real_of(f), o, p); };
      return x;
    }();
    return &m;
  }

  static inline sqlite3_vfs* real_ = nullptr;
  static inline hooks hooks_;
  sqlite3_vfs vfs_;
};

} // namespace cdc::test
