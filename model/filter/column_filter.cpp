// Parsing and matching of column-filter rules.
#include "model/filter/column_filter.hpp"

#include <algorithm>

#include "model/filter/filter_error.hpp"
#include "model/filter/pattern_parser.hpp"

namespace cdc::model::filter {

bool column_filter::match(std::string_view column) const noexcept {
  for (const auto& r : rules_)
    if (r.column.match(column))
      return r.positive;
  return false;
}

result<column_filter> parse_column_filter(const std::vector<std::string>& rules) {
  std::vector<column_filter::rule> parsed;
  parsed.reserve(rules.size());
  for (const auto& text : rules) {
    auto line = split_rule_line(text);
    if (line.kind == line_kind::skip)
      continue;
    if (line.kind == line_kind::import)
      return filter_rule_invalid(
        rules, tidb_error("importing filter files is not supported: @" + std::string(line.body)));
    // Column names are case-insensitive in MySQL, so TiDB always folds.
    auto column = parse_pattern(line.body, false, true);
    if (!column.matcher)
      return filter_rule_invalid(rules, column.error);
    if (!column.rest.empty())
      return filter_rule_invalid(rules, tidb_error("syntax error: stray characters after column pattern"));
    parsed.push_back({std::move(*column.matcher), line.positive});
  }
  std::reverse(parsed.begin(), parsed.end());
  return column_filter(std::move(parsed));
}

} // namespace cdc::model::filter
