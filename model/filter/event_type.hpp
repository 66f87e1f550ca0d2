// The `ignore_event` names of event filters (reference 7.7), exactly as the
// API spells them, and how DDL and DML events fall into them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace cdc::model::filter {

enum class event_type : std::uint8_t {
  all_dml, all_ddl,
  insert, update, delete_,
  alter_table, create_schema, drop_schema, create_database, drop_database,
  modify_schema_charset_and_collate, create_table, drop_table, truncate_table, rename_table,
  recover_table, modify_table_comment, modify_table_charset_and_collate, create_view, drop_view,
  add_table_partition, drop_table_partition, truncate_table_partition, exchange_table_partition,
  reorganize_table_partition, alter_table_partitioning, remove_table_partitioning,
  add_column, drop_column, modify_column, set_default_value, rebase_auto_id,
  add_primary_key, drop_primary_key, create_index, drop_index, rename_index,
  alter_index_visibility, alter_ttl_info, alter_ttl_remove, multi_schema_change,
  add_foreign_key, drop_foreign_key,
};

/// The kind of a row change.
enum class dml_kind : std::uint8_t { insert, update, delete_ };

/// The API string of an event type ("all dml", "alter table", ...).
std::string_view to_string(event_type t) noexcept;

/// The event type for an exact, lower-case API string; nullopt otherwise
/// ("INSERT" and "Insert" are not event types).
std::optional<event_type> parse_event_type(std::string_view name) noexcept;

/// Every valid name, in the order of reference 7.7.
std::span<const std::string_view> event_type_names() noexcept;

/// The same event under its canonical name: "create schema" is
/// "create database" and "drop schema" is "drop database".
event_type canonical(event_type t) noexcept;

/// A DDL that is a form of ALTER TABLE, so an "alter table" rule ignores it.
bool is_alter_table_kind(event_type t) noexcept;

/// Does an ignore_event entry cover this DDL? ("all ddl", the same name, an
/// alias, or "alter table" for an ALTER-kind DDL.)
bool covers_ddl(event_type rule, event_type ddl) noexcept;

/// Does an ignore_event entry cover this row change? ("all dml" or the kind.)
bool covers_dml(event_type rule, dml_kind kind) noexcept;

} // namespace cdc::model::filter
