// The blocking HTTP client `cdc cli` talks to a cdc server with (a CLI
// process may block; the server never does). Answers and failures read as
// TiCDC's cli reports them (pkg/api/internal/rest).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

namespace cdc::cli {

/// A failure of a verb: what TiCDC's cli prints after "Error: ".
struct cli_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class api_client {
public:
  /// `server` is "http://host:port" or "host:port"; throws cli_error for
  /// anything else (https included: this server speaks plain HTTP).
  explicit api_client(const std::string& server);

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
};

} // namespace cdc::cli
