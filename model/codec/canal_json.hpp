// TiCDC's canal-json protocol for row changes (pkg/sink/codec/canal): one
// JSON object per row — id, database, table, pkNames, isDdl, type, es, ts,
// sql, sqlType, mysqlType, old, data — plus `_tidb.commitTs` when the TiDB
// extension is on. Every value is a string, NULL is null.
#pragma once

#include <cstdint>
#include <string>

#include "model/codec/row_encoding.hpp"
#include "model/upstream/workload.hpp"

namespace cdc::model::codec {

struct canal_json_options {
  /// `enable-tidb-extension=true` in the sink URI.
  bool enable_tidb_extension = false;
};

/// Appends one message (no terminator). `build_ms` is the `ts` field: when
/// the message was made, in Unix milliseconds (TiCDC reads its clock).
void append_canal_json_row(const canal_json_options& o, const upstream::table_def& t,
                           const column_list& columns, const upstream::row_change& row,
                           std::int64_t build_ms, std::string& out);

/// Canal's `es`: the commit TS's physical milliseconds.
constexpr std::int64_t canal_ts(std::uint64_t commit_ts) noexcept {
  return static_cast<std::int64_t>(commit_ts >> 18);
}

} // namespace cdc::model::codec

namespace cdc::model::codec {

/// TiCDC's canal-json watermark (TiDB extension only): type TIDB_WATERMARK,
/// `es` the TS's physical milliseconds, `ts` when it was built, and
/// `_tidb.watermarkTs`. Every other field empty, as TiCDC's Go struct prints it.
void append_canal_json_watermark(std::uint64_t ts, std::int64_t build_ms, std::string& out);

} // namespace cdc::model::codec
