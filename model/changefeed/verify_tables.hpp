// POST /api/v2/verify_table: which tables of the upstream a replica config
// would replicate, and which of those it cannot (no primary or not-null
// unique key), as TiCDC's cli asks before a create.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "model/changefeed/bodies.hpp"
#include "model/result.hpp"
#include "model/upstream/schema_adapter.hpp"

namespace cdc::model {

/// TiCDC's TableName.
struct table_name {
  std::string schema;
  std::string table;
  std::int64_t table_id = 0;
  bool is_partition = false;

  friend bool operator==(const table_name&, const table_name&) = default;
};

struct verified_tables {
  std::vector<table_name> ineligible; ///< catalog order
  std::vector<table_name> eligible;   ///< catalog order
};

/// TiCDC's VerifyTable over `body` (decoded onto the defaults): the sink URI,
/// when given, must parse (400 ErrSinkURIInvalid); the filter must compile
/// (400 ErrFilterRuleInvalid and the event-filter errors); MQ sinks' dispatchers
/// and column selectors must fit the matched tables. With force_replicate
/// every matched table is eligible. The config is not otherwise validated,
/// as in TiCDC.
result<verified_tables> verify_tables(const changefeed_config& body, std::span<const upstream::catalog_table> catalog);

/// {"ineligible_tables": [...], "eligible_tables": [...]}, each key left out
/// when its list is empty; a table is {"database_name", "table_name",
/// "table_id", "is_partition"}.
boost::json::value to_json(const verified_tables& v);

} // namespace cdc::model
