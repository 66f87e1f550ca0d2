#include "http/listener.hpp"

#include <spdlog/spdlog.h>

#include "http/session.hpp"

namespace cdc::http {

listener::listener(net::io_context& ioc, const tcp::endpoint& endpoint,
                   std::shared_ptr<server_context> ctx)
  : ioc_(ioc), acceptor_(net::make_strand(ioc)), ctx_(std::move(ctx)) {
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
    spdlog::warn("http: accept failed: {}", ec.message());
  } else {
    socket.set_option(tcp::no_delay(true), ec);
    std::make_shared<session>(std::move(socket), ctx_, accepted_++)->run();
  }
  do_accept();
}

} // namespace cdc::http
