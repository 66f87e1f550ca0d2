// The embedded meta store: DATA_DIR/meta.db, one SQLite file in WAL mode with
// synchronous=FULL (a commit returns after the WAL is fsync'd), locked
// exclusively so one server owns a data dir. Its files are readable by the
// server's user only (sink URIs hold passwords), and free pages go back to
// the file system after removals (incremental auto-vacuum). Every call
// blocks on the disk.
#pragma once

#include <filesystem>
#include <memory>

#include "actors/store/meta_backend.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace cdc::store {

class sqlite_backend : public meta_backend {
public:
  /// Opens DIR/meta.db, creating it if missing. Fails (ErrMetaStoreFailed,
  /// naming the file and the reason) when it cannot be created, read,
  /// written or locked, or was written by a newer schema.
  static model::result<std::unique_ptr<sqlite_backend>> open(const std::filesystem::path& dir);

  ~sqlite_backend() override;
  sqlite_backend(const sqlite_backend&) = delete;
  sqlite_backend& operator=(const sqlite_backend&) = delete;

  model::result<meta_snapshot> list() override;
  model::result<std::optional<meta_record>> get(const model::changefeed_key& key) override;
  model::result<std::uint64_t> apply(std::span<const meta_op> ops) override;
  /// Returns up to 4 MiB of free pages to the file system once 1 MiB gathered.
  void maintain() override;
  std::string describe() const override { return "sqlite " + path_.string(); }

  /// The file name inside the data dir.
  static constexpr const char* file_name = "meta.db";

private:
  explicit sqlite_backend(std::filesystem::path path) : path_(std::move(path)) {}

  model::api_failure failure(const std::string& what) const;
  model::result<void> init();
  void use_incremental_vacuum();
  std::int64_t pragma_value(const char* sql);
  model::result<void> write(const meta_op& op, std::uint64_t rev);
  model::result<meta_record> read_row(sqlite3_stmt* s) const;

  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
  std::uint64_t revision_ = 0;
  // Prepared once; each is reset after use.
  sqlite3_stmt* put_ = nullptr;
  sqlite3_stmt* progress_ = nullptr;
  sqlite3_stmt* delete_ = nullptr;
  sqlite3_stmt* set_revision_ = nullptr;
  sqlite3_stmt* list_ = nullptr;
  sqlite3_stmt* get_ = nullptr;
};

} // namespace cdc::store
