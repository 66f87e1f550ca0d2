#include "model/changefeed/compile_filter.hpp"

namespace cdc::model {

namespace {

std::vector<filter::table_name_pattern> patterns(const std::vector<config::qualified_table>& tables) {
  std::vector<filter::table_name_pattern> out;
  out.reserve(tables.size());
  for (const auto& t : tables)
    out.push_back({t.database_name, t.table_name});
  return out;
}

} // namespace

result<filter::changefeed_filter> compile_filter(const config::replica_config& cfg) {
  // A config without a filter replicates everything (rules default to *.*).
  static const config::filter_config none{};
  const auto& f = cfg.filter ? *cfg.filter : none;
  filter::filter_config fc;
  fc.rules = f.rules;
  if (!f.do_dbs.empty() || !f.ignore_dbs.empty() || !f.do_tables.empty() || !f.ignore_tables.empty())
    fc.mysql_rules = filter::mysql_replication_rules{f.do_dbs, f.ignore_dbs, patterns(f.do_tables),
                                                     patterns(f.ignore_tables)};
  fc.ignore_txn_start_ts = f.ignore_txn_start_ts;
  fc.event_filters.reserve(f.event_filters.size());
  for (const auto& r : f.event_filters)
    fc.event_filters.push_back(filter::event_filter_rule{
      r.matcher, r.ignore_event, r.ignore_sql, r.ignore_insert_value_expr, r.ignore_update_new_value_expr,
      r.ignore_update_old_value_expr, r.ignore_delete_value_expr});
  return filter::changefeed_filter::make(fc, cfg.case_sensitive);
}

} // namespace cdc::model
