// The partition dispatchers of TiCDC's cdc/sink/dmlsink/mq/dispatcher/partition.
#include "model/dispatch/partition_rule.hpp"

#include "model/dispatch/partition_hash.hpp"
#include "model/filter/filter_error.hpp"
#include "model/filter/name_matcher.hpp"

namespace cdc::model::dispatch {

using filter::same_name;
using filter::sql_value;

namespace {

partition_target from_hash(std::uint32_t sum, std::int32_t partition_num) {
  auto n = static_cast<std::uint32_t>(partition_num > 0 ? partition_num : 1);
  return {static_cast<std::int32_t>(sum % n), std::to_string(sum)};
}

// Position of a column by name (case-insensitive), or npos.
std::size_t column_position(const filter::table_schema& t, std::string_view name) {
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (same_name(t.columns[i].name, name))
      return i;
  return std::string_view::npos;
}

std::string table_name(const row_change& row) {
  return std::string(row.schema) + "." + std::string(row.table);
}

// Hashes (column name, value text) for each position, over the new row or,
// for a delete, the old one.
void hash_columns(position_hasher& h, const row_change& row, std::span<const std::size_t> positions) {
  auto values = row.columns.empty() ? row.pre_columns : row.columns;
  for (auto pos : positions) {
    if (pos >= values.size())
      continue;
    h.write(row.table_info->columns[pos].name, filter::hash_text(values[pos]));
  }
}

result<partition_target> index_value(const partition_rule& rule, const row_change& row,
                                     std::int32_t partition_num) {
  position_hasher h;
  h.write(row.schema, row.table);
  if (!row.table_info)
    return from_hash(h.sum(), partition_num);
  const filter::index_def* index = nullptr;
  if (!rule.index.empty()) {
    index = filter::find_index(*row.table_info, rule.index);
    if (!index || index->columns.empty())
      return fail_with(api_error::dispatcher_failed, "cannot found the target index columns");
  } else {
    index = filter::handle_index(*row.table_info);
  }
  std::vector<std::size_t> positions;
  if (index)
    for (const auto& name : index->columns)
      if (auto pos = column_position(*row.table_info, name); pos != std::string_view::npos)
        positions.push_back(pos);
  hash_columns(h, row, positions);
  return from_hash(h.sum(), partition_num);
}

result<partition_target> columns(const partition_rule& rule, const row_change& row,
                                 std::int32_t partition_num) {
  position_hasher h;
  h.write(row.schema, row.table);
  std::vector<std::size_t> positions;
  positions.reserve(rule.columns.size());
  for (const auto& name : rule.columns) {
    auto pos = row.table_info ? column_position(*row.table_info, name) : std::string_view::npos;
    if (pos == std::string_view::npos) {
      return fail_with(api_error::dispatcher_failed, "columns not found when dispatch event, table: "
                                                       + table_name(row) + ", columns: "
                                                       + filter::go_list(rule.columns));
    }
    positions.push_back(pos);
  }
  hash_columns(h, row, positions);
  return from_hash(h.sum(), partition_num);
}

} // namespace

partition_rule parse_partition_rule(std::string_view partition, std::string_view index,
                                    const std::vector<std::string>& cols, bool pulsar) {
  partition_rule rule;
  auto name = filter::ascii_lower(partition);
  if (name == "default")
    rule.kind = partition_kind::default_;
  else if (name == "ts")
    rule.kind = partition_kind::ts;
  else if (name == "table")
    rule.kind = partition_kind::table;
  else if (name == "index-value" || name == "rowid")  // rowid: deprecated alias
    rule.kind = partition_kind::index_value;
  else if (name == "columns")
    rule.kind = partition_kind::columns;
  else if (pulsar) {
    rule.kind = partition_kind::key;
    rule.key = std::string(partition);
  } else
    rule.kind = partition_kind::default_;  // TiCDC only logs a warning
  if (rule.kind == partition_kind::index_value)
    rule.index = std::string(index);
  if (rule.kind == partition_kind::columns)
    rule.columns = cols;
  return rule;
}

std::string_view to_string(partition_kind k) noexcept {
  switch (k) {
  case partition_kind::default_: return "default";
  case partition_kind::table: return "table";
  case partition_kind::ts: return "ts";
  case partition_kind::index_value: return "index-value";
  case partition_kind::columns: return "columns";
  case partition_kind::key: return "key";
  }
  return "default";
}

result<partition_target> dispatch_row(const partition_rule& rule, const row_change& row,
                                      std::int32_t partition_num) {
  switch (rule.kind) {
  case partition_kind::default_:
  case partition_kind::table: {
    auto target = from_hash(crc32_ieee(row.schema, row.table), partition_num);
    target.key = table_name(row);
    return target;
  }
  case partition_kind::ts: {
    auto n = static_cast<std::uint64_t>(partition_num > 0 ? partition_num : 1);
    return partition_target{static_cast<std::int32_t>(row.commit_ts % n), std::to_string(row.commit_ts)};
  }
  case partition_kind::index_value: return index_value(rule, row, partition_num);
  case partition_kind::columns: return columns(rule, row, partition_num);
  case partition_kind::key: return partition_target{0, rule.key};
  }
  return partition_target{};
}

} // namespace cdc::model::dispatch
