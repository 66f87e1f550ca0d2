// A small blocking HTTP/1.1 client for tests, over a real socket with
// keep-alive (tests may block; servers may not).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include <boost/json/value.hpp>

namespace cdc::test {

struct http_response {
  unsigned status = 0;
  std::string body;
  std::string content_type;
  std::string retry_after;
  bool keep_alive = true;

  /// The body parsed as JSON (throws when it is not).
  boost::json::value json() const;
  /// The body's error_code, or "" when it has none.
  std::string error_code() const;
};

class http_client {
public:
  /// Connects to "host:port".
  explicit http_client(const std::string& address);
  ~http_client();
  http_client(http_client&&) noexcept;
  http_client& operator=(http_client&&) noexcept;

  http_response request(const std::string& method, const std::string& target,
                        const std::string& body = {}, bool with_body = false);
  http_response get(const std::string& target) { return request("GET", target); }
  http_response post(const std::string& target, const std::string& body) {
    return request("POST", target, body, true);
  }
  http_response post(const std::string& target) { return request("POST", target); }
  http_response put(const std::string& target, const std::string& body) {
    return request("PUT", target, body, true);
  }
  http_response del(const std::string& target) { return request("DELETE", target); }

  /// Sends raw bytes and reads one response (for malformed requests).
  http_response raw(const std::string& bytes);
  /// Sends raw bytes and returns at once (for requests sent in parts).
  void send_raw(const std::string& bytes);
  /// Reads one response (an interim 100 Continue counts as one); throws
  /// when none arrives within `timeout`.
  http_response read_response(std::chrono::milliseconds timeout = std::chrono::seconds(30));

private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

} // namespace cdc::test
