// A Kafka sink's settings from a changefeed; see mq_settings.hpp.
#include "model/mq/mq_settings.hpp"

#include "model/changefeed/validate_config.hpp"
#include "model/config/defaults.hpp"

namespace cdc::model::mq {

codec::column_list mq_settings::columns_of(const upstream::table_def& t) const {
  codec::column_list out;
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (routing->selectors.keeps_column(t.schema, t.name, t.columns[i].name))
      out.push_back(i);
  return out;
}

result<void> check_kafka_protocol(sink::protocol p) {
  switch (p) {
    case sink::protocol::canal_json:
    case sink::protocol::open_protocol: return {};
    default:
      return fail_with(api_error::sink_uri_invalid,
                       "sink uri invalid 'the " + std::string(sink::to_string(p))
                         + " protocol is not supported by this server's Kafka sink yet; use canal-json or open-protocol'");
  }
}

result<mq_settings> mq_settings_of(const changefeed_info& info) {
  auto cfg = info.config ? *info.config : config::default_replica_config();
  auto validated = validate_and_adjust(cfg, info.sink_uri);
  if (!validated)
    return validated.error();
  auto* params = std::get_if<sink::kafka_params>(&validated->params);
  if (!params)
    return fail_with(api_error::sink_uri_invalid, "sink uri invalid 'not a Kafka sink'");
  if (auto ok = check_kafka_protocol(params->proto); !ok)
    return ok.error();
  auto routing = make_mq_routing(cfg, validated->uri);
  if (!routing)
    return routing.error();
  mq_settings s;
  s.params = *params;
  s.routing.emplace(std::move(*routing));
  if (params->max_batch_size && *params->max_batch_size > 0)
    s.max_batch_size = *params->max_batch_size;
  return s;
}

} // namespace cdc::model::mq
