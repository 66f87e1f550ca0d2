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
    case sink::protocol::open_protocol:
    case sink::protocol::simple:
    case sink::protocol::debezium: return {};
    default:
      return fail_with(api_error::sink_uri_invalid,
                       "sink uri invalid 'the " + std::string(sink::to_string(p))
                         + " protocol is not supported by this server's Kafka sink yet; use canal-json, open-protocol, simple or debezium'");
  }
}

result<mq_settings> mq_settings_of(const changefeed_info& info, std::string_view cluster_id) {
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
  s.debezium.cluster_id = std::string(cluster_id);
  s.debezium.enable_tidb_extension = params->enable_tidb_extension;
  if (cfg.sink) {
    s.debezium.disable_schema = cfg.sink->debezium_disable_schema.value_or(false);
    // TiCDC reads output-old-value only from a present [sink.debezium].
    if (cfg.sink->debezium)
      s.debezium.output_old_value = cfg.sink->debezium->output_old_value;
  }
  return s;
}

} // namespace cdc::model::mq
