// replica_config.sink.kafka_config and its sub-objects: Kafka producer,
// codec, large-message and Glue schema registry settings. Every key is
// optional and omitted when absent, as in TiCDC's API model.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/config/codec_decl.hpp"

namespace cdc::model::config {

/// kafka_config.codec_config.
struct codec_config {
  std::optional<bool> enable_tidb_extension;
  std::optional<std::int64_t> max_batch_size;
  std::optional<bool> avro_enable_watermark;
  std::optional<std::string> avro_decimal_handling_mode;          ///< precise | string
  std::optional<std::string> avro_bigint_unsigned_handling_mode;  ///< long | string
  std::optional<std::string> encoding_format;

  friend bool operator==(const codec_config&, const codec_config&) = default;
};

/// kafka_config.large_message_handle (all keys always written).
struct large_message_handle_config {
  std::string large_message_handle_option;       ///< none | claim-check | handle-key-only
  std::string large_message_handle_compression;  ///< none | snappy | lz4
  std::string claim_check_storage_uri;
  bool claim_check_raw_value = false;

  friend bool operator==(const large_message_handle_config&, const large_message_handle_config&) = default;
};

/// kafka_config.glue_schema_registry_config.
struct glue_schema_registry_config {
  std::string registry_name;
  std::string region;
  std::string access_key;         ///< omitted when ""
  std::string secret_access_key;  ///< omitted when ""
  std::string token;              ///< omitted when ""

  friend bool operator==(const glue_schema_registry_config&, const glue_schema_registry_config&) = default;
};

struct kafka_config {
  std::optional<std::int32_t> partition_num;
  std::optional<std::int16_t> replication_factor;
  std::optional<std::string> kafka_version;
  std::optional<std::int64_t> max_message_bytes;
  std::optional<std::string> compression;
  std::optional<std::string> kafka_client_id;
  std::optional<bool> auto_create_topic;
  std::optional<std::string> dial_timeout;   ///< Go duration string
  std::optional<std::string> write_timeout;  ///< Go duration string
  std::optional<std::string> read_timeout;   ///< Go duration string
  std::optional<std::int64_t> required_acks;
  std::optional<std::string> sasl_user;
  std::optional<std::string> sasl_password;
  std::optional<std::string> sasl_mechanism;
  std::optional<std::string> sasl_gssapi_auth_type;
  std::optional<std::string> sasl_gssapi_keytab_path;
  std::optional<std::string> sasl_gssapi_kerberos_config_path;
  std::optional<std::string> sasl_gssapi_service_name;
  std::optional<std::string> sasl_gssapi_user;
  std::optional<std::string> sasl_gssapi_password;
  std::optional<std::string> sasl_gssapi_realm;
  std::optional<bool> sasl_gssapi_disable_pafxfast;
  std::optional<std::string> sasl_oauth_client_id;
  std::optional<std::string> sasl_oauth_client_secret;
  std::optional<std::string> sasl_oauth_token_url;
  std::vector<std::string> sasl_oauth_scopes;
  std::optional<std::string> sasl_oauth_grant_type;
  std::optional<std::string> sasl_oauth_audience;
  std::optional<bool> enable_tls;
  std::optional<std::string> ca;
  std::optional<std::string> cert;
  std::optional<std::string> key;
  std::optional<bool> insecure_skip_verify;
  std::optional<codec_config> codec;
  std::optional<large_message_handle_config> large_message_handle;
  std::optional<glue_schema_registry_config> glue_schema_registry;
  std::optional<bool> output_raw_change_event;

  friend bool operator==(const kafka_config&, const kafka_config&) = default;
};

status read_into(codec_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const codec_config& x);

status read_into(large_message_handle_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const large_message_handle_config& x);

status read_into(glue_schema_registry_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const glue_schema_registry_config& x);

status read_into(kafka_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const kafka_config& x);

} // namespace cdc::model::config
