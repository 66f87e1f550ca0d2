// TiCDC's CSV protocol for storage sinks (pkg/sink/codec/csv): one line per
// row change — operation (I/U/D), table, schema, optional commit TS, optional
// is-update flag, optional handle key, then the column values.
#pragma once

#include <string>

#include "model/codec/row_encoding.hpp"
#include "model/config/sink_config.hpp"
#include "model/upstream/workload.hpp"

namespace cdc::model::codec {

struct csv_options {
  std::string delimiter = ",";
  std::string quote = "\"";
  std::string null = "\\N";
  std::string terminator = "\r\n";
  bool include_commit_ts = false;
  /// An update becomes a D line with the old values and an I line with the
  /// new ones, and every line gets the is-update column.
  bool output_old_value = false;
  bool output_handle_key = false;
  /// Each file starts with a header line naming the columns.
  bool output_field_header = false;
};

/// The options of an adjusted sink config (terminator and csv section).
csv_options csv_options_of(const config::sink_config& sink);

/// Appends the line(s) for one row change. Strings are quoted (quote
/// doubled inside) or, without a quote character, escaped with backslashes;
/// numbers are bare; NULL is the null marker.
void append_csv_row(const csv_options& o, const upstream::table_def& t, const column_list& columns,
                    const upstream::row_change& row, std::string& out);

/// The header line (with terminator): ticdc-meta$operation, ticdc-meta$table,
/// ticdc-meta$schema, [ticdc-meta$commit-ts], [ticdc-meta$is-update], names.
std::string csv_header(const csv_options& o, const upstream::table_def& t, const column_list& columns);

} // namespace cdc::model::codec
