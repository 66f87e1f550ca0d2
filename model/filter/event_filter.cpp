// Event filter compilation (TiCDC's sql_event_filter.go and expr_filter.go
// semantics) and the per-event decisions.
#include "model/filter/event_filter.hpp"

#include "model/filter/filter_error.hpp"

namespace cdc::model::filter {

namespace {

std::optional<api_failure> parse_events(const std::vector<std::string>& names,
                                        std::vector<event_type>& out) {
  for (const auto& name : names) {
    auto t = parse_event_type(name);
    if (!t)
      return fail(api_error::invalid_ignore_event_type, {name});
    out.push_back(*t);
  }
  return std::nullopt;
}

// TiCDC's binlog filter joins the patterns into one case-insensitive regex
// and searches the DDL text with it.
std::optional<api_failure> compile_sql(const std::vector<std::string>& patterns,
                                       std::optional<go_regex>& out) {
  if (patterns.empty())
    return std::nullopt;
  std::string joined = "(?i)";
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (i > 0)
      joined += '|';
    joined += patterns[i];
  }
  std::string error;
  out = go_regex::compile(joined, &error);
  if (!out)
    return filter_rule_invalid(std::string_view("failed to create binlog event filter"),
                               "compile regular expression " + go_list(patterns) + ": " + error);
  return std::nullopt;
}

std::optional<api_failure> parse_expr(const std::string& text, std::optional<value_expr>& out) {
  if (text.empty())
    return std::nullopt;
  auto e = value_expr::parse(text);
  if (!e)
    return e.error();
  out = std::move(*e);
  return std::nullopt;
}

std::optional<api_failure> bind_expr(const std::optional<value_expr>& e, const table_schema& t,
                                     const std::vector<std::string>& columns,
                                     std::optional<bound_value_expr>& out) {
  if (!e)
    return std::nullopt;
  std::string unknown;
  out = bound_value_expr::bind(*e, columns, &unknown);
  if (!out)
    return fail(api_error::expression_column_not_found, {unknown, t.schema + "." + t.table, e->text()});
  return std::nullopt;
}

bool matches(const table_filter& f, std::string_view schema, std::string_view table) noexcept {
  return table.empty() ? f.match_schema(schema) : f.match(schema, table);
}

} // namespace

bool value_filter::ignores(dml_kind kind, std::span<const sql_value> pre_row,
                           std::span<const sql_value> row) const noexcept {
  // TiCDC skips the test when the row it would read is absent.
  auto test = [](const std::optional<bound_value_expr>& e, std::span<const sql_value> values) {
    return e && !values.empty() && e->holds(values);
  };
  for (const auto& r : rules_) {
    switch (kind) {
    case dml_kind::insert:
      if (test(r.insert, row))
        return true;
      break;
    case dml_kind::update:
      if (test(r.update_old, pre_row) || test(r.update_new, row))
        return true;
      break;
    case dml_kind::delete_:
      if (test(r.delete_, pre_row))
        return true;
      break;
    }
  }
  return false;
}

result<event_filters> event_filters::make(const std::vector<event_filter_rule>& configs,
                                          bool case_sensitive) {
  std::vector<rule> rules;
  rules.reserve(configs.size());
  for (const auto& c : configs) {
    auto tables = parse_matcher(c.matcher, case_sensitive);
    if (!tables)
      return tables.error();
    rules.push_back(rule{std::move(*tables), {}, {}, {}, {}, {}, {}});
  }
  for (std::size_t i = 0; i < configs.size(); ++i) {
    if (auto failed = parse_events(configs[i].ignore_event, rules[i].events))
      return *failed;
    if (auto failed = compile_sql(configs[i].ignore_sql, rules[i].sql))
      return *failed;
  }
  for (std::size_t i = 0; i < configs.size(); ++i) {
    const auto& c = configs[i];
    auto& r = rules[i];
    for (auto [text, slot] : {std::pair{&c.ignore_insert_value_expr, &r.insert},
                              std::pair{&c.ignore_update_new_value_expr, &r.update_new},
                              std::pair{&c.ignore_update_old_value_expr, &r.update_old},
                              std::pair{&c.ignore_delete_value_expr, &r.delete_}})
      if (auto failed = parse_expr(*text, *slot))
        return *failed;
  }
  return event_filters(std::move(rules));
}

bool event_filters::ignores_dml(std::string_view schema, std::string_view table,
                                dml_kind kind) const noexcept {
  for (const auto& r : rules_) {
    if (!r.tables.match(schema, table))
      continue;
    for (auto e : r.events)
      if (covers_dml(e, kind))
        return true;
  }
  return false;
}

bool event_filters::ignores_ddl(std::string_view schema, std::string_view table, event_type type,
                                std::string_view query) const noexcept {
  for (const auto& r : rules_) {
    if (!matches(r.tables, schema, table))
      continue;
    for (auto e : r.events)
      if (covers_ddl(e, type))
        return true;
    if (r.sql && !query.empty() && r.sql->search(query))
      return true;
  }
  return false;
}

result<value_filter> event_filters::bind(const table_schema& t) const {
  value_filter out;
  std::vector<std::string> columns;
  columns.reserve(t.columns.size());
  for (const auto& c : t.columns)
    columns.push_back(c.name);
  for (const auto& r : rules_) {
    if (!(r.insert || r.update_new || r.update_old || r.delete_) || !r.tables.match(t.schema, t.table))
      continue;
    value_filter::bound_rule b;
    for (auto [expr, slot] : {std::pair{&r.insert, &b.insert}, std::pair{&r.update_new, &b.update_new},
                              std::pair{&r.update_old, &b.update_old}, std::pair{&r.delete_, &b.delete_}})
      if (auto failed = bind_expr(*expr, t, columns, *slot))
        return *failed;
    out.rules_.push_back(std::move(b));
  }
  return out;
}

result<void> event_filters::verify(std::span<const table_schema> tables) const {
  for (const auto& t : tables) {
    auto bound = bind(t);
    if (!bound)
      return bound.error();
  }
  return {};
}

} // namespace cdc::model::filter
