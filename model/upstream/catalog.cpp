#include "model/upstream/catalog.hpp"

#include <algorithm>
#include <array>

#include <boost/json/parse.hpp>

#include "model/json/body.hpp"

namespace cdc::model::upstream {

namespace {

constexpr std::array<std::string_view, 6> type_names{"bigint", "int", "varchar", "text", "double", "datetime"};

api_failure bad(std::string_view path, std::string_view why) {
  std::string msg = "invalid upstream config: ";
  msg += path;
  msg += ": ";
  msg += why;
  return fail_with(api_error::api_invalid_param, std::move(msg));
}

result<std::int64_t> read_int(const boost::json::object& o, std::string_view key, std::int64_t dflt,
                              std::string_view path) {
  auto* v = o.if_contains(key);
  if (!v)
    return dflt;
  if (v->is_int64())
    return v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
    return static_cast<std::int64_t>(v->get_uint64());
  return bad(std::string(path) + "." + std::string(key), "expected an integer");
}

result<double> read_number(const boost::json::object& o, std::string_view key, double dflt,
                           std::string_view path) {
  auto* v = o.if_contains(key);
  if (!v)
    return dflt;
  if (v->is_number())
    return v->to_number<double>();
  return bad(std::string(path) + "." + std::string(key), "expected a number");
}

result<std::string> read_string(const boost::json::object& o, std::string_view key, std::string_view path) {
  auto* v = o.if_contains(key);
  if (!v || !v->is_string() || v->get_string().empty())
    return bad(std::string(path) + "." + std::string(key), "expected a non-empty string");
  return std::string(v->get_string());
}

bool read_bool(const boost::json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_bool() && v->get_bool();
}

/// `"users": [{"name": "root", "password": ""}, ...]`; absent: a fresh
/// TiDB's root with an empty password.
result<user_accounts> parse_users(const boost::json::object& root) {
  auto* list = root.if_contains("users");
  if (!list)
    return user_accounts::fresh_tidb();
  if (!list->is_array())
    return bad("$.users", "expected an array");
  user_accounts out;
  for (std::size_t i = 0; i < list->get_array().size(); ++i) {
    auto path = "$.users[" + std::to_string(i) + "]";
    const auto& u = list->get_array()[i];
    if (!u.is_object())
      return bad(path, "expected an object");
    auto name = read_string(u.get_object(), "name", path);
    if (!name)
      return name.error();
    auto* password = u.get_object().if_contains("password");
    if (password && !password->is_string())
      return bad(path + ".password", "expected a string");
    out.set(std::move(*name), password ? std::string_view(password->get_string()) : std::string_view());
  }
  return out;
}

result<column_def> parse_column(const boost::json::value& v, const std::string& path) {
  if (!v.is_object())
    return bad(path, "expected an object");
  const auto& o = v.get_object();
  column_def c;
  auto name = read_string(o, "name", path);
  if (!name)
    return name.error();
  c.name = *name;
  auto type = read_string(o, "type", path);
  if (!type)
    return type.error();
  auto it = std::find(type_names.begin(), type_names.end(), *type);
  if (it == type_names.end())
    return bad(path + ".type", "unknown type '" + *type + "' (bigint, int, varchar, text, double, datetime)");
  c.type = static_cast<column_type>(it - type_names.begin());
  c.nullable = read_bool(o, "nullable");
  c.primary_key = read_bool(o, "primary_key");
  c.unique = read_bool(o, "unique");
  if (c.primary_key && c.nullable)
    return bad(path, "a primary key column cannot be nullable");
  return c;
}

} // namespace

std::string_view to_string(column_type t) noexcept { return type_names[static_cast<std::size_t>(t)]; }

std::size_t table_def::key_column() const noexcept {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].primary_key)
      return i;
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].unique && !columns[i].nullable)
      return i;
  return 0;
}

bool table_def::eligible() const noexcept {
  return std::any_of(columns.begin(), columns.end(),
                     [](const column_def& c) { return c.primary_key || (c.unique && !c.nullable); });
}

const table_def* catalog::find(std::int64_t id) const noexcept {
  auto it = std::lower_bound(tables.begin(), tables.end(), id,
                             [](const table_def& t, std::int64_t x) { return t.id < x; });
  return it != tables.end() && it->id == id ? &*it : nullptr;
}

const table_def* catalog::find(std::string_view schema, std::string_view table) const noexcept {
  for (const auto& t : tables)
    if (t.schema == schema && t.name == table)
      return &t;
  return nullptr;
}

