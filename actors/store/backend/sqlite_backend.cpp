#include "actors/store/backend/sqlite_backend.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <sqlite3.h>

#include "model/changefeed/info_codec.hpp"

namespace cdc::store {

namespace {

constexpr std::int64_t schema_version = 1;

// One row per changefeed: TiCDC keeps info and status under two etcd keys;
// here they are two columns of one row, written together or status alone.
constexpr const char* schema_sql = R"(
BEGIN IMMEDIATE;
CREATE TABLE IF NOT EXISTS changefeed (
  namespace    TEXT NOT NULL,
  id           TEXT NOT NULL,
  info         TEXT NOT NULL,
  status       TEXT NOT NULL,
  mod_revision INTEGER NOT NULL,
  PRIMARY KEY (namespace, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO meta VALUES ('schema', 1), ('revision', 0);
COMMIT;
)";

/// Resets a statement when the scope ends, whatever path it takes.
struct reset_on_exit {
  sqlite3_stmt* s;
  ~reset_on_exit() {
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
  }
};

void bind_text(sqlite3_stmt* s, int i, const std::string& text) {
  sqlite3_bind_text(s, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

std::string column_text(sqlite3_stmt* s, int i) {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s, i))) : std::string{};
}

/// Sink URIs in the store hold passwords: its files are the server user's
/// alone, whatever the umask. meta.db is made 0600 before SQLite opens it
/// (SQLite gives its WAL the database's mode); files of an older server lose
/// their group and other bits. Errors are left to SQLite to report.
void make_private(const std::filesystem::path& file, bool create) {
  int fd = ::open(file.c_str(), O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0600);
  if (fd < 0)
    return;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && (st.st_mode & 077) != 0)
    ::fchmod(fd, st.st_mode & 0700);
  ::close(fd);
}

// Free pages go back to the file system once this many gathered, this many
// per step, so a step takes milliseconds (4 KiB pages: 1 MiB and 4 MiB).
constexpr std::int64_t vacuum_threshold_pages = 256;
constexpr const char* vacuum_step_sql = "PRAGMA incremental_vacuum(1024)";

} // namespace

model::api_failure sqlite_backend::failure(const std::string& what) {
  std::string reason = db_ ? sqlite3_errmsg(db_) : "out of memory";
  int sys = db_ ? sqlite3_system_errno(db_) : 0;
  disk_full_ = db_ && ((sqlite3_errcode(db_) & 0xff) == SQLITE_FULL || sys == ENOSPC || sys == EDQUOT);
  if (db_ && (sqlite3_errcode(db_) & 0xff) == SQLITE_BUSY)
    reason += " (another cdc server holds this data dir)";
  else if (sys != 0)
    reason += std::string(" (") + std::strerror(sys) + ")";
  return model::fail(model::api_error::meta_store_failed, {what + " " + path_.string() + ": " + reason});
}

model::result<std::unique_ptr<sqlite_backend>> sqlite_backend::open(const std::filesystem::path& dir,
                                                                    sqlite_options options) {
  std::unique_ptr<sqlite_backend> b{new sqlite_backend(dir, options)};
  make_private(b->path_, true);
  // NOMUTEX: one actor uses the connection, so SQLite's own locking is waste.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(b->path_.c_str(), &b->db_, flags, nullptr) != SQLITE_OK)
    return b->failure("cannot open");
  // SQLite quietly opens a file it may not write read-only; say so plainly
  // instead of failing later with a puzzling I/O error.
  if (sqlite3_db_readonly(b->db_, "main") == 1) {
    std::string reason = ::access(b->path_.c_str(), W_OK) != 0 ? std::strerror(errno) : "opened read-only";
    return model::fail(model::api_error::meta_store_failed,
                       {"cannot open " + b->path_.string() + " for writing: " + reason});
  }
  if (auto r = b->init(); !r)
    return r.error();
  for (const char* suffix : {"-wal", "-shm"})
    make_private(b->path_.string() + suffix, false);
  // Without room for it the store starts without a reserve: creates then
  // wait for room (apply), removes and pauses do not.
  b->reserve_.restore();
  return b;
}

