#include "tools/cdc/security.hpp"

#include <spdlog/spdlog.h>

#include "http/tls_context.hpp"

namespace cdc::tool {

std::optional<server_security> make_security(const server_flags::security_options& options, std::string& error) {
  http::tls_options tls{options.ca_path, options.cert_path, options.key_path, options.cert_allowed_cn,
                        options.mtls};
  // TiCDC turns TLS on with the CA alone and ignores the rest without it.
  // Here a certificate or mtls without a CA is refused, so nobody believes
  // the port secure; a CN list alone is only warned about (TiCDC's config
  // files often carry one for PD).
  if (!tls.enabled() && (!options.cert_path.empty() || !options.key_path.empty() || options.mtls)) {
    error = "security: cert-path, key-path and mtls need ca-path (--ca) too";
    return std::nullopt;
  }
  if (!tls.enabled() && !options.cert_allowed_cn.empty())
    spdlog::warn("security.cert-allowed-cn has no effect without ca-path: the API serves plain HTTP");
  if (options.client_user_required && options.client_allowed_user.empty()) {
    error = "security: client-allowed-user should not be empty when client-user-required is true";
    return std::nullopt;
  }
  server_security out;
  if (tls.enabled()) {
    out.tls = http::make_server_tls(tls, error);
    if (!out.tls)
      return std::nullopt;
    spdlog::info("API serves HTTPS only (TLS 1.2+), client certificates {}",
                 options.cert_allowed_cn.empty() ? (options.mtls ? "required" : "not asked for")
                                                 : "required, with an allowed CN");
  }
  if (options.client_user_required && !tls.enabled())
    spdlog::warn("security.client-user-required without TLS: API credentials cross the network in clear text");
  return out;
}

} // namespace cdc::tool
