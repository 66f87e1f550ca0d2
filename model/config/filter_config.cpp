#include "model/config/filter_config.hpp"

#include "model/json/fields.hpp"

namespace cdc::model::config {

namespace {

using json::emit;
using json::fld;

constexpr auto table_fields = std::tuple{
  fld("database_name", &qualified_table::database_name),
  fld("table_name", &qualified_table::table_name),
};

constexpr auto rule_fields = std::tuple{
  fld("matcher", &event_filter_rule::matcher, emit::null_if_empty),
  fld("ignore_event", &event_filter_rule::ignore_event, emit::null_if_empty),
  fld("ignore_sql", &event_filter_rule::ignore_sql, emit::null_if_empty),
  fld("ignore_insert_value_expr", &event_filter_rule::ignore_insert_value_expr),
  fld("ignore_update_new_value_expr", &event_filter_rule::ignore_update_new_value_expr),
  fld("ignore_update_old_value_expr", &event_filter_rule::ignore_update_old_value_expr),
  fld("ignore_delete_value_expr", &event_filter_rule::ignore_delete_value_expr),
};

constexpr auto fields = std::tuple{
  fld("do_tables", &filter_config::do_tables, emit::omit_empty),
  fld("do_dbs", &filter_config::do_dbs, emit::omit_empty),
  fld("ignore_tables", &filter_config::ignore_tables, emit::omit_empty),
  fld("ignore_dbs", &filter_config::ignore_dbs, emit::omit_empty),
  fld("rules", &filter_config::rules, emit::omit_empty),
  fld("ignore_txn_start_ts", &filter_config::ignore_txn_start_ts, emit::omit_empty),
  fld("event_filters", &filter_config::event_filters, emit::omit_empty),
};

} // namespace

status read_into(qualified_table& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, table_fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const qualified_table& x) {
  json::encode_into(jv, x, table_fields);
}

status read_into(event_filter_rule& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, rule_fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const event_filter_rule& x) {
  json::encode_into(jv, x, rule_fields);
}

status read_into(filter_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const filter_config& x) {
  json::encode_into(jv, x, fields);
}

} // namespace cdc::model::config
