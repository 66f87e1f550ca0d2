// Everything `replica_config.filter` decides, compiled once per changefeed:
// which tables are replicated and which events and rows are dropped.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/filter/event_filter.hpp"
#include "model/filter/mysql_rules.hpp"
#include "model/filter/table_filter.hpp"
#include "model/result.hpp"

namespace cdc::model::filter {

/// `replica_config.filter` as plain data (the config types live elsewhere).
struct filter_config {
  std::vector<std::string> rules;
  std::optional<mysql_replication_rules> mysql_rules;  ///< used only when `rules` is empty
  std::vector<std::uint64_t> ignore_txn_start_ts;
  std::vector<event_filter_rule> event_filters;
};

class changefeed_filter {
public:
  /// Compiles the filter as TiCDC's NewFilter does: table rules first, then
  /// the event filters. Errors as parse_table_filter and event_filters::make.
  static result<changefeed_filter> make(const filter_config& config, bool case_sensitive);

  /// Is `schema`.`table` replicated? System schemas never are.
  bool is_table_replicated(std::string_view schema, std::string_view table) const noexcept;

  /// May some table of `schema` be replicated (for schema-level DDL)?
  bool is_schema_replicated(std::string_view schema) const noexcept;

  /// Is the transaction with this start ts dropped (ignore_txn_start_ts)?
  bool ignores_txn(std::uint64_t start_ts) const noexcept;
  /// Whether ignore_txn_start_ts lists any transaction (else ignores_dml
  /// depends on the table and kind only, and callers may decide per table).
  bool ignores_some_txn() const noexcept { return !ignore_txn_start_ts_.empty(); }

  /// TiCDC's ShouldIgnoreDMLEvent before values: dropped by start ts, by the
  /// table filter, or by an event filter's ignore_event.
  bool ignores_dml(std::string_view schema, std::string_view table, dml_kind kind,
                   std::uint64_t start_ts) const noexcept;

  /// TiCDC's ShouldIgnoreDDLEvent: dropped by start ts or by an event filter
  /// (type or ignore_sql). The table filter is not consulted here.
  bool ignores_ddl(std::string_view schema, std::string_view table, event_type type,
                   std::string_view query, std::uint64_t start_ts) const noexcept;

  const table_filter& tables() const noexcept { return tables_; }
  const event_filters& events() const noexcept { return events_; }

  /// The create/update-time check of value expressions against the tables.
  result<void> verify(std::span<const table_schema> tables) const { return events_.verify(tables); }

private:
  changefeed_filter(table_filter t, event_filters e, std::vector<std::uint64_t> ts)
    : tables_(std::move(t)), events_(std::move(e)), ignore_txn_start_ts_(std::move(ts)) {}

  table_filter tables_;
  event_filters events_;
  std::vector<std::uint64_t> ignore_txn_start_ts_;  ///< sorted
};

} // namespace cdc::model::filter
