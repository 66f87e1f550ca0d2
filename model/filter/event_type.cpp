// Names and classification of event types.
#include "model/filter/event_type.hpp"

#include <array>

namespace cdc::model::filter {

namespace {

// Indexed by event_type; the order must follow the enum.
constexpr std::array<std::string_view, 43> names{
  "all dml", "all ddl",
  "insert", "update", "delete",
  "alter table", "create schema", "drop schema", "create database", "drop database",
  "modify schema charset and collate", "create table", "drop table", "truncate table", "rename table",
  "recover table", "modify table comment", "modify table charset and collate", "create view", "drop view",
  "add table partition", "drop table partition", "truncate table partition", "exchange table partition",
  "reorganize table partition", "alter table partitioning", "remove table partitioning",
  "add column", "drop column", "modify column", "set default value", "rebase auto id",
  "add primary key", "drop primary key", "create index", "drop index", "rename index",
  "alter index visibility", "alter ttl info", "alter ttl remove", "multi schema change",
  "add foreign key", "drop foreign key",
};
static_assert(static_cast<std::size_t>(event_type::drop_foreign_key) + 1 == names.size());

} // namespace

std::string_view to_string(event_type t) noexcept {
  return names[static_cast<std::size_t>(t)];
}

std::optional<event_type> parse_event_type(std::string_view name) noexcept {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name)
      return static_cast<event_type>(i);
  return std::nullopt;
}

std::span<const std::string_view> event_type_names() noexcept {
  return names;
}

event_type canonical(event_type t) noexcept {
  switch (t) {
  case event_type::create_schema: return event_type::create_database;
  case event_type::drop_schema: return event_type::drop_database;
  default: return t;
  }
}

bool is_alter_table_kind(event_type t) noexcept {
  switch (t) {
  case event_type::alter_table:
  case event_type::modify_table_comment:
  case event_type::modify_table_charset_and_collate:
  case event_type::add_table_partition:
  case event_type::drop_table_partition:
  case event_type::truncate_table_partition:
  case event_type::exchange_table_partition:
  case event_type::reorganize_table_partition:
  case event_type::alter_table_partitioning:
  case event_type::remove_table_partitioning:
  case event_type::add_column:
  case event_type::drop_column:
  case event_type::modify_column:
  case event_type::set_default_value:
  case event_type::rebase_auto_id:
  case event_type::add_primary_key:
  case event_type::drop_primary_key:
  case event_type::create_index:
  case event_type::drop_index:
  case event_type::rename_index:
  case event_type::alter_index_visibility:
  case event_type::alter_ttl_info:
  case event_type::alter_ttl_remove:
  case event_type::multi_schema_change:
  case event_type::add_foreign_key:
  case event_type::drop_foreign_key: return true;
  default: return false;
  }
}

bool covers_ddl(event_type rule, event_type ddl) noexcept {
  switch (ddl) {
  case event_type::all_dml:
  case event_type::all_ddl:
  case event_type::insert:
  case event_type::update:
  case event_type::delete_: return false;  // not a DDL
  default: break;
  }
  if (rule == event_type::all_ddl)
    return true;
  if (canonical(rule) == canonical(ddl))
    return true;
  return rule == event_type::alter_table && is_alter_table_kind(ddl);
}

bool covers_dml(event_type rule, dml_kind kind) noexcept {
  switch (rule) {
  case event_type::all_dml: return true;
  case event_type::insert: return kind == dml_kind::insert;
  case event_type::update: return kind == dml_kind::update;
  case event_type::delete_: return kind == dml_kind::delete_;
  default: return false;
  }
}

} // namespace cdc::model::filter
