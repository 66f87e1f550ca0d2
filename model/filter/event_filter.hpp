// Event filters (filter.event_filters): per matched table, ignore events by
// type (ignore_event), DDL by query text (ignore_sql) and rows by value
// (ignore_*_value_expr).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/config/filter_config.hpp"
#include "model/filter/event_type.hpp"
#include "model/filter/go_regex.hpp"
#include "model/filter/table_filter.hpp"
#include "model/filter/table_schema.hpp"
#include "model/filter/value_expr.hpp"
#include "model/result.hpp"

namespace cdc::model::filter {

/// One rule of the replica config: the config's own value type.
using event_filter_rule = config::event_filter_rule;

/// The value expressions that apply to one table, bound to its column order.
class value_filter {
public:
  bool empty() const noexcept { return rules_.empty(); }

  /// Is this row change ignored? Rows are in table column order; `pre_row`
  /// is the old row (update, delete), `row` the new one (insert, update).
  bool ignores(dml_kind kind, std::span<const sql_value> pre_row,
               std::span<const sql_value> row) const noexcept;

private:
  friend class event_filters;
  struct bound_rule {
    std::optional<bound_value_expr> insert, update_new, update_old, delete_;
  };
  std::vector<bound_rule> rules_;
};

class event_filters {
public:
  /// Compiles and checks the rules in TiCDC's order: every matcher (400
  /// CDC:ErrFilterRuleInvalid), then per rule its ignore_event names (500
  /// CDC:ErrInvalidIgnoreEventType) and ignore_sql regexes (400
  /// CDC:ErrFilterRuleInvalid), then the value expressions (500
  /// CDC:ErrInvalidFilterExpression). Matchers honour `case_sensitive`.
  static result<event_filters> make(const std::vector<event_filter_rule>& rules, bool case_sensitive);

  bool empty() const noexcept { return rules_.empty(); }

  /// Does some rule matching the table ignore this kind of row change?
  bool ignores_dml(std::string_view schema, std::string_view table, dml_kind kind) const noexcept;

  /// Does some rule ignore this DDL, by type or by its query text? An empty
  /// `table` means a schema-level DDL (matched against the schema only).
  bool ignores_ddl(std::string_view schema, std::string_view table, event_type type,
                   std::string_view query) const noexcept;

  /// The value expressions of the rules matching `t`, bound to its columns.
  /// An expression naming a column `t` lacks fails with a 500 (TiCDC's
  /// CDC:ErrExpressionColumnNotFound message).
  result<value_filter> bind(const table_schema& t) const;

  /// bind() for every table: the create/update-time check.
  result<void> verify(std::span<const table_schema> tables) const;

private:
  struct rule {
    table_filter tables;
    std::vector<event_type> events;
    std::optional<go_regex> sql;
    std::optional<value_expr> insert, update_new, update_old, delete_;
  };
  explicit event_filters(std::vector<rule> r) : rules_(std::move(r)) {}
  std::vector<rule> rules_;
};

} // namespace cdc::model::filter
