// `cdc server`'s [security] options checked and turned into what the HTTP
// server enforces: TLS on the API port, and whether writes need credentials.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ssl/context.hpp>

#include "tools/cdc/options.hpp"

namespace cdc::tool {

struct server_security {
  /// Null: plain HTTP.
  std::shared_ptr<boost::asio::ssl::context> tls;
};

/// Nothing, with `error` for the user, when the options do not fit together
/// (mtls without a CA, client-user-required without allowed users, a
/// certificate or key that cannot be used).
std::optional<server_security> make_security(const server_flags::security_options& options, std::string& error);

} // namespace cdc::tool
