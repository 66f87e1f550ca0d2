#include "model/config/pulsar_config.hpp"

#include "model/json/fields.hpp"

namespace cdc::model::config {

namespace {

using json::emit;
using json::fld;
constexpr auto opt = emit::omit_empty;

constexpr auto oauth2_fields = std::tuple{
  fld("oauth2-issuer-url", &pulsar_oauth2::oauth2_issuer_url, opt),
  fld("oauth2-audience", &pulsar_oauth2::oauth2_audience, opt),
  fld("oauth2-private-key", &pulsar_oauth2::oauth2_private_key, opt),
  fld("oauth2-client-id", &pulsar_oauth2::oauth2_client_id, opt),
  fld("oauth2-scope", &pulsar_oauth2::oauth2_scope, opt),
};

constexpr auto fields = std::tuple{
  fld("tls-certificate-path", &pulsar_config::tls_certificate_path, opt),
  fld("tls-private-key-path", &pulsar_config::tls_private_key_path, opt),
  fld("tls-trust-certs-file-path", &pulsar_config::tls_trust_certs_file_path, opt),
  fld("pulsar-producer-cache-size", &pulsar_config::pulsar_producer_cache_size, opt),
  fld("pulsar-version", &pulsar_config::pulsar_version, opt),
  fld("compression-type", &pulsar_config::compression_type, opt),
  fld("authentication-token", &pulsar_config::authentication_token, opt),
  fld("connection-timeout", &pulsar_config::connection_timeout, opt),
  fld("operation-timeout", &pulsar_config::operation_timeout, opt),
  fld("batching-max-messages", &pulsar_config::batching_max_messages, opt),
  fld("batching-max-publish-delay", &pulsar_config::batching_max_publish_delay, opt),
  fld("send-timeout", &pulsar_config::send_timeout, opt),
  fld("token-from-file", &pulsar_config::token_from_file, opt),
  fld("basic-user-name", &pulsar_config::basic_user_name, opt),
  fld("basic-password", &pulsar_config::basic_password, opt),
  fld("auth-tls-certificate-path", &pulsar_config::auth_tls_certificate_path, opt),
  fld("auth-tls-private-key-path", &pulsar_config::auth_tls_private_key_path, opt),
  fld("oauth2", &pulsar_config::oauth2, opt),
  fld("output-raw-change-event", &pulsar_config::output_raw_change_event, opt),
};

} // namespace

status read_into(pulsar_oauth2& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, oauth2_fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const pulsar_oauth2& x) {
  json::encode_into(jv, x, oauth2_fields);
}

status read_into(pulsar_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const pulsar_config& x) {
  json::encode_into(jv, x, fields);
}

} // namespace cdc::model::config