catalog default_catalog() {
  catalog c;
  std::int64_t id = 100;
  for (int s = 0; s < 4; ++s)
    for (int t = 0; t < 8; ++t) {
      table_def def;
      def.id = id++;
      def.schema = "test" + std::to_string(s);
      def.name = "t" + std::to_string(t);
      def.columns = {
        {"id", column_type::bigint, false, true, false},
        {"k", column_type::int32, false, false, false},
        {"c", column_type::varchar, false, false, false},
        {"pad", column_type::varchar, true, false, false},
      };
      def.rows_per_second = 10;
      def.key_space = 1000;
      c.tables.push_back(std::move(def));
    }
  return c;
}

result<catalog> parse_catalog(std::string_view json_text) {
  auto root = json::parse_object(json_text, "invalid upstream config: ");
  if (!root)
    return root.error();
  catalog c;
  auto rate = read_number(*root, "rows_per_second", 10, "$");
  auto keys = read_int(*root, "key_space", 1000, "$");
  auto lag = read_int(*root, "resolved_lag_ms", 0, "$");
  auto tick = read_int(*root, "tick_ms", 100, "$");
  auto gc = read_int(*root, "gc_life_time_ms", 10 * 60 * 1000, "$");
  for (auto* r : {&keys, &lag, &tick, &gc})
    if (!*r)
      return r->error();
  if (!rate)
    return rate.error();
  if (*rate < 0 || *keys <= 0 || *lag < 0 || *tick <= 0 || *gc < 0)
    return bad("$", "rows_per_second, resolved_lag_ms and gc_life_time_ms must be >= 0; key_space and tick_ms > 0");
  c.resolved_lag_ms = *lag;
  c.tick_ms = *tick;
  c.gc_life_time_ms = *gc;
  auto users = parse_users(*root);
  if (!users)
    return users.error();
  c.users = std::move(*users);

  auto* schemas = root->if_contains("schemas");
  if (!schemas || !schemas->is_array() || schemas->get_array().empty())
    return bad("$.schemas", "expected a non-empty array");
  std::int64_t next_id = 100;
  for (std::size_t s = 0; s < schemas->get_array().size(); ++s) {
    auto spath = "$.schemas[" + std::to_string(s) + "]";
    const auto& sv = schemas->get_array()[s];
    if (!sv.is_object())
      return bad(spath, "expected an object");
    auto sname = read_string(sv.get_object(), "name", spath);
    if (!sname)
      return sname.error();
    auto* tables = sv.get_object().if_contains("tables");
    if (!tables || !tables->is_array())
      return bad(spath + ".tables", "expected an array");
    for (std::size_t t = 0; t < tables->get_array().size(); ++t) {
      auto tpath = spath + ".tables[" + std::to_string(t) + "]";
      const auto& tv = tables->get_array()[t];
      if (!tv.is_object())
        return bad(tpath, "expected an object");
      const auto& to = tv.get_object();
      table_def def;
      def.schema = *sname;
      auto tname = read_string(to, "name", tpath);
      if (!tname)
        return tname.error();
      def.name = *tname;
      auto id = read_int(to, "id", next_id, tpath);
      auto trate = read_number(to, "rows_per_second", *rate, tpath);
      auto tkeys = read_int(to, "key_space", *keys, tpath);
      if (!id)
        return id.error();
      if (!trate)
        return trate.error();
      if (!tkeys)
        return tkeys.error();
      if (*id <= 0 || *trate < 0 || *tkeys <= 0)
        return bad(tpath, "id and key_space must be > 0, rows_per_second >= 0");
      def.id = *id;
      def.rows_per_second = *trate;
      def.key_space = static_cast<std::uint64_t>(*tkeys);
      next_id = def.id + 1;
      if (auto* cols = to.if_contains("columns")) {
        if (!cols->is_array() || cols->get_array().empty())
          return bad(tpath + ".columns", "expected a non-empty array");
        for (std::size_t i = 0; i < cols->get_array().size(); ++i) {
          auto col = parse_column(cols->get_array()[i], tpath + ".columns[" + std::to_string(i) + "]");
          if (!col)
            return col.error();
          def.columns.push_back(std::move(*col));
        }
      } else {
        def.columns = default_catalog().tables.front().columns;
      }
      c.tables.push_back(std::move(def));
    }
  }
  std::sort(c.tables.begin(), c.tables.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  for (std::size_t i = 1; i < c.tables.size(); ++i) {
    if (c.tables[i].id == c.tables[i - 1].id)
      return bad("$.schemas", "table id " + std::to_string(c.tables[i].id) + " is used twice");
    if (c.find(c.tables[i].schema, c.tables[i].name) != &c.tables[i])
      return bad("$.schemas", "table " + c.tables[i].qualified_name() + " is defined twice");
  }
  return c;
}

} // namespace cdc::model::upstream
