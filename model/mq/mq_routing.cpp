// An MQ sink's router and column selectors; see mq_routing.hpp.
#include "model/mq/mq_routing.hpp"

#include "model/sink/protocol.hpp"

namespace cdc::model::mq {

result<mq_routing> make_mq_routing(const config::replica_config& cfg, const sink::sink_uri& uri) {
  std::vector<dispatch::dispatch_rule_config> rules;
  std::vector<filter::column_selector_rule> selector_rules;
  bool avro = false;
  if (cfg.sink) {
    for (const auto& r : cfg.sink->dispatchers)
      rules.push_back({r.matcher, r.partition, r.index, r.columns, r.topic});
    for (const auto& s : cfg.sink->column_selectors)
      selector_rules.push_back({s.matcher, s.columns});
    avro = sink::parse_protocol(cfg.sink->protocol.value_or(std::string{})) == sink::protocol::avro;
  }
  dispatch::router_options options{uri.topic(), uri.kind == sink::scheme_class::pulsar, avro, cfg.case_sensitive};
  auto router = dispatch::event_router::make(rules, options);
  if (!router)
    return router.error();
  auto selectors = filter::column_selectors::make(selector_rules, cfg.case_sensitive);
  if (!selectors)
    return selectors.error();
  return mq_routing{std::move(*router), std::move(*selectors)};
}

} // namespace cdc::model::mq
