// Kafka and Pulsar sink checks (TiCDC: pkg/sink/kafka/options.go Apply, the
// MQ sink factories' topic and protocol checks, codec config Validate).
#include <algorithm>
#include <cctype>

#include "model/sink/param_reader.hpp"
#include "model/sink/validate.hpp"

namespace cdc::model::sink {

namespace {

std::string lower_trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  std::string out{s};
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool valid_client_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return std::isalnum(c) || c == '.' || c == '_' || c == '-';
  });
}

api_failure no_topic() {
  return fail_with(api_error::kafka_invalid_config, "no topic is specified in sink-uri");
}

// Codec errors reach the API wrapped in ErrSinkInvalidConfig (reference 7.2).
api_failure codec_error(std::string_view cause) {
  return fail_with(api_error::sink_invalid_config,
                   "sink config invalid: [" + std::string{code_of(api_error::codec_invalid_config)}
                     + "]" + std::string{cause});
}

// The codec part of a Kafka sink: TiDB extension, batch size, schema registry.
result<void> apply_codec(const param_reader& r, const sink_config_view& config, kafka_params& out) {
  auto extension = r.boolean("enable-tidb-extension");
  if (!extension)
    return codec_error(extension.error().message);
  auto batch = r.integer("max-batch-size");
  if (!batch)
    return codec_error(batch.error().message);
  if (*extension)
    out.enable_tidb_extension = **extension;
  if (*batch)
    out.max_batch_size = static_cast<int>(**batch);
  if (auto v = r.get("schema-registry"); v && !v->empty())
    out.schema_registry = std::string{*v};
  else if (config.schema_registry && !config.schema_registry->empty())
    out.schema_registry = config.schema_registry;

  // TiCDC's debezium encoder reads the extension too (tidb_type, watermarks).
  if (out.enable_tidb_extension && out.proto != protocol::canal_json && out.proto != protocol::avro
      && out.proto != protocol::debezium)
    return codec_error("enable-tidb-extension only supports canal-json/avro protocol");
  if (out.proto == protocol::avro && !out.schema_registry && !config.glue_schema_registry)
    return codec_error("Avro protocol requires parameter \"schema-registry\" or "
                       "\"glue-schema-registry\" to specify the schema registry");
  return {};
}

result<void> apply_security(const param_reader& r, kafka_params& out) {
  if (auto v = r.get("sasl-user"); v && !v->empty()) out.sasl_user = *v;
  if (auto v = r.get("sasl-password"); v && !v->empty()) out.sasl_password = *v;
  if (auto v = r.get("sasl-mechanism"); v && !v->empty()) {
    std::string upper{*v};
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (upper != "PLAIN" && upper != "SCRAM-SHA-256" && upper != "SCRAM-SHA-512"
        && upper != "GSSAPI" && upper != "OAUTHBEARER")
      return r.wrap("unknown " + std::string{*v} + " SASL mechanism");
    out.sasl_mechanism = upper;
  }
  if (auto v = r.get("ca"); v && !v->empty()) out.ca = *v;
  if (auto v = r.get("cert"); v && !v->empty()) out.cert = *v;
  if (auto v = r.get("key"); v && !v->empty()) out.key = *v;
  bool any = !out.ca.empty() || !out.cert.empty() || !out.key.empty();
  bool all = !out.ca.empty() && !out.cert.empty() && !out.key.empty();
  if (any && !all)
    return r.wrap("ca, cert and key files should all be supplied");
  auto enable_tls = r.boolean("enable-tls");
  if (!enable_tls) return enable_tls.error();
  auto insecure = r.boolean("insecure-skip-verify");
  if (!insecure) return insecure.error();
  if (*enable_tls) {
    if (all && !**enable_tls)
      return r.wrap("credential files are supplied, but 'enable-tls' is set to false");
    out.enable_tls = **enable_tls;
  } else {
    out.enable_tls = all;
  }
  if (out.enable_tls && *insecure)
    out.insecure_skip_verify = **insecure;
  return {};
}

} // namespace

