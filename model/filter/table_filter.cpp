// Parsing and matching of TiDB table-filter rules.
#include "model/filter/table_filter.hpp"

#include <algorithm>
#include <array>

#include "model/filter/filter_error.hpp"
#include "model/filter/pattern_parser.hpp"

namespace cdc::model::filter {

namespace {

bool list_match(const std::vector<table_rule>& rules, std::string_view schema,
                std::string_view table) noexcept {
  for (const auto& rule : rules)
    if (rule.schema.match(schema) && rule.table.match(table))
      return rule.positive;
  return false;
}

bool list_match_schema(const std::vector<table_rule>& rules, std::string_view schema) noexcept {
  for (const auto& rule : rules)
    if (rule.schema.match(schema) && (rule.positive || rule.table.matches_all()))
      return rule.positive;
  return false;
}

// One rule line; the error, if any, is TiDB's text.
std::string parse_line(std::string_view text, bool fold, std::vector<table_rule>& out) {
  auto line = split_rule_line(text);
  if (line.kind == line_kind::skip)
    return {};
  if (line.kind == line_kind::import)  // model/ does no I/O; TiCDC would read a file here
    return tidb_error("importing filter files is not supported: @" + std::string(line.body));
  auto schema = parse_pattern(line.body, true, fold);
  if (!schema.matcher)
    return schema.error;
  if (schema.rest.empty())
    return tidb_error("wrong table pattern");
  if (schema.rest[0] != '.')
    return tidb_error("syntax error: missing '.' between schema and table patterns");
  auto table = parse_pattern(schema.rest.substr(1), true, fold);
  if (!table.matcher)
    return table.error;
  if (!table.rest.empty())
    return tidb_error("syntax error: stray characters after table pattern");
  out.push_back({std::move(*schema.matcher), std::move(*table.matcher), line.positive});
  return {};
}

} // namespace

table_filter table_filter::all() {
  std::vector<table_rule> rules;
  rules.push_back({name_matcher::any(), name_matcher::any(), true});
  std::vector<std::vector<table_rule>> lists;
  lists.push_back(std::move(rules));
  return table_filter(std::move(lists));
}

bool table_filter::match(std::string_view schema, std::string_view table) const noexcept {
  for (const auto& rules : lists_)
    if (!list_match(rules, schema, table))
      return false;
  return true;
}

bool table_filter::match_schema(std::string_view schema) const noexcept {
  for (const auto& rules : lists_)
    if (!list_match_schema(rules, schema))
      return false;
  return true;
}

result<table_filter> parse_matcher(const std::vector<std::string>& rules, bool case_sensitive) {
  std::vector<table_rule> parsed;
  parsed.reserve(rules.size());
  for (const auto& rule : rules) {
    auto error = parse_line(rule, !case_sensitive, parsed);
    if (!error.empty())
      return filter_rule_invalid(rules, error);
  }
  std::reverse(parsed.begin(), parsed.end());  // the last written rule is tried first
  std::vector<std::vector<table_rule>> lists;
  lists.push_back(std::move(parsed));
  return table_filter(std::move(lists));
}

result<table_filter> parse_table_filter(const std::vector<std::string>& rules, bool case_sensitive) {
  if (rules.empty())
    return parse_matcher({"*.*"}, case_sensitive);
  return parse_matcher(rules, case_sensitive);
}

bool is_system_schema(std::string_view schema) noexcept {
  static constexpr std::array<std::string_view, 8> names{
    "mysql", "information_schema", "performance_schema", "metrics_schema",
    "sys", "tidb_cdc", "lightning_task_info", "workload_schema"};
  for (auto name : names) {
    if (name.size() != schema.size())
      continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i) {
      auto c = static_cast<unsigned char>(schema[i]);
      same = name[i] == static_cast<char>((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
    }
    if (same)
      return true;
  }
  return false;
}

} // namespace cdc::model::filter
