// Building and using the event router (TiCDC's dispatcher/event_router.go).
#include "model/dispatch/event_router.hpp"

#include "model/dispatch/topic_expr.hpp"
#include "model/filter/filter_error.hpp"

namespace cdc::model::dispatch {

namespace {

// A topic rule: empty means the default topic, a plain name is used as is,
// anything else must be a valid expression for the sink and protocol.
result<void> check_topic(const std::string& topic, const router_options& options) {
  if (topic.empty() || is_hard_coded_topic(topic))
    return {};
  if (options.pulsar)
    return validate_pulsar_topic(topic);
  if (options.avro)
    return validate_avro_topic(topic);
  return validate_kafka_topic(topic);
}

std::string table_name(const filter::table_schema& t) {
  return t.schema + "." + t.table;
}

} // namespace

result<event_router> event_router::make(const std::vector<dispatch_rule_config>& rules,
                                        const router_options& options) {
  std::vector<route> routes;
  routes.reserve(rules.size() + 1);
  auto add = [&](const dispatch_rule_config& c) -> result<void> {
    auto tables = filter::parse_matcher(c.matcher, options.case_sensitive);
    if (!tables)
      return tables.error();
    auto partition = parse_partition_rule(c.partition, c.index, c.columns, options.pulsar);
    if (auto topic = check_topic(c.topic, options); !topic)
      return topic.error();
    bool expression = !c.topic.empty() && !is_hard_coded_topic(c.topic);
    routes.push_back({std::move(*tables), std::move(partition), c.topic, expression});
    return {};
  };
  for (const auto& c : rules)
    if (auto added = add(c); !added)
      return added.error();
  dispatch_rule_config catch_all;
  catch_all.matcher = {"*.*"};
  catch_all.partition = "default";
  if (auto added = add(catch_all); !added)
    return added.error();
  return event_router(std::move(routes), options.default_topic);
}

const event_router::route& event_router::route_for(std::string_view schema,
                                                   std::string_view table) const noexcept {
  for (const auto& r : routes_)
    if (r.tables.match(schema, table))
      return r;
  return routes_.back();  // `*.*` matches everything; kept for safety
}

std::string event_router::topic_for(std::string_view schema, std::string_view table) const {
  const auto& r = route_for(schema, table);
  if (r.topic.empty())
    return default_topic_;
  if (!r.topic_is_expression)
    return r.topic;
  return substitute_topic(r.topic, schema, table);
}

result<partition_target> event_router::partition_for(const row_change& row,
                                                     std::int32_t partition_num) const {
  return dispatch_row(route_for(row.schema, row.table).partition, row, partition_num);
}

std::span<const std::string> event_router::dispatcher_columns(std::string_view schema,
                                                              std::string_view table) const noexcept {
  const auto& p = route_for(schema, table).partition;
  if (p.kind != partition_kind::columns)
    return {};
  return p.columns;
}

result<void> event_router::verify(std::span<const filter::table_schema> tables) const {
  for (const auto& t : tables) {
    const auto& p = route_for(t.schema, t.table).partition;
    if (p.kind == partition_kind::index_value && !p.index.empty()) {
      const auto* index = filter::find_index(t, p.index);
      if (!index)
        return fail_with(api_error::dispatcher_failed, "index not found when verify the table, table: "
                                                         + table_name(t) + ", index: " + p.index);
      // A non-unique index would not split updates of its columns, so a
      // consumer could see events of one row in two partitions out of order.
      if (!index->unique && !index->primary)
        return fail_with(api_error::dispatcher_failed, "index is not unique when verify the table, table: "
                                                         + table_name(t) + ", index: " + p.index);
    } else if (p.kind == partition_kind::columns) {
      for (const auto& name : p.columns)
        if (!filter::find_column(t, name))
          return fail_with(api_error::dispatcher_failed, "columns not found when verify the table, table: "
                                                           + table_name(t) + ", columns: "
                                                           + filter::go_list(p.columns));
    }
  }
  return {};
}

result<void> verify_mq_tables(const event_router& router, const filter::column_selectors& selectors,
                              std::span<const filter::table_schema> tables) {
  if (auto checked = router.verify(tables); !checked)
    return checked.error();
  for (const auto& t : tables)
    if (auto checked = selectors.verify(t, router.dispatcher_columns(t.schema, t.table)); !checked)
      return checked.error();
  return {};
}

} // namespace cdc::model::dispatch
