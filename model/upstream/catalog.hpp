// The simulated upstream's tables: schemas, tables with IDs and columns, keys,
// and each table's write rate. Loaded from a JSON file or the built-in default.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.hpp"
#include "model/upstream/user_accounts.hpp"

namespace cdc::model::upstream {

enum class column_type : std::uint8_t { bigint, int32, varchar, text, double_, datetime };

std::string_view to_string(column_type t) noexcept;

struct column_def {
  std::string name;
  column_type type = column_type::bigint;
  bool nullable = false;
  bool primary_key = false;
  bool unique = false;
};

struct table_def {
  std::int64_t id = 0;
  std::string schema;
  std::string name;
  std::vector<column_def> columns;
  /// Row changes per second this table receives (0: none).
  double rows_per_second = 0;
  /// Distinct keys the workload cycles through.
  std::uint64_t key_space = 1000;

  /// Index of the column that keys the workload (the primary key, else a
  /// unique not-null column, else the first column).
  std::size_t key_column() const noexcept;
  /// TiCDC's eligibility: a primary key, or a unique index on not-null columns.
  bool eligible() const noexcept;
  std::string qualified_name() const { return schema + "." + name; }
};

struct catalog {
  std::vector<table_def> tables; ///< ordered by id
  /// How far behind now the upstream's resolved TS trails (TiKV's resolver lag).
  std::int64_t resolved_lag_ms = 0;
  /// How often the upstream advances its resolved TS and tells the captures.
  std::int64_t tick_ms = 100;
  /// TiDB's tikv_gc_life_time: the GC safepoint trails now by this much.
  std::int64_t gc_life_time_ms = 10 * 60 * 1000;
  /// Who may log in to the upstream TiDB: API callers' Basic credentials
  /// are checked against these when security.client-user-required is set.
  user_accounts users = user_accounts::fresh_tidb();

  const table_def* find(std::int64_t id) const noexcept;
  const table_def* find(std::string_view schema, std::string_view table) const noexcept;
};

/// 4 schemas × 8 tables (`test0.t0` … `test3.t7`), IDs from 100, columns
/// id bigint primary key, k int, c varchar, pad varchar null; 10 rows/s each.
catalog default_catalog();

/// Parses the --upstream-config file (JSON; see README "Upstream config").
/// Errors name the offending field.
result<catalog> parse_catalog(std::string_view json_text);

} // namespace cdc::model::upstream
