// SQL generation for the MySQL sink; see statements.hpp.
#include "model/mysql/statements.hpp"

#include <charconv>
#include <cmath>
#include <map>

namespace cdc::model::mysql {

namespace {

using upstream::column_type;
using upstream::row_op;

std::string column_sql_type(const upstream::column_def& c, bool is_key) {
  switch (c.type) {
    case column_type::bigint: return "BIGINT";
    case column_type::int32: return "INT";
    case column_type::varchar: return "VARCHAR(255)";
    // A TEXT key needs a prefix length; the workload's keys are short.
    case column_type::text: return is_key ? "VARCHAR(255)" : "TEXT";
    case column_type::double_: return "DOUBLE";
    case column_type::datetime: return "DATETIME";
  }
  return "TEXT";
}

std::string qualified(const upstream::table_def& t) {
  return quote_identifier(t.schema) + "." + quote_identifier(t.name);
}

/// The statements that bring the keys of `chunk` to their final state.
transaction compact(const upstream::table_def& t, const std::vector<upstream::row_change>& rows, std::size_t first,
                    std::size_t last) {
  auto key_col = t.key_column();
  // Key text -> position in `order`; each entry holds the key's last state.
  std::map<std::string, std::size_t> index;
  struct final_state {
    upstream::column_value key;
    const upstream::row_values* values = nullptr; ///< null: deleted
  };
  std::vector<final_state> order;
  auto set = [&](const upstream::column_value& key, const upstream::row_values* values) {
    auto text = upstream::to_text(key);
    auto [it, fresh] = index.emplace(text, order.size());
    if (fresh)
      order.push_back({key, values});
    else
      order[it->second].values = values;
  };
  for (auto i = first; i < last; ++i) {
    const auto& r = rows[i];
    if (r.op == row_op::remove) {
      set(r.old_values.at(key_col), nullptr);
      continue;
    }
    if (r.op == row_op::update && !r.old_values.empty()
        && upstream::to_text(r.old_values.at(key_col)) != upstream::to_text(r.new_values.at(key_col)))
      set(r.old_values.at(key_col), nullptr); // the key itself changed
    set(r.new_values.at(key_col), &r.new_values);
  }
  transaction txn;
  txn.rows = last - first;
  std::string deletes;
  std::string replaces;
  for (const auto& f : order) {
    if (!f.values) {
      deletes += deletes.empty() ? "DELETE FROM " + qualified(t) + " WHERE " + quote_identifier(t.columns[key_col].name)
                                     + " IN ("
                                 : ",";
      append_literal(f.key, deletes);
      continue;
    }
    if (replaces.empty()) {
      replaces = "REPLACE INTO " + qualified(t) + " (";
      for (std::size_t c = 0; c < t.columns.size(); ++c)
        replaces += (c ? "," : "") + quote_identifier(t.columns[c].name);
      replaces += ") VALUES ";
    } else {
      replaces += ',';
    }
    replaces += '(';
    for (std::size_t c = 0; c < f.values->size(); ++c) {
      if (c)
        replaces += ',';
      append_literal((*f.values)[c], replaces);
    }
    replaces += ')';
  }
  if (!deletes.empty())
    txn.statements.push_back(deletes + ")");
  if (!replaces.empty())
    txn.statements.push_back(std::move(replaces));
  return txn;
}

} // namespace

std::string quote_identifier(std::string_view name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`')
      out += '`';
    out += c;
  }
  out += '`';
  return out;
}

void append_literal(const upstream::column_value& v, std::string& out) {
  if (std::holds_alternative<std::monostate>(v)) {
    out += "NULL";
    return;
  }
  if (auto* i = std::get_if<std::int64_t>(&v)) {
    out += std::to_string(*i);
    return;
  }
  if (auto* d = std::get_if<double>(&v)) {
    if (!std::isfinite(*d)) {
      out += "NULL"; // MySQL has no NaN or infinity
      return;
    }
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, *d);
    out.append(buf, r.ptr);
    return;
  }
  out += '\'';
  for (char c : std::get<std::string>(v)) {
    switch (c) {
      case '\0': out += "\\0"; break;
      case '\'': out += "\\'"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\x1a': out += "\\Z"; break;
      default: out += c;
    }
  }
  out += '\'';
}

std::string create_database_sql(std::string_view schema) {
  return "CREATE DATABASE IF NOT EXISTS " + quote_identifier(schema);
}

std::string create_table_sql(const upstream::table_def& t) {
  auto key_col = t.key_column();
  std::string pk;
  for (const auto& c : t.columns)
    if (c.primary_key)
      pk += (pk.empty() ? "" : ",") + quote_identifier(c.name);
  std::string out = "CREATE TABLE IF NOT EXISTS " + qualified(t) + " (";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const auto& c = t.columns[i];
    bool is_key = c.primary_key || (pk.empty() && i == key_col);
    out += (i ? ", " : "") + quote_identifier(c.name) + " " + column_sql_type(c, is_key);
    out += c.nullable && !c.primary_key ? " NULL" : " NOT NULL";
  }
  if (!pk.empty())
    out += ", PRIMARY KEY (" + pk + ")";
  else
    out += ", UNIQUE KEY (" + quote_identifier(t.columns.at(key_col).name) + ")";
  out += ")";
  return out;
}

std::vector<transaction> plan_transactions(const upstream::table_def& t,
                                           const std::vector<upstream::row_change>& rows,
                                           std::size_t max_txn_row, sink::txn_atomicity atomicity) {
  std::vector<transaction> out;
  if (max_txn_row == 0)
    max_txn_row = 1;
  std::size_t first = 0;
  while (first < rows.size()) {
    auto last = std::min(rows.size(), first + max_txn_row);
    if (atomicity == sink::txn_atomicity::table)
      while (last < rows.size() && rows[last].commit_ts == rows[last - 1].commit_ts)
        ++last;
    out.push_back(compact(t, rows, first, last));
    first = last;
  }
  return out;
}

} // namespace cdc::model::mysql
