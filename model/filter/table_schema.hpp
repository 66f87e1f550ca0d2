// A table's shape as the filters and dispatchers need it: columns, indexes,
// and the derived handle key. Also the simulated upstream catalog's type.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cdc::model::filter {

struct column_def {
  std::string name;
  bool not_null = false;
};

struct index_def {
  std::string name;   ///< "PRIMARY" for a primary key, by MySQL convention
  bool unique = false;
  bool primary = false;  ///< a primary key is also unique
  std::vector<std::string> columns;
};

struct table_schema {
  std::string schema;
  std::string table;
  std::vector<column_def> columns;
  std::vector<index_def> indexes;
  bool is_view = false;
  bool is_sequence = false;
};

/// The column with this name (case-insensitive, as MySQL column names are),
/// or nullptr.
const column_def* find_column(const table_schema& t, std::string_view name) noexcept;

/// The index with this name (case-insensitive), or nullptr.
const index_def* find_index(const table_schema& t, std::string_view name) noexcept;

/// The primary key, or nullptr.
const index_def* primary_key(const table_schema& t) noexcept;

/// TiDB's IsIndexUnique: a primary key, or a unique index whose columns are
/// all NOT NULL (NULLs would let two rows share the "unique" value).
bool is_not_null_unique(const table_schema& t, const index_def& index) noexcept;

/// The index whose columns identify a row (TiCDC's handle key): the primary
/// key, else the NOT NULL unique index with the fewest columns (the first
/// declared on a tie); nullptr when there is none.
const index_def* handle_index(const table_schema& t) noexcept;

/// Eligible for replication: a handle index exists, or it is a view; with
/// `force_replicate` every table but a sequence is eligible.
bool is_eligible(const table_schema& t, bool force_replicate) noexcept;

/// Case-insensitive ASCII name comparison (MySQL identifiers for columns and
/// indexes).
bool same_name(std::string_view a, std::string_view b) noexcept;

} // namespace cdc::model::filter
