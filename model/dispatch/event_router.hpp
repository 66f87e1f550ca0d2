// The MQ event router (sink.dispatchers): for each table the first rule whose
// matcher matches decides its topic and partition; an implicit last rule
// `*.*` sends everything else to the default topic with the default rule.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/dispatch/partition_rule.hpp"
#include "model/filter/column_selector.hpp"
#include "model/filter/table_filter.hpp"
#include "model/filter/table_schema.hpp"
#include "model/result.hpp"

namespace cdc::model::dispatch {

/// One entry of sink.dispatchers, as plain data.
struct dispatch_rule_config {
  std::vector<std::string> matcher;
  std::string partition;
  std::string index;
  std::vector<std::string> columns;
  std::string topic;
};

struct router_options {
  std::string default_topic;    ///< the sink URI's topic
  bool pulsar = false;          ///< a pulsar scheme (else Kafka)
  bool avro = false;            ///< protocol avro: topics need {schema} and {table}
  bool case_sensitive = false;  ///< replica_config.case_sensitive
};

class event_router {
public:
  struct route {
    filter::table_filter tables;
    partition_rule partition;
    std::string topic;  ///< "" = the default topic
    bool topic_is_expression = false;
  };

  /// TiCDC's NewEventRouter: per rule the matcher (400
  /// CDC:ErrFilterRuleInvalid), then the topic (500
  /// CDC:ErrKafkaTopicExprInvalid / CDC:ErrPulsarTopicExprInvalid).
  static result<event_router> make(const std::vector<dispatch_rule_config>& rules,
                                   const router_options& options);

  /// The rule for a table (the implicit `*.*` one when no other matches).
  const route& route_for(std::string_view schema, std::string_view table) const noexcept;

  /// The topic for the table's row changes.
  std::string topic_for(std::string_view schema, std::string_view table) const;

  /// The partition and key for a row change.
  result<partition_target> partition_for(const row_change& row, std::int32_t partition_num) const;

  /// The columns a `columns` dispatcher of this table hashes, else empty.
  std::span<const std::string> dispatcher_columns(std::string_view schema,
                                                  std::string_view table) const noexcept;

  /// TiCDC's VerifyTables: a named index must exist and be unique, listed
  /// columns must exist. Errors: 500 CDC:ErrDispatcherFailed.
  result<void> verify(std::span<const filter::table_schema> tables) const;

  const std::string& default_topic() const noexcept { return default_topic_; }

private:
  event_router(std::vector<route> routes, std::string default_topic)
    : routes_(std::move(routes)), default_topic_(std::move(default_topic)) {}
  std::vector<route> routes_;  ///< the configured rules, then `*.*`
  std::string default_topic_;
};

/// The MQ checks at create/update, in TiCDC's order: the router's, then the
/// column selectors' against the router's `columns` dispatchers.
result<void> verify_mq_tables(const event_router& router, const filter::column_selectors& selectors,
                              std::span<const filter::table_schema> tables);

} // namespace cdc::model::dispatch
