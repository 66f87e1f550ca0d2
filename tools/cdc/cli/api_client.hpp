// The blocking HTTP client `cdc cli` talks to a cdc server with (a CLI
// process may block; the server never does). Answers and failures read as
// TiCDC's cli reports them (pkg/api/internal/rest).
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

namespace boost::asio::ssl {
class context;
}

namespace cdc::cli {

/// A failure of a verb: what TiCDC's cli prints after "Error: ".
struct cli_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// TiCDC's cli flags for a secured server: the CA to trust (and the client
/// certificate to show) over https, and the Basic credentials writes need.
struct client_security {
  std::string ca_path;
  std::string cert_path;
  std::string key_path;
  std::string user;
  std::string password;
};

class api_client {
public:
  /// `server` is "http://host:port", "https://host:port" or "host:port";
  /// throws cli_error for anything else, or for TLS files that cannot be used.
  explicit api_client(const std::string& server, const client_security& security = {});
  ~api_client();
  api_client(api_client&&) noexcept;

  /// The answer's JSON (null for an empty body). A status outside 200-206
  /// throws cli_error with the body's error_msg ("[CDC:ErrX]message"), or
  /// TiCDC's "call cdc api failed, ..." when the body is not an error; a
  /// connection failure throws Go's message for it.
  boost::json::value get(std::string_view target);
  boost::json::value post(std::string_view target, const boost::json::value* body = nullptr);
  boost::json::value put(std::string_view target, const boost::json::value& body);
  boost::json::value del(std::string_view target, const boost::json::value* body = nullptr);

  /// TiCDC's cli refuses servers older than v6.2 (GET /api/v2/status).
  void check_version();

private:
  boost::json::value call(std::string_view method, std::string_view target, const boost::json::value* body);

  std::string host_;
  std::string port_;
  /// Set: https, with this context (the CA, and the client certificate).
  std::shared_ptr<boost::asio::ssl::context> tls_;
  /// "Basic ..." when a user was given.
  std::string authorization_;
};

} // namespace cdc::cli
