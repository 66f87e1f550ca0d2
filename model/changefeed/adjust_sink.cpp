// The sink section of ValidateAndAdjust (TiCDC pkg/config/sink.go
// validateAndAdjust and the large-message, Glue and Pulsar checks it calls).
#include "model/changefeed/validate_config.hpp"

#include "model/config/defaults.hpp"
#include "model/config/validate_sink.hpp"
#include "model/sink/go_parse.hpp"
#include "model/sink/protocol.hpp"

namespace cdc::model {

namespace {

api_failure invalid_config(std::string message) {
  return fail_with(api_error::invalid_replica_config, std::move(message));
}

std::string_view protocol_name(const std::optional<sink::protocol>& p) {
  // Go's Protocol.String() of a protocol that did not parse.
  return p ? sink::to_string(*p) : std::string_view{"unknown"};
}

// LargeMessageHandleConfig.AdjustAndValidate.
json::status adjust_large_message(config::large_message_handle_config& c,
                                  const std::optional<sink::protocol>& proto, const sink::sink_uri& uri) {
  bool tidb_extension = false;
  if (auto text = uri.param_or_empty("enable-tidb-extension"); !text.empty()) {
    auto parsed = sink::parse_go_bool(text);
    if (!parsed)  // TiCDC returns the bare strconv error; we say where it came from
      return fail_with(api_error::sink_invalid_config, "sink config invalid: " + parsed.error().text);
    tidb_extension = *parsed;
  }
  if (c.large_message_handle_option.empty())
    c.large_message_handle_option = "none";
  if (c.large_message_handle_compression.empty())
    c.large_message_handle_compression = "none";
  const auto& compression = c.large_message_handle_compression;
  if (compression != "none" && compression != "snappy" && compression != "lz4")
    return invalid_config("large message handle compression is not supported, got " + compression);
  const auto& option = c.large_message_handle_option;
  if (option == "none")
    return {};
  using sink::protocol;
  bool open_or_simple = proto == protocol::open_protocol || proto == protocol::simple;
  if (proto == protocol::canal_json) {
    if (!tidb_extension)
      return invalid_config("large message handle is set to " + option + ", protocol is canal-json, "
                            "but enable-tidb-extension is false");
  } else if (!open_or_simple) {
    return invalid_config("large message handle is set to " + option + ", protocol is "
                          + std::string{protocol_name(proto)} + ", it's not supported");
  }
  if (option == "claim-check") {
    if (c.claim_check_storage_uri.empty())
      return invalid_config("large message handle is set to claim-check, but the claim-check-storage-uri is empty");
    if (c.claim_check_raw_value && proto == protocol::open_protocol)
      return invalid_config("large message handle is set to claim-check, raw value is not supported for the open protocol");
  }
  return {};
}

// GlueSchemaRegistryConfig.Validate.
json::status validate_glue(const config::glue_schema_registry_config& g) {
  auto bad = [](std::string_view why) {
    return fail_with(api_error::invalid_glue_schema_registry_config, std::string{why});
  };
  if (g.registry_name.empty())
    return bad("registry-name is empty, is must be set");
  if (g.region.empty())
    return bad("region is empty, is must be set");
  if (!g.access_key.empty() && g.secret_access_key.empty())
    return bad("access-key is set, but access-key-secret is empty, they must be set together");
  return {};
}

// PulsarConfig.validate (OAuth2.validate). TiCDC returns a plain error (500
// without a code); ErrSinkInvalidConfig is also 500 and says where it is.
json::status validate_pulsar(const config::pulsar_config& p) {
  if (!p.oauth2)
    return {};
  const auto& o = *p.oauth2;
  if (o.oauth2_issuer_url.empty() || o.oauth2_client_id.empty() || o.oauth2_private_key.empty()
      || o.oauth2_audience.empty())
    return fail_with(api_error::sink_invalid_config,
                     "sink config invalid: issuer-url and audience and private-key and client-id not be empty");
  return {};
}

json::status adjust_mq_and_storage(config::sink_config& s, const sink::sink_uri& uri) {
  const auto proto = sink::parse_protocol(s.protocol.value_or(std::string{}));
  if (s.kafka && s.kafka->large_message_handle)
    if (auto st = adjust_large_message(*s.kafka->large_message_handle, proto, uri); !st)
      return st;
  const bool glue = s.kafka && s.kafka->glue_schema_registry;
  if (s.schema_registry && glue)
    return fail(api_error::invalid_replica_config,
                {"schema-registry and glue-schema-registry-config cannot be set at the same time, "
                 "schema-registry is used by confluent schema registry, "
                 "glue-schema-registry-config is used by aws glue schema registry"});
  if (glue)
    if (auto st = validate_glue(*s.kafka->glue_schema_registry); !st)
      return st;
  if (uri.kind == sink::scheme_class::pulsar && !s.pulsar)
    s.pulsar.emplace();  // TiCDC always gives a Pulsar sink a (here empty) pulsar config
  if (s.pulsar)
    if (auto st = validate_pulsar(*s.pulsar); !st)
      return st;
  if (auto st = config::validate_encoder_concurrency(s.encoder_concurrency); !st)
    return st;
  if (!s.terminator)
    s.terminator = std::string{config::default_terminator};
  if (auto st = config::validate_delete_only_handle_key(s, proto ? sink::to_string(*proto) : ""); !st)
    return st;
  if (uri.kind == sink::scheme_class::storage) {
    if (auto st = config::validate_date_separator(s.date_separator.value_or(std::string{})); !st)
      return st;
    s.file_index_width = config::adjusted_file_index_width(s.file_index_width);
    if (s.csv)
      if (auto st = config::validate_csv(*s.csv); !st)
        return st;
  }
  if (s.advance_timeout.value_or(0) == 0)
    s.advance_timeout = config::default_advance_timeout;
  return {};
}

} // namespace

json::status adjust_sink_section(config::sink_config& sink, const sink::sink_uri& uri) {
  sink::sink_config_view view;
  view.protocol = sink.protocol;
  view.transaction_atomicity = sink.transaction_atomicity;
  auto settings = sink::resolve_sink_settings(uri, view);
  if (!settings)
    return settings.error();
  sink.protocol = settings->protocol_text;
  sink.transaction_atomicity = settings->atomicity_text;
  if (uri.kind == sink::scheme_class::mysql)
    return {};
  return adjust_mq_and_storage(sink, uri);
}

} // namespace cdc::model
