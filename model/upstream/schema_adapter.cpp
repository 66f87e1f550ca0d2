// table_def -> filter::table_schema; see schema_adapter.hpp.
#include "model/upstream/schema_adapter.hpp"

namespace cdc::model::upstream {

filter::table_schema to_table_schema(const table_def& t) {
  filter::table_schema out;
  out.schema = t.schema;
  out.table = t.name;
  out.columns.reserve(t.columns.size());
  filter::index_def primary{.name = "PRIMARY", .unique = true, .primary = true, .columns = {}};
  for (const auto& c : t.columns) {
    out.columns.push_back({c.name, !c.nullable});
    if (c.primary_key)
      primary.columns.push_back(c.name);
  }
  if (!primary.columns.empty())
    out.indexes.push_back(std::move(primary));
  for (const auto& c : t.columns)
    if (c.unique && !c.primary_key)
      out.indexes.push_back({.name = c.name, .unique = true, .primary = false, .columns = {c.name}});
  return out;
}

catalog_view make_catalog_view(const catalog& c) {
  catalog_view view;
  view.tables.reserve(c.tables.size());
  for (const auto& t : c.tables)
    view.tables.push_back({t.id, to_table_schema(t)});
  return view;
}

} // namespace cdc::model::upstream
