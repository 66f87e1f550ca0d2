// Partition dispatch rules (sink.dispatchers[].partition) and the partition
// a row change goes to, exactly as TiCDC computes it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/filter/sql_value.hpp"
#include "model/filter/table_schema.hpp"
#include "model/result.hpp"

namespace cdc::model::dispatch {

enum class partition_kind : std::uint8_t {
  default_,     ///< same as table
  table,        ///< hash of (schema, table)
  ts,           ///< commit_ts % N
  index_value,  ///< hash of the handle key (or a named unique index); also "rowid"
  columns,      ///< hash of the listed columns
  key,          ///< Pulsar only: any other string, used as the message key
};

struct partition_rule {
  partition_kind kind = partition_kind::default_;
  std::string index;                 ///< index_value: the unique index, "" = handle key
  std::vector<std::string> columns;  ///< columns: the column names
  std::string key;                   ///< key: the literal key
};

/// TiCDC's getPartitionDispatcher: names are case-insensitive; anything else
/// is a message key for Pulsar and `default` for Kafka.
partition_rule parse_partition_rule(std::string_view partition, std::string_view index,
                                    const std::vector<std::string>& columns, bool pulsar);

/// The name as it appears in configs (`index-value`, ...).
std::string_view to_string(partition_kind k) noexcept;

/// A row change as the dispatcher sees it. Rows are in `table_info` column
/// order; `columns` is empty for a delete, `pre_columns` for an insert.
struct row_change {
  std::string_view schema;
  std::string_view table;
  std::uint64_t commit_ts = 0;
  const filter::table_schema* table_info = nullptr;
  std::span<const filter::sql_value> columns;
  std::span<const filter::sql_value> pre_columns;
};

struct partition_target {
  std::int32_t partition = 0;
  std::string key;  ///< TiCDC's partition key: the hash, ts or table name
};

/// The partition (in [0, partition_num)) and key for `row`. partition_num
/// must be positive (a non-positive count is treated as 1). Fails with 500
/// CDC:ErrDispatcherFailed when the named index or a listed column is missing.
result<partition_target> dispatch_row(const partition_rule& rule, const row_change& row,
                                      std::int32_t partition_num);

} // namespace cdc::model::dispatch
