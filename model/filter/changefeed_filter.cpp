// Composition of the table filter, system-schema rule, start-ts list and
// event filters into TiCDC's per-changefeed filter.
#include "model/filter/changefeed_filter.hpp"

#include <algorithm>

namespace cdc::model::filter {

result<changefeed_filter> changefeed_filter::make(const filter_config& config, bool case_sensitive) {
  auto tables = verify_table_rules(config.rules, config.mysql_rules ? &*config.mysql_rules : nullptr,
                                   case_sensitive);
  if (!tables)
    return tables.error();
  auto events = event_filters::make(config.event_filters, case_sensitive);
  if (!events)
    return events.error();
  auto ts = config.ignore_txn_start_ts;
  std::sort(ts.begin(), ts.end());
  return changefeed_filter(std::move(*tables), std::move(*events), std::move(ts));
}

bool changefeed_filter::is_table_replicated(std::string_view schema,
                                            std::string_view table) const noexcept {
  return !is_system_schema(schema) && tables_.match(schema, table);
}

bool changefeed_filter::is_schema_replicated(std::string_view schema) const noexcept {
  return !is_system_schema(schema) && tables_.match_schema(schema);
}

bool changefeed_filter::ignores_txn(std::uint64_t start_ts) const noexcept {
  return std::binary_search(ignore_txn_start_ts_.begin(), ignore_txn_start_ts_.end(), start_ts);
}

bool changefeed_filter::ignores_dml(std::string_view schema, std::string_view table, dml_kind kind,
                                    std::uint64_t start_ts) const noexcept {
  return ignores_txn(start_ts) || !is_table_replicated(schema, table)
         || events_.ignores_dml(schema, table, kind);
}

bool changefeed_filter::ignores_ddl(std::string_view schema, std::string_view table, event_type type,
                                    std::string_view query, std::uint64_t start_ts) const noexcept {
  return ignores_txn(start_ts) || events_.ignores_ddl(schema, table, type, query);
}

} // namespace cdc::model::filter
