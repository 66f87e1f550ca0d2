// replica_config.sink.pulsar_config: Pulsar producer settings. The API keys
// use hyphens, and TiCDC swaps the meaning of the first two: the key
// `tls-certificate-path` carries the TLS *key* file, `tls-private-key-path`
// the *certificate* file. The members are named for the keys, not the meaning.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/config/codec_decl.hpp"

namespace cdc::model::config {

/// pulsar_config.oauth2 (keys omitted when "").
struct pulsar_oauth2 {
  std::string oauth2_issuer_url;
  std::string oauth2_audience;
  std::string oauth2_private_key;
  std::string oauth2_client_id;
  std::string oauth2_scope;

  friend bool operator==(const pulsar_oauth2&, const pulsar_oauth2&) = default;
};

struct pulsar_config {
  std::optional<std::string> tls_certificate_path;  ///< the TLS key file (sic)
  std::optional<std::string> tls_private_key_path;  ///< the TLS certificate file (sic)
  std::optional<std::string> tls_trust_certs_file_path;
  std::optional<std::int32_t> pulsar_producer_cache_size;
  std::optional<std::string> pulsar_version;
  std::optional<std::string> compression_type;        ///< lz4 | zlib | zstd
  std::optional<std::string> authentication_token;
  std::optional<std::int64_t> connection_timeout;     ///< seconds
  std::optional<std::int64_t> operation_timeout;      ///< seconds
  std::optional<std::uint64_t> batching_max_messages;
  std::optional<std::int64_t> batching_max_publish_delay;  ///< ms
  std::optional<std::int64_t> send_timeout;           ///< seconds
  std::optional<std::string> token_from_file;
  std::optional<std::string> basic_user_name;
  std::optional<std::string> basic_password;
  std::optional<std::string> auth_tls_certificate_path;
  std::optional<std::string> auth_tls_private_key_path;
  std::optional<pulsar_oauth2> oauth2;
  std::optional<bool> output_raw_change_event;

  friend bool operator==(const pulsar_config&, const pulsar_config&) = default;
};

status read_into(pulsar_oauth2& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const pulsar_oauth2& x);

status read_into(pulsar_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const pulsar_config& x);

} // namespace cdc::model::config
