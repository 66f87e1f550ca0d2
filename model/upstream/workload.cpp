#include "model/upstream/workload.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace cdc::model::upstream {

namespace {

// The fastest a table writes: one change per millisecond keeps commit TSOs
// of a table strictly increasing with logical part 1.
constexpr std::int64_t min_interval_us = 1000;

std::uint64_t mix(std::uint64_t x) noexcept {
  // splitmix64: cheap, well-spread values from the event number.
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

std::int64_t ceil_div(std::int64_t a, std::int64_t b) noexcept { return a <= 0 ? 0 : (a + b - 1) / b; }

/// prefix + a [+ infix + b] without temporaries: no allocation up to 15
/// characters (the generator's hot path makes millions of these a second).
std::string text_of(std::string_view prefix, std::uint64_t a, std::string_view infix, std::uint64_t b) {
  char digits[20]; // 2^64 has 20 digits
  std::string out{prefix};
  out.append(digits, std::to_chars(digits, digits + sizeof digits, a).ptr);
  if (!infix.empty()) {
    out.append(infix);
    out.append(digits, std::to_chars(digits, digits + sizeof digits, b).ptr);
  }
  return out;
}

} // namespace

std::string_view to_string(row_op op) noexcept {
  switch (op) {
    case row_op::insert: return "insert";
    case row_op::update: return "update";
    default: return "delete";
  }
}

std::string to_text(const column_value& v) {
  if (std::holds_alternative<std::monostate>(v))
    return "NULL";
  if (auto* i = std::get_if<std::int64_t>(&v))
    return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", *d);
    return buf;
  }
  return std::get<std::string>(v);
}

table_workload::table_workload(const table_def& def) : def_(&def), key_column_(def.key_column()) {
  if (def.rows_per_second > 0)
    interval_us_ = std::max(min_interval_us, static_cast<std::int64_t>(std::llround(1e6 / def.rows_per_second)));
}

tso_t table_workload::commit_ts_of(std::uint64_t k) const noexcept {
  return compose_tso(static_cast<std::int64_t>(k) * interval_us_ / 1000, 1);
}

row_op table_workload::op_of(std::uint64_t k) const noexcept {
  switch ((k / def_->key_space) % 4) {
    case 0: return row_op::insert;
    case 3: return row_op::remove;
    default: return row_op::update;
  }
}

std::pair<std::uint64_t, std::uint64_t> table_workload::range(tso_t from, tso_t to) const noexcept {
  if (!active() || to <= from)
    return {1, 0};
  // Event k is in (from, to] iff its physical time t_k = floor(k·iv/1000)
  // satisfies t_min <= t_k <= t_max (its logical part is 1).
  std::int64_t t_min = tso_physical_ms(from) + (tso_logical(from) >= 1 ? 1 : 0);
  std::int64_t t_max = tso_physical_ms(to) - (tso_logical(to) >= 1 ? 0 : 1);
  if (t_max < t_min)
    return {1, 0};
  auto first = std::max<std::int64_t>(1, ceil_div(t_min * 1000, interval_us_));
  auto last = ((t_max + 1) * 1000 - 1) / interval_us_;
  if (last < first)
    return {1, 0};
  return {static_cast<std::uint64_t>(first), static_cast<std::uint64_t>(last)};
}

std::uint64_t table_workload::count(tso_t from, tso_t to) const noexcept {
  auto [first, last] = range(from, to);
  return first > last ? 0 : last - first + 1;
}

tso_t table_workload::quiet_through(tso_t from) const noexcept {
  if (!active())
    return ~tso_t{0};
  // As in range(): the first event whose physical time is past `from`'s
  // (or at it, when `from` is before that millisecond's logical 1).
  std::int64_t t_min = tso_physical_ms(from) + (tso_logical(from) >= 1 ? 1 : 0);
  auto next = std::max<std::int64_t>(1, ceil_div(t_min * 1000, interval_us_));
  return commit_ts_of(static_cast<std::uint64_t>(next)) - 1;
}

row_values table_workload::values_of(std::uint64_t k) const {
  const auto& cols = def_->columns;
  row_values out;
  out.reserve(cols.size());
  auto key = k % def_->key_space;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const auto& col = cols[i];
    auto h = mix(k * 31 + i);
    if (i == key_column_) {
      if (col.type == column_type::varchar || col.type == column_type::text)
        out.emplace_back(std::in_place_type<std::string>, text_of("key-", key + 1, {}, 0));
      else
        out.emplace_back(static_cast<std::int64_t>(key + 1));
      continue;
    }
    if (col.nullable && h % 5 == 0) {
      out.emplace_back(std::monostate{});
      continue;
    }
    switch (col.type) {
      case column_type::bigint: out.emplace_back(static_cast<std::int64_t>(k)); break;
      case column_type::int32: out.emplace_back(static_cast<std::int64_t>(h % 1000000)); break;
      case column_type::double_: out.emplace_back(static_cast<double>(h % 100000) / 100.0); break;
      case column_type::datetime: {
        auto secs = static_cast<std::time_t>(tso_physical_ms(commit_ts_of(k)) / 1000);
        std::tm tm{};
        gmtime_r(&secs, &tm);
        char buf[80];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                      tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
        out.emplace_back(std::string(buf));
        break;
      }
      default: out.emplace_back(std::in_place_type<std::string>, text_of("v", k, "-", h % 997)); break;
    }
  }
  return out;
}

tso_t table_workload::changes(tso_t from, tso_t to, std::size_t limit, std::vector<row_change>& out) const {
  auto [first, last] = range(from, to);
  if (first > last)
    return std::max(from, to);
  if (last - first + 1 > limit) {
    if (limit == 0)
      return from;
    last = first + limit - 1;
    to = commit_ts_of(last);
  }
  out.reserve(out.size() + static_cast<std::size_t>(last - first + 1));
  for (auto k = first; k <= last; ++k) {
    auto& c = out.emplace_back();
    c.table_id = def_->id;
    c.op = op_of(k);
    c.commit_ts = commit_ts_of(k);
    c.start_ts = c.commit_ts - 1;
    if (c.op != row_op::remove)
      c.new_values = values_of(k);
    if (c.op != row_op::insert)
      c.old_values = values_of(k - def_->key_space);
  }
  return to;
}

std::map<std::string, row_values> table_workload::snapshot(tso_t at) const {
  std::map<std::string, row_values> rows;
  auto [first, last] = range(0, at);
  if (first > last)
    return rows;
  auto keys = def_->key_space;
  // The latest event of each key decides whether and how the row exists.
  for (std::uint64_t key = 0; key < keys; ++key) {
    if (last < key)
      continue;
    auto k = last - ((last - key) % keys);
    if (k < first || op_of(k) == row_op::remove) // k == 0 is no event
      continue;
    auto values = values_of(k);
    rows.emplace(to_text(values[key_column_]), std::move(values));
  }
  return rows;
}

} // namespace cdc::model::upstream
