// The upstream's row changes, as a pure function of table and time: event k of
// a table happens at a fixed instant, so any TSO range can be replayed from
// any checkpoint and tests can compute exactly what a sink must receive.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "model/tso.hpp"
#include "model/upstream/catalog.hpp"

namespace cdc::model::upstream {

enum class row_op : std::uint8_t { insert, update, remove };

std::string_view to_string(row_op op) noexcept;

/// A column value: SQL NULL, an integer, a double or a string.
using column_value = std::variant<std::monostate, std::int64_t, double, std::string>;
using row_values = std::vector<column_value>;

struct row_change {
  std::int64_t table_id = 0;
  row_op op = row_op::insert;
  tso_t start_ts = 0;
  tso_t commit_ts = 0;
  row_values new_values; ///< empty for a delete
  row_values old_values; ///< empty for an insert
};

/// The workload of one table. Event k (k ≥ 1) commits at physical time
/// floor(k·interval) ms with logical 1; it touches key k mod key_space, and the
/// round k / key_space decides the operation: 0 insert, 1–2 update, 3 delete,
/// then again insert, update, update, delete — always a valid history.
class table_workload {
public:
  explicit table_workload(const table_def& def);

  /// Appends the changes committed in (from, to], oldest first, at most
  /// `limit` of them. Returns the TSO up to which the table is now complete:
  /// `to`, or the last change's commit TS when the limit cut the batch short.
  tso_t changes(tso_t from, tso_t to, std::size_t limit, std::vector<row_change>& out) const;

  /// The number of changes committed in (from, to], without producing them.
  std::uint64_t count(tso_t from, tso_t to) const noexcept;

  /// The last TSO before the first change committed after `from`: the
  /// table is complete from `from` up to it without reading a row. The
  /// greatest TSO when the table receives no writes.
  tso_t quiet_through(tso_t from) const noexcept;

  /// Every row as of TSO `at`, keyed by the key column's value rendered as text.
  std::map<std::string, row_values> snapshot(tso_t at) const;

  /// The values event k writes (for an insert or update).
  row_values values_of(std::uint64_t k) const;

  const table_def& table() const noexcept { return *def_; }
  bool active() const noexcept { return interval_us_ > 0; }

private:
  /// First and last event numbers committed in (from, to]; empty when first > last.
  std::pair<std::uint64_t, std::uint64_t> range(tso_t from, tso_t to) const noexcept;
  row_op op_of(std::uint64_t k) const noexcept;
  tso_t commit_ts_of(std::uint64_t k) const noexcept;

  const table_def* def_;
  /// Microseconds between events; 0 when the table receives no writes.
  std::int64_t interval_us_ = 0;
  std::size_t key_column_ = 0;
};

/// Renders a value as text (NULL as "NULL"), e.g. for keys and tests.
std::string to_text(const column_value& v);

} // namespace cdc::model::upstream
