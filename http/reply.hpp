// The exactly-once answer to one HTTP request. Copies share one state; the
// first send wins, later ones are ignored, and if every copy is dropped
// unanswered the request still gets a 503 (so no client ever hangs).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include <boost/json/fwd.hpp>

#include "model/api_error.hpp"

namespace cdc::http {

class reply {
public:
  /// Receives the status, body and its media type (a string literal) on
  /// whatever thread sends them; the session posts it onto its own strand.
  using deliver_fn = std::function<void(unsigned status, std::string body, const char* content_type)>;

  static constexpr const char* json_type = "application/json; charset=utf-8";
  static constexpr const char* text_type = "text/plain; charset=utf-8";

  explicit reply(deliver_fn deliver);

  /// Sends `body` (already JSON) with `status`. Thread-safe.
  void send(unsigned status, std::string body) const;
  /// Sends `body` as `content_type` (a string literal), e.g. the metrics text.
  void send_as(unsigned status, std::string body, const char* content_type) const;
  /// Sends `body` as plain text (TiCDC's debug pages).
  void send_text(unsigned status, std::string body) const { send_as(status, std::move(body), text_type); }
  void send_json(const boost::json::value& body, unsigned status = 200) const;
  /// 200 with the body `{}`.
  void send_empty() const;
  /// TiCDC's error body with the catalog's status.
  void send_failure(const model::api_failure& failure) const;

  bool sent() const noexcept;

private:
  struct state {
    explicit state(deliver_fn f) : deliver(std::move(f)) {}
    ~state();
    deliver_fn deliver;
    std::atomic<bool> done{false};
  };
  std::shared_ptr<state> state_;
};

} // namespace cdc::http