model::result<void> sqlite_backend::init() {
  sqlite3_extended_result_codes(db_, 1);
  // Fail at once rather than wait when another server holds the file.
  sqlite3_busy_timeout(db_, 0);
  // Set before the first table exists, this applies to a new file at once;
  // an older file is converted by use_incremental_vacuum below.
  if (sqlite3_exec(db_, "PRAGMA auto_vacuum=INCREMENTAL", nullptr, nullptr, nullptr) != SQLITE_OK)
    return failure("cannot open");
  // EXCLUSIVE before WAL: the WAL index then lives in heap memory, and the
  // first write below takes a lock that is held until close, so a second
  // server on the same data dir fails at start instead of corrupting state.
  if (sqlite3_exec(db_, "PRAGMA locking_mode=EXCLUSIVE", nullptr, nullptr, nullptr) != SQLITE_OK)
    return failure("cannot open");
  sqlite3_stmt* wal = nullptr;
  if (sqlite3_prepare_v2(db_, "PRAGMA journal_mode=WAL", -1, &wal, nullptr) != SQLITE_OK)
    return failure("cannot open");
  auto rc = sqlite3_step(wal);
  auto mode = rc == SQLITE_ROW ? column_text(wal, 0) : std::string{};
  sqlite3_finalize(wal);
  if (rc != SQLITE_ROW)
    return failure("cannot open");
  if (mode != "wal")
    return model::fail(model::api_error::meta_store_failed,
                       {"cannot use WAL mode for " + path_.string() + " (journal mode " + mode + ")"});
  // FULL: every commit fsyncs the WAL before it returns; NORMAL would not.
  // A WAL that a big transaction (or VACUUM) grew is cut back to 16 MiB when
  // it is reset; between checkpoints it holds about 4 MiB.
  if (sqlite3_exec(db_, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr) != SQLITE_OK
      || sqlite3_exec(db_, "PRAGMA journal_size_limit=16777216", nullptr, nullptr, nullptr) != SQLITE_OK
      || sqlite3_exec(db_, schema_sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
    auto f = failure("cannot initialize");
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return f;
  }
  sqlite3_stmt* meta = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT name, value FROM meta", -1, &meta, nullptr) != SQLITE_OK)
    return failure("cannot read");
  std::int64_t schema = 0;
  while ((rc = sqlite3_step(meta)) == SQLITE_ROW) {
    auto name = column_text(meta, 0);
    if (name == "schema")
      schema = sqlite3_column_int64(meta, 1);
    else if (name == "revision")
      revision_ = static_cast<std::uint64_t>(sqlite3_column_int64(meta, 1));
  }
  sqlite3_finalize(meta);
  if (rc != SQLITE_DONE)
    return failure("cannot read");
  if (schema > schema_version)
    return model::fail(model::api_error::meta_store_failed,
                       {path_.string() + " was written by a newer version (schema " + std::to_string(schema) + ")"});
  struct {
    sqlite3_stmt** stmt;
    const char* sql;
  } statements[] = {
    {&put_, "INSERT INTO changefeed VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (namespace, id) DO UPDATE SET "
            "info = excluded.info, status = excluded.status, mod_revision = excluded.mod_revision"},
    {&progress_, "UPDATE changefeed SET status = ?3, mod_revision = ?4 WHERE namespace = ?1 AND id = ?2"},
    {&delete_, "DELETE FROM changefeed WHERE namespace = ?1 AND id = ?2"},
    {&set_revision_, "UPDATE meta SET value = ?1 WHERE name = 'revision'"},
    {&list_, "SELECT info, status, mod_revision, namespace, id FROM changefeed ORDER BY namespace, id"},
    {&get_, "SELECT info, status, mod_revision, namespace, id FROM changefeed WHERE namespace = ?1 AND id = ?2"},
    {&exists_, "SELECT 1 FROM changefeed WHERE namespace = ?1 AND id = ?2"},
  };
  for (auto& s : statements)
    if (sqlite3_prepare_v3(db_, s.sql, -1, SQLITE_PREPARE_PERSISTENT, s.stmt, nullptr) != SQLITE_OK)
      return failure("cannot prepare statements for");
  use_incremental_vacuum();
  return {};
}

void sqlite_backend::use_incremental_vacuum() {
  constexpr std::int64_t incremental = 2;
  if (pragma_value("PRAGMA auto_vacuum") == incremental)
    return;
  // A file made before auto-vacuum was used: VACUUM rewrites it in the mode
  // set in init. It needs about the file's size in free room; without that
  // the file stays as it was, and keeps the free pages it has.
  sqlite3_exec(db_, "VACUUM", nullptr, nullptr, nullptr);
}

std::int64_t sqlite_backend::pragma_value(const char* sql) {
  sqlite3_stmt* s = nullptr;
  std::int64_t v = -1;
  if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
    v = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  return v;
}

void sqlite_backend::maintain() {
  reserve_.restore();
  if (pragma_value("PRAGMA freelist_count") < vacuum_threshold_pages)
    return;
  // In WAL mode meta.db shrinks when a checkpoint copies the vacuum in.
  if (sqlite3_exec(db_, vacuum_step_sql, nullptr, nullptr, nullptr) == SQLITE_OK)
    sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

sqlite_backend::~sqlite_backend() {
  for (auto* s : {put_, progress_, delete_, set_revision_, list_, get_, exists_})
    sqlite3_finalize(s);
  sqlite3_close_v2(db_);
}

model::result<meta_record> sqlite_backend::read_row(sqlite3_stmt* s) const {
  auto ns = column_text(s, 3);
  auto id = column_text(s, 4);
  auto where = [&](const std::string& why) {
    return model::fail(model::api_error::meta_store_failed,
                       {"corrupt record " + ns + "/" + id + " in " + path_.string() + ": " + why});
  };
  auto info = model::parse_info(column_text(s, 0));
  if (!info)
    return where(info.error().message);
  if (info->key.namespace_ != ns || info->key.id != id)
    return where("its info names " + info->key.display());
  auto progress = model::parse_progress(column_text(s, 1));
  if (!progress)
    return where(progress.error().message);
  return meta_record{std::move(*info), *progress, static_cast<std::uint64_t>(sqlite3_column_int64(s, 2))};
}

model::result<meta_snapshot> sqlite_backend::list() {
  meta_snapshot out;
  out.revision = revision_;
  reset_on_exit guard{list_};
  int rc;
  while ((rc = sqlite3_step(list_)) == SQLITE_ROW) {
    auto r = read_row(list_);
    if (!r)
      return r.error();
    out.records.push_back(std::move(*r));
  }
  if (rc != SQLITE_DONE)
    return failure("cannot read");
  return out;
}

model::result<std::optional<meta_record>> sqlite_backend::get(const model::changefeed_key& key) {
  reset_on_exit guard{get_};
  bind_text(get_, 1, key.namespace_);
  bind_text(get_, 2, key.id);
  auto rc = sqlite3_step(get_);
  if (rc == SQLITE_DONE)
    return std::optional<meta_record>{};
  if (rc != SQLITE_ROW)
    return failure("cannot read");
  auto r = read_row(get_);
  if (!r)
    return r.error();
  return std::optional<meta_record>{std::move(*r)};
}

model::result<void> sqlite_backend::write(const meta_op& op, std::uint64_t rev) {
  sqlite3_stmt* s = nullptr;
  const auto& key = key_of(op);
  if (const auto* p = std::get_if<put_record>(&op)) {
    s = put_;
    bind_text(s, 3, model::serialize_info(p->info));
    bind_text(s, 4, model::serialize_progress(p->progress));
    sqlite3_bind_int64(s, 5, static_cast<std::int64_t>(rev));
  } else if (const auto* p = std::get_if<put_progress>(&op)) {
    s = progress_;
    bind_text(s, 3, model::serialize_progress(p->progress));
    sqlite3_bind_int64(s, 4, static_cast<std::int64_t>(rev));
  } else {
    s = delete_;
  }
  reset_on_exit guard{s};
  bind_text(s, 1, key.namespace_);
  bind_text(s, 2, key.id);
  if (sqlite3_step(s) != SQLITE_DONE)
    return failure("cannot write");
  return {};
}

model::result<std::uint64_t> sqlite_backend::apply(std::span<const meta_op> ops) {
  // The room the reserve left is kept for removes and pauses: a create
  // waits until the reserve can be made again.
  if (!reserve_.held() && adds_records(ops) && !reserve_.restore())
    return model::fail(model::api_error::meta_store_failed,
                       {"cannot write to " + path_.string()
                        + ": the disk is full (the room left is kept for removing and pausing changefeeds)"});
  auto r = commit(ops);
  if (r || !disk_full_ || adds_records(ops) || !reserve_.release())
    return r;
  // Full, and this write adds nothing: with the reserve's room the WAL is
  // checkpointed into meta.db, and the write then reuses the WAL's frames.
  sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  return commit(ops);
}

bool sqlite_backend::adds_records(std::span<const meta_op> ops) {
  for (const auto& op : ops) {
    const auto* p = std::get_if<put_record>(&op);
    if (!p)
      continue;
    reset_on_exit guard{exists_};
    bind_text(exists_, 1, p->info.key.namespace_);
    bind_text(exists_, 2, p->info.key.id);
    if (sqlite3_step(exists_) != SQLITE_ROW)
      return true;
  }
  return false;
}

model::result<std::uint64_t> sqlite_backend::commit(std::span<const meta_op> ops) {
  auto rev = revision_ + 1;
  auto abort = [this](const model::api_failure& f) -> model::result<std::uint64_t> {
    // A failed COMMIT may already have rolled back; ROLLBACK is then a no-op error.
    if (!sqlite3_get_autocommit(db_))
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return f;
  };
  if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
    return abort(failure("cannot write"));
  for (const auto& op : ops)
    if (auto r = write(op, rev); !r)
      return abort(r.error());
  {
    reset_on_exit guard{set_revision_};
    sqlite3_bind_int64(set_revision_, 1, static_cast<std::int64_t>(rev));
    if (sqlite3_step(set_revision_) != SQLITE_DONE)
      return abort(failure("cannot write"));
  }
  // synchronous=FULL: COMMIT returns once the WAL is on disk.
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
    return abort(failure("cannot commit to"));
  revision_ = rev;
  return rev;
}

} // namespace cdc::store
