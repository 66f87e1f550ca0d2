// TiDB's table filter (`schema.table` rules, last matching rule wins), as
// TiCDC uses it for filter.rules and for every `matcher` list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/filter/name_matcher.hpp"
#include "model/result.hpp"

namespace cdc::model::filter {

/// One `[!]schema.table` rule.
struct table_rule {
  name_matcher schema;
  name_matcher table;
  bool positive = true;
};

/// A compiled filter. Immutable, cheap to copy, safe to share across threads.
class table_filter {
public:
  /// Rule lists in evaluation order; a table passes when every list accepts
  /// it (one list for rule syntax, two for MySQL-style rules). Within a list
  /// the first matching rule decides; no matching rule means "excluded".
  explicit table_filter(std::vector<std::vector<table_rule>> lists)
    : lists_(std::move(lists)) {}

  /// Matches every table (TiDB's filter.All()).
  static table_filter all();

  /// Is `schema`.`table` selected? (TiDB's MatchTable.)
  bool match(std::string_view schema, std::string_view table) const noexcept;

  /// Can any table of `schema` be selected? A negative rule only excludes a
  /// whole schema when its table pattern is `*`. (TiDB's MatchSchema.)
  bool match_schema(std::string_view schema) const noexcept;

private:
  std::vector<std::vector<table_rule>> lists_;
};

/// TiDB's filter.Parse (plus CaseInsensitive unless `case_sensitive`): used for
/// `matcher` lists. An empty list, or one of only comments, matches nothing.
/// Errors: 400 CDC:ErrFilterRuleInvalid "filter rule is invalid [<rules>]:
/// at <cmdline>:1: <TiDB's reason>".
result<table_filter> parse_matcher(const std::vector<std::string>& rules, bool case_sensitive);

/// `filter.rules` as TiCDC reads them: like parse_matcher, but an empty list
/// means `*.*`.
result<table_filter> parse_table_filter(const std::vector<std::string>& rules, bool case_sensitive);

/// The schemas TiCDC never replicates, whatever the rules say: mysql,
/// information_schema, performance_schema, metrics_schema, sys, tidb_cdc,
/// lightning_task_info, workload_schema (compared case-insensitively).
bool is_system_schema(std::string_view schema) noexcept;

} // namespace cdc::model::filter
