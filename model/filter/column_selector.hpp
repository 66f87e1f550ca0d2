// Column selectors (sink.column_selectors): for the tables a selector's
// matcher picks, only the columns its column filter keeps are emitted.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/filter/column_filter.hpp"
#include "model/filter/table_filter.hpp"
#include "model/filter/table_schema.hpp"
#include "model/result.hpp"

namespace cdc::model::filter {

/// One `{matcher, columns}` entry of the replica config.
struct column_selector_rule {
  std::vector<std::string> matcher;
  std::vector<std::string> columns;
};

class column_selectors {
public:
  /// Parses every selector; matcher and column patterns that fail to parse
  /// give 400 CDC:ErrFilterRuleInvalid. Matchers honour `case_sensitive`;
  /// column patterns are always case-insensitive.
  static result<column_selectors> make(const std::vector<column_selector_rule>& rules,
                                       bool case_sensitive);

  bool empty() const noexcept { return selectors_.empty(); }

  /// The column filter of the first selector that matches the table, or
  /// nullptr when none does (then every column is kept).
  const column_filter* selector_for(std::string_view schema, std::string_view table) const noexcept;

  /// Is this column emitted? (TiCDC's VerifyColumn.)
  bool keeps_column(std::string_view schema, std::string_view table,
                    std::string_view column) const noexcept;

  /// For each column of `t`, in order: is it emitted?
  std::vector<bool> retained_columns(const table_schema& t) const;

  /// TiCDC's check at create/update, for one table: every selector matching
  /// it must keep a complete primary key (or, failing that, some unique
  /// index), and must not drop a column the table's `columns` dispatcher
  /// hashes on (`dispatcher_columns`, empty when it has none).
  /// Errors: 500 CDC:ErrColumnSelectorFailed.
  result<void> verify(const table_schema& t, std::span<const std::string> dispatcher_columns) const;

private:
  struct selector {
    table_filter tables;
    column_filter columns;
  };
  explicit column_selectors(std::vector<selector> s) : selectors_(std::move(s)) {}
  std::vector<selector> selectors_;
};

} // namespace cdc::model::filter
