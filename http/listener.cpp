#include "http/listener.hpp"

#include <algorithm>

#include "http/session.hpp"

namespace cdc::http {

namespace {

// Out of descriptors (or kernel memory), accept fails at once for as long as
// the connection waits in the backlog: retrying at once spins a core. Most
// servers (and Beast's examples' advice) wait a little instead; connections
// that close meanwhile free what the next attempt needs.
constexpr auto accept_backoff = std::chrono::milliseconds(100);
constexpr auto accept_error_log_interval = std::chrono::seconds(5);

bool out_of_resources(const beast::error_code& ec) {
  namespace errc = boost::system::errc;
  return ec == errc::too_many_files_open || ec == errc::too_many_files_open_in_system
         || ec == errc::no_buffer_space || ec == errc::not_enough_memory;
}

} // namespace

listener::listener(net::io_context& ioc, const tcp::endpoint& endpoint,
                   std::shared_ptr<server_context> ctx)
  : ioc_(ioc),
    acceptor_(net::make_strand(ioc)),
    backoff_(acceptor_.get_executor()),
    accept_errors_(accept_error_log_interval),
    ctx_(std::move(ctx)) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(net::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(net::socket_base::max_listen_connections);
}

tcp::endpoint listener::local_endpoint() const { return acceptor_.local_endpoint(); }

void listener::run() { do_accept(); }

void listener::stop() {
  net::post(acceptor_.get_executor(), [self = shared_from_this()] {
    beast::error_code ec;
    self->acceptor_.close(ec);
    self->backoff_.cancel();
    for (const auto& weak : self->sessions_)
      if (auto s = weak.lock())
        s->drain();
    self->sessions_.clear();
  });
}

void listener::do_accept() {
  // Each connection gets its own strand.
  acceptor_.async_accept(net::make_strand(ioc_),
                         beast::bind_front_handler(&listener::on_accept, shared_from_this()));
}

void listener::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor_.is_open())
    return;
  if (ec) {
    accept_errors_.warn("http: accept failed: " + ec.message());
    if (out_of_resources(ec)) {
      backoff_.expires_after(accept_backoff);
      backoff_.async_wait([self = shared_from_this()](beast::error_code wait_ec) {
        if (!wait_ec && self->acceptor_.is_open())
          self->do_accept();
      });
      return;
    }
  } else {
    socket.set_option(tcp::no_delay(true), ec);
    std::shared_ptr<drainable> s;
    if (ctx_->tls) {
      auto tls = std::make_shared<tls_session>(ctx_, accepted_++, std::move(socket), *ctx_->tls);
      tls->run();
      s = std::move(tls);
    } else {
      auto plain = std::make_shared<plain_session>(ctx_, accepted_++, std::move(socket));
      plain->run();
      s = std::move(plain);
    }
    if (sessions_.size() >= prune_at_) {
      std::erase_if(sessions_, [](const auto& w) { return w.expired(); });
      prune_at_ = std::max<std::size_t>(64, 2 * sessions_.size());
    }
    sessions_.push_back(std::move(s));
  }
  do_accept();
}

} // namespace cdc::http
