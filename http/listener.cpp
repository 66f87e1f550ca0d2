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
    refusals_(accept_error_log_interval),
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

bool listener::full() const {
  return static_cast<std::size_t>(std::max(0, ctx_->sessions.load(std::memory_order_relaxed)))
         >= ctx_->lim.max_connections;
}

bool listener::evict_longest_idle() {
  // Only when full, so a flood of connections costs a scan per accept while
  // it lasts and nothing otherwise.
  std::shared_ptr<session_handle> idlest;
  std::int64_t since = 0;
  for (const auto& weak : sessions_)
    if (auto s = weak.lock()) {
      auto t = s->idle_since();
      if (t > 0 && (!idlest || t < since)) {
        idlest = std::move(s);
        since = t;
      }
    }
  return idlest && idlest->evict_if_idle_since(since);
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
  } else if (full() && !evict_longest_idle()) {
    // Closed before it costs a session: the clients already connected keep
    // their descriptors and their answers.
    refusals_.warn("http: refused a connection: " + std::to_string(ctx_->lim.max_connections)
                   + " are open and busy, the most this listener serves");
    socket.close(ec);
  } else {
    socket.set_option(tcp::no_delay(true), ec);
    // Not make_shared: the weak_ptr kept below would hold the whole session's
    // memory until it is pruned, which after a flood of connections can be
    // long; apart, it holds only the control block.
    std::shared_ptr<session_handle> s;
    if (ctx_->tls) {
      auto tls = std::shared_ptr<tls_session>(new tls_session(ctx_, accepted_++, std::move(socket), *ctx_->tls));
      tls->run();
      s = std::move(tls);
    } else {
      auto plain = std::shared_ptr<plain_session>(new plain_session(ctx_, accepted_++, std::move(socket)));
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
