// Column selector parsing, application and TiCDC's verification rules.
#include "model/filter/column_selector.hpp"

#include <algorithm>

namespace cdc::model::filter {

namespace {

bool all_kept(const std::vector<std::string>& names, const table_schema& t,
              const std::vector<bool>& kept) {
  for (const auto& name : names) {
    auto it = std::find_if(t.columns.begin(), t.columns.end(),
                           [&](const column_def& c) { return same_name(c.name, name); });
    if (it == t.columns.end() || !kept[static_cast<std::size_t>(it - t.columns.begin())])
      return false;
  }
  return true;
}

// TiCDC's verifyIndices: the primary key survives whole, or else some unique
// index does. A table without a primary key passes (its key list is empty,
// so "every key column survives" holds) - TiCDC's behaviour, kept as is.
bool keeps_a_key(const table_schema& t, const std::vector<bool>& kept) {
  const auto* pk = primary_key(t);
  if (!pk || all_kept(pk->columns, t, kept))
    return true;
  for (const auto& index : t.indexes)
    if (index.unique && all_kept(index.columns, t, kept))
      return true;
  return false;
}

std::string table_name(const table_schema& t) {
  return t.schema + "." + t.table;
}

} // namespace

result<column_selectors> column_selectors::make(const std::vector<column_selector_rule>& rules,
                                                bool case_sensitive) {
  std::vector<selector> selectors;
  selectors.reserve(rules.size());
  for (const auto& rule : rules) {
    auto tables = parse_matcher(rule.matcher, case_sensitive);
    if (!tables)
      return tables.error();
    auto columns = parse_column_filter(rule.columns);
    if (!columns)
      return columns.error();
    selectors.push_back({std::move(*tables), std::move(*columns)});
  }
  return column_selectors(std::move(selectors));
}

const column_filter* column_selectors::selector_for(std::string_view schema,
                                                    std::string_view table) const noexcept {
  for (const auto& s : selectors_)
    if (s.tables.match(schema, table))
      return &s.columns;
  return nullptr;
}

bool column_selectors::keeps_column(std::string_view schema, std::string_view table,
                                    std::string_view column) const noexcept {
  const auto* columns = selector_for(schema, table);
  return !columns || columns->match(column);
}

std::vector<bool> column_selectors::retained_columns(const table_schema& t) const {
  std::vector<bool> kept(t.columns.size(), true);
  if (const auto* columns = selector_for(t.schema, t.table))
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      kept[i] = columns->match(t.columns[i].name);
  return kept;
}

result<void> column_selectors::verify(const table_schema& t,
                                      std::span<const std::string> dispatcher_columns) const {
  for (const auto& s : selectors_) {
    if (!s.tables.match(t.schema, t.table))
      continue;
    std::vector<bool> kept(t.columns.size());
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      kept[i] = s.columns.match(t.columns[i].name);
      if (kept[i])
        continue;
      // TiCDC compares these names exactly, not case-insensitively.
      if (std::find(dispatcher_columns.begin(), dispatcher_columns.end(), t.columns[i].name)
          != dispatcher_columns.end())
        return fail_with(api_error::column_selector_failed,
                         "the filtered out column is used in the column dispatcher, table: "
                           + table_name(t) + ", column: " + t.columns[i].name);
    }
    if (!keeps_a_key(t, kept))
      return fail_with(api_error::column_selector_failed,
                       "no primary key columns or unique key columns obtained after filter out, table: "
                         + table_name(t));
  }
  return {};
}

} // namespace cdc::model::filter
