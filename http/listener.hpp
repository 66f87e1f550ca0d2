// Accepts connections on one address and starts a session for each.
#pragma once

#include <memory>
#include <vector>

#include "http/beast.hpp"
#include "http/log_throttle.hpp"
#include "http/server_context.hpp"

namespace cdc::http {

class session_handle;

class listener : public std::enable_shared_from_this<listener> {
public:
  /// Binds and listens at once; throws boost::system::system_error when the
  /// address cannot be used, so start-up fails loudly.
  listener(net::io_context& ioc, const tcp::endpoint& endpoint, std::shared_ptr<server_context> ctx);

  tcp::endpoint local_endpoint() const;
  std::shared_ptr<server_context> context() const { return ctx_; }

  /// Starts accepting; returns at once.
  void run();
  /// Stops accepting and tells every open session to finish what it read
  /// and close (ctx->draining must be set first).
  void stop();

private:
  void do_accept();
  void on_accept(beast::error_code ec, tcp::socket socket);
  /// As many sessions are open as the limits allow.
  bool full() const;
  /// Makes room for a new connection by closing the one that has waited
  /// longest for its next request (an idle keep-alive connection, or one
  /// trickling a header); false when every connection is busy with one.
  bool evict_longest_idle();

  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  /// Waits out a lack of descriptors before the next accept.
  net::steady_timer backoff_;
  log_throttle accept_errors_;
  log_throttle refusals_;
  std::shared_ptr<server_context> ctx_;
  std::size_t accepted_ = 0;
  /// Every session this listener started, touched only on its strand so a
  /// connection costs no lock; expired entries are pruned as it grows.
  std::vector<std::weak_ptr<session_handle>> sessions_;
  std::size_t prune_at_ = 64;
};

} // namespace cdc::http
