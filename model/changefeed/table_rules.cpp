// Table selection and verification; see table_rules.hpp.
#include "model/changefeed/table_rules.hpp"

#include <algorithm>

#include "model/mq/mq_routing.hpp"

namespace cdc::model {

namespace {

std::vector<filter::table_name_pattern> to_patterns(const std::vector<config::qualified_table>& tables) {
  std::vector<filter::table_name_pattern> out;
  out.reserve(tables.size());
  for (const auto& t : tables)
    out.push_back({t.database_name, t.table_name});
  return out;
}

} // namespace

filter::filter_config to_filter_config(const config::replica_config& cfg) {
  filter::filter_config out;
  if (!cfg.filter)
    return out;  // no rules: `*.*`
  const auto& f = *cfg.filter;
  out.rules = f.rules;
  if (!f.do_dbs.empty() || !f.ignore_dbs.empty() || !f.do_tables.empty() || !f.ignore_tables.empty())
    out.mysql_rules = filter::mysql_replication_rules{f.do_dbs, f.ignore_dbs, to_patterns(f.do_tables),
                                                      to_patterns(f.ignore_tables)};
  out.ignore_txn_start_ts = f.ignore_txn_start_ts;
  out.event_filters = f.event_filters;
  return out;
}

result<table_selection> select_catalog_tables(const config::replica_config& cfg,
                                              std::span<const upstream::catalog_table> catalog) {
  auto f = filter::changefeed_filter::make(to_filter_config(cfg), cfg.case_sensitive);
  if (!f)
    return f.error();
  table_selection out;
  for (const auto& t : catalog) {
    if (t.schema.is_sequence || !f->is_table_replicated(t.schema.schema, t.schema.table))
      continue;
    out.matched.push_back(t.schema);
    out.matched_ids.push_back(t.id);
    if (!filter::is_eligible(t.schema, false))
      out.ineligible.push_back(t.schema.schema + "." + t.schema.table);
    if (filter::is_eligible(t.schema, cfg.force_replicate))
      out.table_ids.push_back(t.id);
  }
  std::sort(out.table_ids.begin(), out.table_ids.end());
  if (auto verified = f->verify(out.matched); !verified)
    return verified.error();
  return out;
}

result<void> verify_mq_dispatch(const config::replica_config& cfg, const sink::sink_uri& uri,
                                std::span<const filter::table_schema> matched) {
  if (!sink::is_mq(uri.kind))
    return {};
  auto routing = mq::make_mq_routing(cfg, uri);
  if (!routing)
    return routing.error();
  return dispatch::verify_mq_tables(routing->router, routing->selectors, matched);
}

result<void> check_ineligible(const config::replica_config& cfg, const table_selection& selection) {
  if (cfg.force_replicate || cfg.ignore_ineligible_table || selection.ineligible.empty())
    return {};
  // Go's %v of a []TableName: "[db.t1 db.t2]".
  std::string list = "[";
  for (std::size_t i = 0; i < selection.ineligible.size(); ++i) {
    if (i > 0)
      list += ' ';
    list += selection.ineligible[i];
  }
  list += ']';
  return fail(api_error::table_ineligible, {list});
}

} // namespace cdc::model
