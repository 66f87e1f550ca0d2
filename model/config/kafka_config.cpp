#include "model/config/kafka_config.hpp"

#include "model/json/fields.hpp"

namespace cdc::model::config {

namespace {

using json::emit;
using json::fld;
constexpr auto opt = emit::omit_empty;

constexpr auto codec_fields = std::tuple{
  fld("enable_tidb_extension", &codec_config::enable_tidb_extension, opt),
  fld("max_batch_size", &codec_config::max_batch_size, opt),
  fld("avro_enable_watermark", &codec_config::avro_enable_watermark, opt),
  fld("avro_decimal_handling_mode", &codec_config::avro_decimal_handling_mode, opt),
  fld("avro_bigint_unsigned_handling_mode", &codec_config::avro_bigint_unsigned_handling_mode, opt),
  fld("encoding_format", &codec_config::encoding_format, opt),
};

constexpr auto large_message_fields = std::tuple{
  fld("large_message_handle_option", &large_message_handle_config::large_message_handle_option),
  fld("large_message_handle_compression", &large_message_handle_config::large_message_handle_compression),
  fld("claim_check_storage_uri", &large_message_handle_config::claim_check_storage_uri),
  fld("claim_check_raw_value", &large_message_handle_config::claim_check_raw_value),
};

constexpr auto glue_fields = std::tuple{
  fld("registry_name", &glue_schema_registry_config::registry_name),
  fld("region", &glue_schema_registry_config::region),
  fld("access_key", &glue_schema_registry_config::access_key, opt),
  fld("secret_access_key", &glue_schema_registry_config::secret_access_key, opt),
  fld("token", &glue_schema_registry_config::token, opt),
};

constexpr auto fields = std::tuple{
  fld("partition_num", &kafka_config::partition_num, opt),
  fld("replication_factor", &kafka_config::replication_factor, opt),
  fld("kafka_version", &kafka_config::kafka_version, opt),
  fld("max_message_bytes", &kafka_config::max_message_bytes, opt),
  fld("compression", &kafka_config::compression, opt),
  fld("kafka_client_id", &kafka_config::kafka_client_id, opt),
  fld("auto_create_topic", &kafka_config::auto_create_topic, opt),
  fld("dial_timeout", &kafka_config::dial_timeout, opt),
  fld("write_timeout", &kafka_config::write_timeout, opt),
  fld("read_timeout", &kafka_config::read_timeout, opt),
  fld("required_acks", &kafka_config::required_acks, opt),
  fld("sasl_user", &kafka_config::sasl_user, opt),
  fld("sasl_password", &kafka_config::sasl_password, opt),
  fld("sasl_mechanism", &kafka_config::sasl_mechanism, opt),
  fld("sasl_gssapi_auth_type", &kafka_config::sasl_gssapi_auth_type, opt),
  fld("sasl_gssapi_keytab_path", &kafka_config::sasl_gssapi_keytab_path, opt),
  fld("sasl_gssapi_kerberos_config_path", &kafka_config::sasl_gssapi_kerberos_config_path, opt),
  fld("sasl_gssapi_service_name", &kafka_config::sasl_gssapi_service_name, opt),
  fld("sasl_gssapi_user", &kafka_config::sasl_gssapi_user, opt),
  fld("sasl_gssapi_password", &kafka_config::sasl_gssapi_password, opt),
  fld("sasl_gssapi_realm", &kafka_config::sasl_gssapi_realm, opt),
  fld("sasl_gssapi_disable_pafxfast", &kafka_config::sasl_gssapi_disable_pafxfast, opt),
  fld("sasl_oauth_client_id", &kafka_config::sasl_oauth_client_id, opt),
  fld("sasl_oauth_client_secret", &kafka_config::sasl_oauth_client_secret, opt),
  fld("sasl_oauth_token_url", &kafka_config::sasl_oauth_token_url, opt),
  fld("sasl_oauth_scopes", &kafka_config::sasl_oauth_scopes, opt),
  fld("sasl_oauth_grant_type", &kafka_config::sasl_oauth_grant_type, opt),
  fld("sasl_oauth_audience", &kafka_config::sasl_oauth_audience, opt),
  fld("enable_tls", &kafka_config::enable_tls, opt),
  fld("ca", &kafka_config::ca, opt),
  fld("cert", &kafka_config::cert, opt),
  fld("key", &kafka_config::key, opt),
  fld("insecure_skip_verify", &kafka_config::insecure_skip_verify, opt),
  fld("codec_config", &kafka_config::codec, opt),
  fld("large_message_handle", &kafka_config::large_message_handle, opt),
  fld("glue_schema_registry_config", &kafka_config::glue_schema_registry, opt),
  fld("output_raw_change_event", &kafka_config::output_raw_change_event, opt),
};

} // namespace

status read_into(codec_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, codec_fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const codec_config& x) {
  json::encode_into(jv, x, codec_fields);
}

status read_into(large_message_handle_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, large_message_fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const large_message_handle_config& x) {
  json::encode_into(jv, x, large_message_fields);
}

status read_into(glue_schema_registry_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, glue_fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const glue_schema_registry_config& x) {
  json::encode_into(jv, x, glue_fields);
}

status read_into(kafka_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const kafka_config& x) {
  json::encode_into(jv, x, fields);
}

} // namespace cdc::model::config
