// Accepts connections on one address and starts a session for each.
#pragma once

#include <memory>

#include "http/beast.hpp"
#include "http/log_throttle.hpp"
#include "http/server_context.hpp"

namespace cdc::http {

class listener : public std::enable_shared_from_this<listener> {
public:
  /// Binds and listens at once; throws boost::system::system_error when the
  /// address cannot be used, so start-up fails loudly.
  listener(net::io_context& ioc, const tcp::endpoint& endpoint, std::shared_ptr<server_context> ctx);

  tcp::endpoint local_endpoint() const;
  std::shared_ptr<server_context> context() const { return ctx_; }

  /// Starts accepting; returns at once.
  void run();
  /// Stops accepting (sessions already open finish on their own).
  void stop();

private:
  void do_accept();
  void on_accept(beast::error_code ec, tcp::socket socket);

  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  /// Waits out a lack of descriptors before the next accept.
  net::steady_timer backoff_;
  log_throttle accept_errors_;
  std::shared_ptr<server_context> ctx_;
  std::size_t accepted_ = 0;
};

} // namespace cdc::http