result<kafka_params> validate_kafka(const sink_uri& uri, const sink_settings& settings,
                                    const sink_config_view& config) {
  param_reader r{uri, config.config_params, api_error::kafka_invalid_config};
  kafka_params out;
  out.topic = uri.topic();
  if (out.topic.empty())
    return no_topic();
  out.proto = settings.proto.value_or(protocol::open_protocol);
  if (!protocol_allowed(scheme_class::kafka, out.proto))
    return fail(api_error::sink_unknown_protocol, {to_string(out.proto)});
  for (const auto& h : uri.hosts)
    if (!h.empty())
      out.brokers.push_back(h);
  if (out.brokers.empty())
    return r.fail_own("no broker is specified in sink-uri, e.g. kafka://127.0.0.1:9092/topic");

  // Binding first, as gin does, then the checks in TiCDC's order.
  auto partition_num = r.integer("partition-num", 32);
  if (!partition_num) return partition_num.error();
  auto replication = r.integer("replication-factor", 16);
  if (!replication) return replication.error();
  auto max_bytes = r.integer("max-message-bytes");
  if (!max_bytes) return max_bytes.error();
  auto auto_create = r.boolean("auto-create-topic");
  if (!auto_create) return auto_create.error();
  auto acks = r.integer("required-acks");
  if (!acks) return acks.error();

  if (*partition_num) {
    if (**partition_num <= 0)
      return fail(api_error::kafka_invalid_partition_num, {std::to_string(**partition_num)});
    out.partition_num = static_cast<std::int32_t>(**partition_num);
  }
  if (*replication) {
    if (**replication <= 0)
      return r.fail_own("invalid replication-factor " + std::to_string(**replication)
                        + ", which must be greater than 0");
    out.replication_factor = static_cast<std::int16_t>(**replication);
  }
  if (auto v = r.get("kafka-version"); v && !v->empty()) out.kafka_version = *v;
  if (*max_bytes) {
    if (**max_bytes <= 0)
      return r.fail_own("invalid max-message-bytes " + std::to_string(**max_bytes)
                        + ", which must be greater than 0");
    out.max_message_bytes = **max_bytes;
  }
  // TiCDC only warns about an unknown algorithm and sends uncompressed.
  if (auto v = r.get("compression")) {
    auto c = lower_trimmed(*v);
    if (c == "gzip" || c == "snappy" || c == "lz4" || c == "zstd")
      out.compression = c;
  }
  if (auto v = r.get("kafka-client-id"); v && !v->empty()) {
    if (!valid_client_id(*v))
      return fail(api_error::kafka_invalid_client_id, {*v});
    out.client_id = *v;
  }
  if (*auto_create) out.auto_create_topic = **auto_create;
  for (auto [key, target] : {std::pair{"dial-timeout", &out.dial_timeout},
                             std::pair{"write-timeout", &out.write_timeout},
                             std::pair{"read-timeout", &out.read_timeout}}) {
    auto d = r.duration(key);
    if (!d) return d.error();
    if (*d) *target = **d;
  }
  if (*acks) {
    if (**acks != 0 && **acks != 1 && **acks != -1)
      return fail(api_error::kafka_invalid_required_acks, {std::to_string(**acks)});
    out.required_acks = static_cast<int>(**acks);
  }
  if (auto ok = apply_security(r, out); !ok)
    return ok.error();
  if (auto ok = apply_codec(r, config, out); !ok)
    return ok.error();
  return out;
}

result<pulsar_params> validate_pulsar(const sink_uri& uri, const sink_settings& settings,
                                      const sink_config_view&) {
  pulsar_params out;
  out.topic = uri.topic();
  if (out.topic.empty())
    return no_topic();
  out.proto = settings.proto.value_or(protocol::open_protocol);
  if (!protocol_allowed(scheme_class::pulsar, out.proto))
    return fail(api_error::sink_uri_invalid,
                {"unsupported protocol, pulsar sink currently only support these protocols: [canal-json]"});
  for (const auto& h : uri.hosts)
    if (!h.empty())
      out.brokers.push_back(h);
  out.tls = uri.scheme == "pulsar+ssl" || uri.scheme == "pulsar+https";
  return out;
}

} // namespace cdc::model::sink
