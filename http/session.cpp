#include "http/session.hpp"

#include <boost/beast/core/detect_ssl.hpp>
#include <spdlog/spdlog.h>

#include "http/errors.hpp"
#include "http/reply.hpp"
#include "http/request_target.hpp"
#include "http/router.hpp"
#include "model/duration.hpp"
#include "model/json/utf8.hpp"

namespace cdc::http {

namespace {

// The interim answer RFC 9110 asks for before a client sends a body it
// announced with `Expect: 100-continue` (curl otherwise waits a second).
constexpr std::string_view continue_line = "HTTP/1.1 100 Continue\r\n\r\n";

bool wants_continue(const bhttp::request<budgeted_body>& req) {
  return req.version() >= 11 && beast::iequals(req[bhttp::field::expect], "100-continue");
}

// What TiCDC (Go's TLS server) answers a plain HTTP request on its TLS port
// with, before it closes the connection.
constexpr std::string_view plain_http_on_tls =
  "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n";

} // namespace

bool session_handle::evict_if_idle_since(std::int64_t since) {
  if (!idle_since_.compare_exchange_strong(since, evicted, std::memory_order_relaxed))
    return false;
  cancel_idle_read();
  return true;
}

template <class Stream>
session<Stream>::~session() {
  if (parser_)
    hold_body_bytes();
  release();
  if (!closing_)
    --ctx_->sessions;
}

template <class Stream>
void session<Stream>::run() {
  // Start on the connection's strand: all I/O of this session happens there.
  net::dispatch(stream_.get_executor(), beast::bind_front_handler(&session::start, this->shared_from_this()));
}

template <class Stream>
void session<Stream>::start() {
  if constexpr (is_tls) {
    // One deadline for telling TLS from plain and the whole handshake: a
    // client that connects and sends nothing is cut off when it passes.
    tcp_layer().expires_after(ctx_->lim.tls_handshake_timeout);
    beast::async_detect_ssl(tcp_layer(), buffer_,
                            beast::bind_front_handler(&session::on_detect, this->shared_from_this()));
  } else {
    do_read();
  }
}

template <class Stream>
void session<Stream>::on_detect(beast::error_code ec, bool tls) {
  if constexpr (is_tls) {
    if (ec)
      return do_close();
    if (!tls) {
      net::async_write(tcp_layer(), net::buffer(plain_http_on_tls),
                       [self = this->shared_from_this()](beast::error_code, std::size_t) { self->do_close(); });
      return;
    }
    stream_.async_handshake(net::ssl::stream_base::server, buffer_.data(),
                            beast::bind_front_handler(&session::on_handshake, this->shared_from_this()));
  }
}

template <class Stream>
void session<Stream>::on_handshake(beast::error_code ec, std::size_t used) {
  if constexpr (is_tls) {
    if (ec) {
      // A client without an accepted certificate, or speaking an old TLS:
      // its TLS stack tells it why; the log only at debug, as scanners do this.
      beast::error_code ignored;
      auto peer = tcp_layer().socket().remote_endpoint(ignored);
      spdlog::debug("http: TLS handshake with {}:{} failed: {}", peer.address().to_string(), peer.port(),
                    ec.message());
      return do_close();
    }
    buffer_.consume(used);
    tls_up_ = true;
    do_read();
  }
}

template <class Stream>
void session<Stream>::cancel_idle_read() {
  net::post(stream_.get_executor(), [self = this->shared_from_this()] {
    beast::error_code ec;
    if (self->reading_)
      self->tcp_layer().socket().cancel(ec);
  });
}

template <class Stream>
void session<Stream>::drain() {
  net::post(stream_.get_executor(), [self = this->shared_from_this()] {
    // A session waiting for a request gives it a short while more, so one
    // already on its way is answered rather than cut off (busy sessions
    // close once their answer is written).
    if (self->reading_ && self->deadline_ > std::chrono::steady_clock::now() + self->ctx_->lim.drain_read_timeout)
      self->bound_by(bound::read, self->ctx_->lim.drain_read_timeout);
  });
}

template <class Stream>
void session<Stream>::do_read() {
  parser_.emplace();
  parser_->get().body().budget = &ctx_->bodies;
  parser_->header_limit(static_cast<std::uint32_t>(ctx_->lim.header_bytes));
  parser_->body_limit(ctx_->lim.body_bytes);
  reading_ = true;
  read_expired_ = false;
  idle_since_.store(std::chrono::steady_clock::now().time_since_epoch().count(), std::memory_order_relaxed);
  tcp_layer().expires_never();
  bound_by(bound::read, read_time(ctx_->lim.idle_timeout));
  bhttp::async_read_header(stream_, buffer_, *parser_,
                           beast::bind_front_handler(&session::on_header, this->shared_from_this()));
}

template <class Stream>
void session<Stream>::on_header(beast::error_code ec, std::size_t bytes) {
  // Evicted while the header arrived: its place went to a new connection.
  if (idle_since_.exchange(0, std::memory_order_relaxed) == evicted) {
    end_read();
    return do_close();
  }
  if (ec)
    return on_read(ec, bytes);
  if (parser_->get().target().size() > ctx_->lim.target_bytes)
    return end_read_with(
      model::fail(model::api_error::request_target_too_long, {std::to_string(ctx_->lim.target_bytes)}));
  if (parser_->is_done())
    return on_read(ec, bytes);
  // Waiting for a body is waiting too: a new connection past the limit may
  // take this one's place (idle ones go first, being older).
  idle_since_.store(std::chrono::steady_clock::now().time_since_epoch().count(), std::memory_order_relaxed);
  bound_by(bound::read, read_time(ctx_->lim.body_timeout));
  if (!wants_continue(parser_->get()))
    return do_read_body();
  tcp_layer().expires_after(ctx_->lim.write_timeout);
  net::async_write(stream_, net::buffer(continue_line),
                   beast::bind_front_handler(&session::on_continue, this->shared_from_this()));
}

template <class Stream>
void session<Stream>::on_continue(beast::error_code ec, std::size_t bytes) {
  if (ec)
    return on_read(ec, bytes);
  do_read_body();
}

template <class Stream>
void session<Stream>::do_read_body() {
  tcp_layer().expires_never();
  bhttp::async_read(stream_, buffer_, *parser_,
                    beast::bind_front_handler(&session::on_read, this->shared_from_this()));
}

template <class Stream>
std::chrono::steady_clock::duration session<Stream>::read_time(std::chrono::steady_clock::duration limit) const {
  if (ctx_->draining.load(std::memory_order_relaxed))
    return std::min(limit, std::chrono::steady_clock::duration(ctx_->lim.drain_read_timeout));
  return limit;
}

template <class Stream>
void session<Stream>::bound_by(bound what, std::chrono::steady_clock::duration after) {
  bound_ = what;
  deadline_ = std::chrono::steady_clock::now() + after;
  // A later deadline waits for the timer to fire and wait again.
  if (!timer_waiting_ || deadline_ < timer_at_)
    wake_at(deadline_);
}

template <class Stream>
void session<Stream>::wake_at(std::chrono::steady_clock::time_point at) {
  timer_waiting_ = true;
  timer_at_ = at;
  deadline_timer_.expires_at(at); // a wait already there ends, aborted
  // Weak: the timer never keeps a finished session alive; destroying the
  // session cancels the wait.
  deadline_timer_.async_wait(
    [weak = this->weak_from_this(), generation = ++timer_generation_](beast::error_code) {
      auto self = weak.lock();
      if (self && generation == self->timer_generation_)
        self->on_deadline();
    });
}

template <class Stream>
void session<Stream>::on_deadline() {
  timer_waiting_ = false;
  if (bound_ == bound::none)
    return; // armed again when the session next waits for its peer
  if (std::chrono::steady_clock::now() < deadline_)
    return wake_at(deadline_);
  if (bound_ == bound::read)
    read_expired_ = true;
  bound_ = bound::none;
  beast::error_code ec;
  tcp_layer().socket().cancel(ec);
}

template <class Stream>
bool session<Stream>::admit() {
  auto before = ctx_->in_flight.fetch_add(1, std::memory_order_relaxed);
  admitted_ = true;
  return before < ctx_->lim.max_in_flight;
}

template <class Stream>
void session<Stream>::hold_body_bytes() {
  auto& body = parser_->get().body();
  body_bytes_held_ += body.taken;
  body.taken = 0;
}

template <class Stream>
void session<Stream>::release() {
  if (admitted_) {
    admitted_ = false;
    ctx_->in_flight.fetch_sub(1, std::memory_order_relaxed);
  }
  ctx_->bodies.give_back(std::exchange(body_bytes_held_, 0));
}

template <class Stream>
void session<Stream>::end_read() {
  reading_ = false;
  bound_ = bound::none;
}

template <class Stream>
void session<Stream>::end_read_with(const model::api_failure& failure) {
  end_read();
  refuse(failure);
}

template <class Stream>
bool session<Stream>::target_too_long() const {
  // Beast takes the request line from the buffer once it has parsed it
  // whole; until then the buffer begins with it.
  if (auto target = parser_->get().target(); !target.empty())
    return target.size() > ctx_->lim.target_bytes;
  constexpr std::size_t method_and_version = 32;
  std::string_view seen(static_cast<const char*>(buffer_.data().data()), buffer_.size());
  return seen.substr(0, ctx_->lim.target_bytes + method_and_version).find('\n') == std::string_view::npos;
}

template <class Stream>
void session<Stream>::on_read(beast::error_code ec, std::size_t) {
  end_read();
  hold_body_bytes();
  // Evicted while its body arrived: its place went to a new connection.
  if (idle_since_.exchange(0, std::memory_order_relaxed) == evicted)
    return do_close();
  if (parser_->get().body().over_budget)
    return refuse(model::fail(model::api_error::too_many_requests));
  if (ec == net::error::operation_aborted && read_expired_)
    return on_read_expired();
  if (ec == bhttp::error::end_of_stream || ec == net::error::eof || ec == beast::error::timeout
      || ec == net::error::operation_aborted || ec == net::error::connection_reset
      || ec == net::ssl::error::stream_truncated) // a TLS peer gone without close_notify
    return do_close();
  if (ec == bhttp::error::body_limit)
    return refuse(model::fail(model::api_error::request_body_too_large, {std::to_string(ctx_->lim.body_bytes)}));
  if (ec == bhttp::error::header_limit) {
    if (target_too_long())
      return refuse(model::fail(model::api_error::request_target_too_long, {std::to_string(ctx_->lim.target_bytes)}));
    return refuse(model::fail(model::api_error::request_header_too_large, {std::to_string(ctx_->lim.header_bytes)}));
  }
  if (ec)
    return refuse(model::fail_with(model::api_error::api_invalid_param,
                                   "invalid api parameter: malformed HTTP request: " + ec.message()));
  // Read after shutdown began: refused, so the server never starts work it
  // may not finish (the client can retry elsewhere).
  if (ctx_->draining.load(std::memory_order_relaxed))
    return refuse(model::fail(model::api_error::server_is_not_ready));
  if (!admit())
    return turn_away(model::fail(model::api_error::too_many_requests));
  dispatch(parser_->release());
}

template <class Stream>
void session<Stream>::on_read_expired() {
  // A client that sent nothing of a request asked nothing: close quietly.
  if (!parser_->got_some() && buffer_.size() == 0)
    return do_close();
  if (ctx_->draining.load(std::memory_order_relaxed))
    return refuse(model::fail(model::api_error::server_is_not_ready));
  bool header = !parser_->is_header_done();
  model::duration limit = header ? model::duration(ctx_->lim.idle_timeout) : model::duration(ctx_->lim.body_timeout);
  refuse(model::fail(model::api_error::request_read_timeout,
                     {header ? "header" : "body", model::format_go_duration(limit)}));
}

template <class Stream>
void session<Stream>::refuse(const model::api_failure& failure) {
  // Nothing of the request is used: what it holds goes back at once, not
  // only once the answer is written and the peer closed.
  if (parser_) {
    hold_body_bytes();
    parser_.reset();
  }
  ctx_->bodies.give_back(std::exchange(body_bytes_held_, 0));
  keep_alive_ = false;
  route_ = nullptr;
  read_at_ = std::chrono::steady_clock::now();
  auto err = render(failure);
  on_reply(err.status, std::move(err.body), reply::json_type);
}

template <class Stream>
void session<Stream>::turn_away(const model::api_failure& failure) {
  version_ = parser_->get().version();
  keep_alive_ = parser_->get().keep_alive();
  route_ = nullptr;
  read_at_ = std::chrono::steady_clock::now();
  auto err = render(failure);
  on_reply(err.status, std::move(err.body), reply::json_type);
}

template <class Stream>
void session<Stream>::dispatch(bhttp::request<budgeted_body>&& req) {
  version_ = req.version();
  route_ = nullptr;
  read_at_ = std::chrono::steady_clock::now();
  keep_alive_ = req.keep_alive() && !ctx_->draining.load(std::memory_order_relaxed);

  // The reply may come from any thread; continue on this strand (at once when
  // the handler answered synchronously, already on the strand).
  reply r{[self = this->shared_from_this()](unsigned status, std::string body, const char* content_type) {
    net::dispatch(self->stream_.get_executor(), [self, status, body = std::move(body), content_type]() mutable {
      self->on_reply(status, std::move(body), content_type);
    });
  }};
  // TiCDC's access log (its API middleware's), at debug level here: at
  // info it would write a line for every status poll of a busy cluster.
  if (spdlog::should_log(spdlog::level::debug))
    logged_request_ = std::string(req.method_string()) + " " + std::string(req.target());

  request_context rc;
  rc.method = req.method();
  rc.node = ctx_->node;
  rc.api = ctx_->api;
  rc.caller_lane = caller_lane_;
  rc.route_taken = &route_;
  auto target = req.target();
  if (!parse_request_target(std::string_view(target.data(), target.size()), rc)) {
    r.send_failure(model::fail_with(model::api_error::api_invalid_param,
                                    "invalid api parameter: malformed request target"));
    return;
  }
  rc.body = std::move(req.body().text);
  rc.authorization = std::string(req[bhttp::field::authorization]);
  ctx_->routes->dispatch(rc, r);
}

template <class Stream>
void session<Stream>::on_reply(unsigned status, std::string body, const char* content_type) {
  const auto& counted = route_ ? *route_ : ctx_->routes->unrouted();
  auto took = std::chrono::steady_clock::now() - read_at_;
  counted.record(status, std::chrono::duration<double>(took).count());
  if (!logged_request_.empty()) {
    spdlog::debug("api request: {} status={} duration={}us", logged_request_, status,
                  std::chrono::duration_cast<std::chrono::microseconds>(took).count());
    logged_request_.clear();
  }
  // Every answer leaves here: request bytes that reached it unchecked (a
  // percent-decoded path in an error message) must not make it invalid JSON.
  model::json::replace_invalid_utf8(body);
  res_ = {};
  res_.version(version_);
  res_.result(status);
  res_.set(bhttp::field::content_type, content_type);
  res_.keep_alive(keep_alive_ && !ctx_->draining.load(std::memory_order_relaxed));
  if (status == 429)
    res_.set(bhttp::field::retry_after, "1");
  res_.body() = std::move(body);
  res_.prepare_payload();
  // Answered: the request's place and its body's bytes are free before the
  // answer is written, so a client that reads it and asks again at once
  // finds them free.
  release();
  bound_by(bound::write, ctx_->lim.write_timeout);
  bhttp::async_write(stream_, res_, beast::bind_front_handler(&session::on_write, this->shared_from_this()));
}

template <class Stream>
void session<Stream>::on_write(beast::error_code ec, std::size_t) {
  bound_ = bound::none;
  if (ec || !res_.keep_alive())
    return do_close();
  do_read();
}

template <class Stream>
void session<Stream>::do_close() {
  // Closing has deadlines of its own (on the stream).
  bound_ = bound::none;
  deadline_timer_.cancel();
  if (!closing_) {
    closing_ = true;
    --ctx_->sessions;
  }
  if constexpr (is_tls)
    if (tls_up_)
      return end_tls();
  close_tcp();
}

template <class Stream>
void session<Stream>::end_tls() {
  if constexpr (is_tls) {
    tls_up_ = false;
    tcp_layer().expires_after(std::chrono::seconds(2));
    stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) { self->close_tcp(); });
  }
}

template <class Stream>
void session<Stream>::close_tcp() {
  // Half-close, then read until the peer closes too (bounded by a timeout):
  // closing with unread request bytes would send a reset that can destroy the
  // answer we just wrote (e.g. a 413 for a body still being uploaded).
  // TLS's own bytes after close_notify are dropped unread the same way.
  buffer_ = {};
  res_ = {};
  beast::error_code ec;
  tcp_layer().socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec) {
    tcp_layer().socket().close(ec);
    return;
  }
  tcp_layer().expires_after(std::chrono::seconds(2));
  do_discard_input();
}

template <class Stream>
void session<Stream>::do_discard_input() {
  // Small: a flood of refused clients holds one each until they close.
  constexpr std::size_t discard_chunk = 16 * 1024;
  buffer_.clear();
  tcp_layer().async_read_some(buffer_.prepare(discard_chunk),
                              [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                                if (!ec)
                                  return self->do_discard_input();
                                self->tcp_layer().socket().close(ec);
                              });
}

template class session<beast::tcp_stream>;
template class session<beast::ssl_stream<beast::tcp_stream>>;

} // namespace cdc::http
