// TiCDC's TableDefinition JSON and checksum; see table_definition.hpp.
#include "model/storage/table_definition.hpp"

#include <algorithm>
#include <cctype>

#include "model/codec/go_format.hpp"
#include "model/dispatch/partition_hash.hpp"

namespace cdc::model::storage {

namespace {

using codec::append_json_string;

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

/// One TableCol at `indent` (the object's own indentation); empty fields are
/// omitted, as Go's omitempty does.
void append_column(const upstream::column_def& c, const std::string& indent, std::string& out) {
  std::vector<std::pair<std::string_view, std::string>> fields;
  fields.emplace_back("ColumnName", c.name);
  fields.emplace_back("ColumnType", upper(codec::mysql_type_name(c.type)));
  if (auto len = codec::display_length(c.type); len != 0)
    fields.emplace_back("ColumnPrecision", std::to_string(len));
  if (!c.nullable || c.primary_key)
    fields.emplace_back("ColumnNullable", "false");
  if (c.primary_key)
    fields.emplace_back("ColumnIsPk", "true");
  out += indent + "{\n";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out += indent + "    ";
    append_json_string(fields[i].first, out);
    out += ": ";
    append_json_string(fields[i].second, out);
    out += i + 1 < fields.size() ? ",\n" : "\n";
  }
  out += indent + "}";
}

void append_columns(const std::vector<const upstream::column_def*>& cols, std::string& out) {
  if (cols.empty()) {
    out += "null";
    return;
  }
  out += "[\n";
  for (std::size_t i = 0; i < cols.size(); ++i) {
    append_column(*cols[i], "        ", out);
    out += i + 1 < cols.size() ? ",\n" : "\n";
  }
  out += "    ]";
}

std::vector<const upstream::column_def*> selected(const upstream::table_def& t, const codec::column_list& columns) {
  std::vector<const upstream::column_def*> out;
  for (auto i : columns)
    out.push_back(&t.columns.at(i));
  return out;
}

} // namespace

std::string table_definition_json(const upstream::table_def& t, const codec::column_list& columns,
                                  std::uint64_t table_version) {
  auto cols = selected(t, columns);
  std::string out = "{\n    \"Table\": ";
  append_json_string(t.name, out);
  out += ",\n    \"Schema\": ";
  append_json_string(t.schema, out);
  out += ",\n    \"Version\": 1,\n    \"TableVersion\": " + std::to_string(table_version);
  out += ",\n    \"Query\": \"\",\n    \"Type\": 0,\n    \"TableColumns\": ";
  append_columns(cols, out);
  out += ",\n    \"TableColumnsTotal\": " + std::to_string(cols.size()) + "\n}";
  return out;
}

std::uint32_t table_definition_checksum(const upstream::table_def& t, const codec::column_list& columns) {
  auto cols = selected(t, columns);
  std::stable_sort(cols.begin(), cols.end(), [](auto* a, auto* b) { return a->name < b->name; });
  std::string out = "{\n    \"Table\": ";
  append_json_string(t.name, out);
  out += ",\n    \"Schema\": ";
  append_json_string(t.schema, out);
  out += ",\n    \"Version\": 0,\n    \"TableColumns\": ";
  append_columns(cols, out);
  out += ",\n    \"TableColumnsTotal\": " + std::to_string(cols.size()) + "\n}";
  return dispatch::crc32_ieee(out);
}

} // namespace cdc::model::storage
