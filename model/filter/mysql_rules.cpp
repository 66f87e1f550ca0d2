// TiDB's compat.go semantics for MySQL replication rules, on our matchers.
#include "model/filter/mysql_rules.hpp"

#include <optional>

#include "model/filter/filter_error.hpp"

namespace cdc::model::filter {

namespace {

// A legacy pattern: `~` starts an unanchored regex; without `?*[` it is a
// literal; otherwise a wildcard where `[!` negates a class.
std::optional<name_matcher> legacy_matcher(const std::string& pattern, bool fold,
                                           std::string& error) {
  if (pattern.empty()) {
    error = "pattern cannot be empty";
    return std::nullopt;
  }
  std::string source;
  if (pattern[0] == '~') {
    source = pattern.substr(1);
  } else if (pattern.find_first_of("?*[") == std::string::npos) {
    return name_matcher::literal(pattern, fold);
  } else {
    // QuoteMeta, then give `*`, `?`, `[`, `[!` and `]` their wildcard meaning.
    source = "(?s)^";
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      char c = pattern[i];
      if (c == '*')
        source += ".*";
      else if (c == '?')
        source += '.';
      else if (c == '[' && i + 1 < pattern.size() && pattern[i + 1] == '!') {
        source += "[^";
        ++i;
      } else if (c == '[' || c == ']')
        source += c;
      else
        source += quote_meta(std::string_view(&pattern[i], 1));
    }
    source += '$';
  }
  if (source == "(?s)^.*$")
    return name_matcher::any();
  auto re = go_regex::compile(source, &error);
  if (re && fold)
    re = go_regex::compile("(?i)" + source, &error);
  if (!re)
    return std::nullopt;
  return name_matcher::regex(std::move(*re));
}

// One list: the given entries with `positive`, and for a deny list a final
// rule that lets everything else through.
template <class Entries, class ToRule>
std::optional<api_failure> build_list(const Entries& entries, bool positive,
                                      std::vector<table_rule>& out, ToRule to_rule) {
  for (const auto& entry : entries) {
    std::string error;
    auto rule = to_rule(entry, error);
    if (!rule)
      return filter_rule_invalid(std::string_view("mysql replication rules"), error);
    rule->positive = positive;
    out.push_back(std::move(*rule));
  }
  if (!positive)
    out.push_back({name_matcher::any(), name_matcher::any(), true});
  return std::nullopt;
}

} // namespace

result<table_filter> parse_mysql_replication_rules(const mysql_replication_rules& rules,
                                                   bool case_sensitive) {
  bool fold = !case_sensitive;
  std::vector<table_rule> schema_rules;
  bool do_dbs = !rules.do_dbs.empty();
  auto failed = build_list(
    do_dbs ? rules.do_dbs : rules.ignore_dbs, do_dbs, schema_rules,
    [&](const std::string& db, std::string& error) -> std::optional<table_rule> {
      auto m = legacy_matcher(db, fold, error);
      if (!m)
        return std::nullopt;
      return table_rule{std::move(*m), name_matcher::any(), true};
    });
  if (failed)
    return *failed;

  std::vector<table_rule> table_rules;
  bool do_tables = !rules.do_tables.empty();
  failed = build_list(
    do_tables ? rules.do_tables : rules.ignore_tables, do_tables, table_rules,
    [&](const table_name_pattern& t, std::string& error) -> std::optional<table_rule> {
      auto schema = legacy_matcher(t.database_name, fold, error);
      if (!schema)
        return std::nullopt;
      auto table = legacy_matcher(t.table_name, fold, error);
      if (!table)
        return std::nullopt;
      return table_rule{std::move(*schema), std::move(*table), true};
    });
  if (failed)
    return *failed;

  std::vector<std::vector<table_rule>> lists;
  lists.push_back(std::move(schema_rules));
  lists.push_back(std::move(table_rules));
  return table_filter(std::move(lists));
}

result<table_filter> verify_table_rules(const std::vector<std::string>& rules,
                                        const mysql_replication_rules* mysql_rules,
                                        bool case_sensitive) {
  if (rules.empty() && mysql_rules)
    return parse_mysql_replication_rules(*mysql_rules, case_sensitive);
  return parse_table_filter(rules, case_sensitive);
}

} // namespace cdc::model::filter
