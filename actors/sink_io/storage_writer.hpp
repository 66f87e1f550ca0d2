// The storage sink's work without the actor: encodes rows into per-table,
// per-date file buffers (rotating at file-size), and publishes them in
// TiCDC's layout with schema, index and data files. All of it blocks on the
// file system, so only a sink's own thread may call it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "actors/sink_io/storage_files.hpp"
#include "model/sink/row_batch.hpp"
#include "model/storage/sink_settings.hpp"

namespace cdc::sink_io {

class storage_writer {
public:
  explicit storage_writer(model::storage::sink_settings settings);

  /// Encodes every row of the batch into file buffers (nothing is written).
  model::result<void> add(const model::sink::row_batch& batch, std::int64_t now_ms);

  /// Some buffer reached file-size: publish without waiting for the interval.
  bool full() const noexcept;
  /// A table's rows were cut short by the processor's batch limit (its
  /// `through` is its last row's commit TS): the upstream is ahead, so the
  /// interval, a bound on latency, must not throttle the catch-up.
  bool backlog() const noexcept { return backlog_; }
  bool empty() const noexcept { return buffered_rows_ == 0; }
  std::uint64_t buffered_rows() const noexcept { return buffered_rows_; }

  /// Publishes every buffered file, then each directory's index file. The
  /// buffers are dropped either way (a failed batch is sent again).
  model::result<void> flush();

  const model::storage::sink_settings& settings() const noexcept { return settings_; }

private:
  struct file_buffer {
    std::string data;
    model::tso_t last_commit_ts = 0;
  };
  struct table_state {
    const model::upstream::table_def* def = nullptr;
    model::codec::column_list columns;
    std::string header; ///< csv field header, "" when off
    std::uint64_t version = 0; ///< 0 until its schema file is settled
    /// Per date directory: the files waiting to be published.
    std::map<std::string, std::vector<file_buffer>> pending;
  };

  table_state& table(const model::sink::row_batch& batch, std::int64_t table_id);
  void append(table_state& t, const model::upstream::row_change& row, std::int64_t now_ms);
  /// The table's version directory: a schema file with our checksum decides
  /// it, else one is written with the changefeed's start TS.
  model::result<std::uint64_t> settle_version(table_state& t);
  /// The next free file index in `dir` (from its index file on first use).
  model::result<std::uint64_t> next_index(const std::string& dir);
  model::result<void> publish_dir(const std::string& dir, std::vector<file_buffer>& files);

  model::storage::sink_settings settings_;
  storage_files files_;
  std::string extension_;
  std::shared_ptr<const model::upstream::catalog> catalog_;
  std::map<std::int64_t, table_state> tables_;
  std::map<std::string, std::uint64_t> next_index_;
  std::uint64_t buffered_rows_ = 0;
  bool backlog_ = false;
};

} // namespace cdc::sink_io
