// TiCDC's simple protocol, JSON encoding (pkg/sink/codec/simple): one JSON
// object a row — version 1, database, table, tableID, type INSERT, UPDATE
// or DELETE, commitTs, buildTs (when the message was made, Unix ms), then
// `data` (new values) and `old` (old values) as maps from column name to
// the value as a string (NULL is null), keys in name order as Go prints a
// map. Fields TiCDC omits when empty (schemaVersion, handleKeyOnly,
// claimCheckLocation, checksum) are left out. The watermark is
// {"version":1,"type":"WATERMARK","commitTs":..,"buildTs":..}.
#pragma once

#include <cstdint>
#include <string>

#include "model/codec/row_encoding.hpp"
#include "model/upstream/workload.hpp"

namespace cdc::model::codec {

/// Appends one row message (no terminator).
void append_simple_row(const upstream::table_def& t, const column_list& columns, const upstream::row_change& row,
                       std::int64_t build_ms, std::string& out);

/// Appends the WATERMARK message for `ts`.
void append_simple_watermark(std::uint64_t ts, std::int64_t build_ms, std::string& out);

} // namespace cdc::model::codec
