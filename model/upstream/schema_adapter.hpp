// The simulated upstream's tables as the filter and dispatch model sees them,
// so create/update validation can use their verification functions.
#pragma once

#include <cstdint>
#include <vector>

#include "model/filter/table_schema.hpp"
#include "model/upstream/catalog.hpp"

namespace cdc::model::upstream {

/// One catalog table: its ID and its shape.
struct catalog_table {
  std::int64_t id = 0;
  filter::table_schema schema;
};

/// Every table of a catalog, in ID order; built once and kept by whoever
/// validates (it is read-only afterwards).
struct catalog_view {
  std::vector<catalog_table> tables;
};

/// The columns in order (NOT NULL unless nullable), a "PRIMARY" index over
/// every primary_key column in column order, and one unique index per
/// `unique` column that is not part of the primary key, named after the
/// column as MySQL names a column-level UNIQUE.
filter::table_schema to_table_schema(const table_def& t);

catalog_view make_catalog_view(const catalog& c);

} // namespace cdc::model::upstream
