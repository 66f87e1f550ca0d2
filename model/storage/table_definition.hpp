// The schema file of a table version (TiCDC's TableDefinition): the table's
// columns as JSON, and the checksum that names the file.
#pragma once

#include <cstdint>
#include <string>

#include "model/codec/row_encoding.hpp"
#include "model/upstream/catalog.hpp"

namespace cdc::model::storage {

/// The file's content, as Go's json.MarshalIndent(4 spaces) writes it:
/// Table, Schema, Version 1, TableVersion, Query "" and Type 0 (a table that
/// existed before the changefeed), TableColumns, TableColumnsTotal. Only the
/// written columns are listed, so a reader can map each CSV field.
std::string table_definition_json(const upstream::table_def& t, const codec::column_list& columns,
                                  std::uint64_t table_version);

/// CRC32-IEEE of the definition without query, version and table version,
/// columns sorted by name: equal for equal schemas, so a restarted
/// changefeed finds and keeps the table's version directory.
std::uint32_t table_definition_checksum(const upstream::table_def& t, const codec::column_list& columns);

} // namespace cdc::model::storage
