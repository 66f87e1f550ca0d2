// replica_config.filter: which tables and events a changefeed replicates.
// Only the values live here; rule syntax and matching are model/filter/.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/config/codec_decl.hpp"

namespace cdc::model::config {

/// {database_name, table_name}, as in the seed's do_tables/ignore_tables.
struct qualified_table {
  std::string database_name;
  std::string table_name;

  friend bool operator==(const qualified_table&, const qualified_table&) = default;
};

/// One filter.event_filters entry (TiCDC's EventFilterRule). All keys are
/// always written; the three lists as null when empty, as TiCDC does.
struct event_filter_rule {
  std::vector<std::string> matcher;
  std::vector<std::string> ignore_event;
  std::vector<std::string> ignore_sql;
  std::string ignore_insert_value_expr;
  std::string ignore_update_new_value_expr;
  std::string ignore_update_old_value_expr;
  std::string ignore_delete_value_expr;

  friend bool operator==(const event_filter_rule&, const event_filter_rule&) = default;
};

/// Every key is omitted when empty. do_*/ignore_* are the MySQL-style rules
/// the seed documents (older TiCDC embedded them ahead of `rules`); they are
/// carried and shown, matching them is model/filter/'s decision.
struct filter_config {
  std::vector<qualified_table> do_tables;
  std::vector<std::string> do_dbs;
  std::vector<qualified_table> ignore_tables;
  std::vector<std::string> ignore_dbs;
  std::vector<std::string> rules;
  std::vector<std::uint64_t> ignore_txn_start_ts;
  std::vector<event_filter_rule> event_filters;

  friend bool operator==(const filter_config&, const filter_config&) = default;
};

status read_into(qualified_table& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const qualified_table& x);

status read_into(event_filter_rule& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const event_filter_rule& x);

status read_into(filter_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const filter_config& x);

} // namespace cdc::model::config
