// The embedded meta store: DATA_DIR/meta.db, one SQLite file in WAL mode with
// synchronous=FULL (a commit returns after the WAL is fsync'd), locked
// exclusively so one server owns a data dir. Its files are readable by the
// server's user only (sink URIs hold passwords), free pages go back to the
// file system after removals (incremental auto-vacuum), and a reserve of
// disk room (meta.reserve) lets removes and pauses commit on a full disk.
// Every call blocks on the disk.
#pragma once

#include <filesystem>
#include <memory>

#include "actors/store/backend/disk_reserve.hpp"
#include "actors/store/backend/meta_backend.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace cdc::store {

struct sqlite_options {
  /// Room kept for removes and pauses on a full disk: enough to checkpoint a
  /// full WAL (about 4 MiB: SQLite checkpoints at 1,000 pages) into meta.db
  /// and go on with small transactions after it.
  std::uint64_t reserve_bytes = std::uint64_t{8} << 20;
};

class sqlite_backend : public meta_backend {
public:
  /// Opens DIR/meta.db, creating it if missing. Fails (ErrMetaStoreFailed,
  /// naming the file and the reason) when it cannot be created, read,
  /// written or locked, or was written by a newer schema.
  static model::result<std::unique_ptr<sqlite_backend>> open(const std::filesystem::path& dir,
                                                             sqlite_options options = {});

  ~sqlite_backend() override;
  sqlite_backend(const sqlite_backend&) = delete;
  sqlite_backend& operator=(const sqlite_backend&) = delete;

  model::result<meta_snapshot> list() override;
  model::result<std::optional<meta_record>> get(const model::changefeed_key& key) override;
  /// While the reserve is given up (the disk was full), a transaction that
  /// adds a changefeed is refused unless the reserve can be made again; one
  /// that adds none and fails for a full disk gives the reserve up, so it
  /// commits after all.
  model::result<std::uint64_t> apply(std::span<const meta_op> ops) override;
  /// Takes the reserve back once there is room, and returns up to 4 MiB of
  /// free pages to the file system once 1 MiB gathered.
  void maintain() override;
  std::string describe() const override { return "sqlite " + path_.string(); }
  /// The database is opened with an exclusive lock.
  bool exclusive() const noexcept override { return true; }

  /// The file names inside the data dir.
  static constexpr const char* file_name = "meta.db";
  static constexpr const char* reserve_name = "meta.reserve";

private:
  sqlite_backend(const std::filesystem::path& dir, const sqlite_options& o)
    : path_(dir / file_name), reserve_(dir / reserve_name, o.reserve_bytes) {}

  model::api_failure failure(const std::string& what);
  model::result<void> init();
  void use_incremental_vacuum();
  std::int64_t pragma_value(const char* sql);
  model::result<std::uint64_t> commit(std::span<const meta_op> ops);
  model::result<void> write(const meta_op& op, std::uint64_t rev);
  /// Whether `ops` store a changefeed the store does not hold yet.
  bool adds_records(std::span<const meta_op> ops);
  model::result<meta_record> read_row(sqlite3_stmt* s) const;

  std::filesystem::path path_;
  disk_reserve reserve_;
  sqlite3* db_ = nullptr;
  std::uint64_t revision_ = 0;
  /// The last failure was a full disk (SQLITE_FULL, ENOSPC or EDQUOT).
  bool disk_full_ = false;
  // Prepared once; each is reset after use.
  sqlite3_stmt* put_ = nullptr;
  sqlite3_stmt* progress_ = nullptr;
  sqlite3_stmt* delete_ = nullptr;
  sqlite3_stmt* set_revision_ = nullptr;
  sqlite3_stmt* list_ = nullptr;
  sqlite3_stmt* get_ = nullptr;
  sqlite3_stmt* exists_ = nullptr;
};

} // namespace cdc::store
