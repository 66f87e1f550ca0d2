// TiDB's table-filter grammar for one pattern and one rule line, with TiDB's
// error texts ("at <cmdline>:1: syntax error: ...").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/filter/name_matcher.hpp"

namespace cdc::model::filter {

/// What a rule line is after trimming spaces and tabs.
enum class line_kind { skip, rule, import };

struct rule_line {
  line_kind kind = line_kind::skip;
  bool positive = true;   ///< false for a leading `!`
  std::string_view body;  ///< the pattern text after `!` or `@`
};

/// Trims, drops empty and `#` lines, and splits off `!` and `@`.
rule_line split_rule_line(std::string_view line) noexcept;

/// One parsed pattern and the text after it, or TiDB's error message.
struct pattern_parse {
  std::optional<name_matcher> matcher;
  std::string_view rest;
  std::string error;
};

/// Parses a schema/table pattern (`needs_dot` true: an unquoted `.` ends it)
/// or a column pattern (`needs_dot` false: `.` must be escaped). `fold` makes
/// the matcher case-insensitive, as TiDB's CaseInsensitive/toLower does.
pattern_parse parse_pattern(std::string_view line, bool needs_dot, bool fold);

/// TiDB prefixes every parse error with the rule's origin; API rules all come
/// from the "command line", line 1.
std::string tidb_error(std::string_view message);

} // namespace cdc::model::filter
