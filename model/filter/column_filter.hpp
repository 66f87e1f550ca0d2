// TiDB's column filter: one pattern per rule (no `schema.` part), `!` to
// exclude, last matching rule wins, always case-insensitive.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/filter/name_matcher.hpp"
#include "model/result.hpp"

namespace cdc::model::filter {

class column_filter {
public:
  struct rule {
    name_matcher column;
    bool positive = true;
  };

  /// Rules in evaluation order (last written first).
  explicit column_filter(std::vector<rule> rules) : rules_(std::move(rules)) {}

  /// Is the column kept? No matching rule means "filtered out".
  bool match(std::string_view column) const noexcept;

private:
  std::vector<rule> rules_;
};

/// TiDB's ParseColumnFilter. An unquoted `.` must be escaped (`a\.b`).
/// Errors: 400 CDC:ErrFilterRuleInvalid "filter rule is invalid [<rules>]: ...".
result<column_filter> parse_column_filter(const std::vector<std::string>& rules);

} // namespace cdc::model::filter
