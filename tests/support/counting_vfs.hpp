// An SQLite VFS shim that counts fsyncs of WAL files: while a counting_vfs
// lives it is SQLite's default VFS, so a test can see how many syncs a
// commit (or a group commit) cost. Everything else goes to the real VFS.
#pragma once

#include <atomic>

#include <sqlite3.h>

namespace cdc::test {

class counting_vfs {
public:
  counting_vfs() {
    real_ = sqlite3_vfs_find(nullptr);
    vfs_ = sqlite3_vfs{};
    vfs_.iVersion = 2;
    vfs_.szOsFile = static_cast<int>(sizeof(file)) + real_->szOsFile;
    vfs_.mxPathname = real_->mxPathname;
    vfs_.zName = "cdc-counting";
    vfs_.xOpen = &open;
    vfs_.xDelete = [](sqlite3_vfs*, const char* n, int d) { return real_->xDelete(real_, n, d); };
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
    wal_syncs = 0;
    sqlite3_vfs_register(&vfs_, 1);
  }

  ~counting_vfs() { sqlite3_vfs_unregister(&vfs_); }

  counting_vfs(const counting_vfs&) = delete;
  counting_vfs& operator=(const counting_vfs&) = delete;

  /// fsyncs of WAL files since construction (or the last reset).
  static inline std::atomic<int> wal_syncs{0};

private:
  /// Our header, followed in memory by the real VFS's file.
  struct alignas(16) file {
    sqlite3_file base;
    bool wal;
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
  };

  static sqlite3_file* real_of(sqlite3_file* f) { return reinterpret_cast<file*>(f)->real(); }

  static int open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out) {
    auto* c = reinterpret_cast<file*>(f);
    c->wal = (flags & SQLITE_OPEN_WAL) != 0;
    int rc = real_->xOpen(real_, name, c->real(), flags, out);
    // SQLite closes a file whose pMethods is set even when open failed.
    c->base.pMethods = c->real()->pMethods ? methods(c->real()->pMethods) : nullptr;
    return rc;
  }

  /// The real file's methods with xSync counted; built once.
  static const sqlite3_io_methods* methods(const sqlite3_io_methods* real) {
    static sqlite3_io_methods m = [real] {
      sqlite3_io_methods x{};
      x.iVersion = real->iVersion < 3 ? real->iVersion : 3;
      x.xClose = [](sqlite3_file* f) { return real_of(f)->pMethods->xClose(real_of(f)); };
      x.xRead = [](sqlite3_file* f, void* b, int n, sqlite3_int64 o) { return real_of(f)->pMethods->xRead(real_of(f), b, n, o); };
      x.xWrite = [](sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
        return real_of(f)->pMethods->xWrite(real_of(f), b, n, o);
      };
      x.xTruncate = [](sqlite3_file* f, sqlite3_int64 s) { return real_of(f)->pMethods->xTruncate(real_of(f), s); };
      x.xSync = [](sqlite3_file* f, int flags) {
        if (reinterpret_cast<file*>(f)->wal)
          ++wal_syncs;
        return real_of(f)->pMethods->xSync(real_of(f), flags);
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
  sqlite3_vfs vfs_;
};

} // namespace cdc::test
