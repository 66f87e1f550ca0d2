// One HTTP connection: read a request, route it, wait (without blocking) for
// its reply, write it, repeat while keep-alive. Runs on its own strand.
// Generic over the stream: plain TCP, or TLS over it (which first tells a
// TLS client from a plain one and shakes hands), so neither pays for the
// other per byte.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <type_traits>

#include <boost/beast/ssl/ssl_stream.hpp>

#include "http/beast.hpp"
#include "http/reply.hpp"
#include "http/request_body.hpp"
#include "http/server_context.hpp"
#include "model/api_error.hpp"

namespace cdc::http {

class route_metrics;

/// What the listener keeps of each session, whatever its stream.
class session_handle {
public:
  virtual ~session_handle() = default;
  /// Shutdown began (ctx->draining is set): finish with what was read, then
  /// close. Thread-safe.
  virtual void drain() = 0;
  /// When this session began waiting for the header of its next request, or
  /// for the body of the current one (steady-clock nanoseconds); 0 while a
  /// request it read is handled. Thread-safe.
  std::int64_t idle_since() const noexcept { return idle_since_.load(std::memory_order_relaxed); }
  /// Takes this session for eviction if it has waited since `since`; then
  /// it closes without reading its next request. Thread-safe.
  bool evict_if_idle_since(std::int64_t since);

protected:
  /// Cancels the read of the next request, on the session's strand.
  virtual void cancel_idle_read() = 0;

  /// See idle_since(); `evicted` once the listener took it.
  static constexpr std::int64_t evicted = -1;
  std::atomic<std::int64_t> idle_since_{0};
};

template <class Stream>
class session : public session_handle, public std::enable_shared_from_this<session<Stream>> {
public:
  /// `stream_args` follow the socket into the stream's constructor (the
  /// TLS stream's ssl::context).
  template <class... StreamArgs>
  session(std::shared_ptr<server_context> ctx, std::size_t caller_lane, tcp::socket&& socket,
          StreamArgs&&... stream_args)
    : stream_(std::move(socket), std::forward<StreamArgs>(stream_args)...),
      ctx_(std::move(ctx)),
      deadline_timer_(stream_.get_executor()),
      caller_lane_(caller_lane) {
    ++ctx_->sessions;
  }
  ~session() override;

  void run();
  void drain() override;

protected:
  void cancel_idle_read() override;

private:
  static constexpr bool is_tls = !std::is_same_v<Stream, beast::tcp_stream>;
  beast::tcp_stream& tcp_layer() { return beast::get_lowest_layer(stream_); }
  void start();
  /// TLS only: the first bytes tell a TLS client from a plain HTTP one.
  void on_detect(beast::error_code ec, bool tls);
  void on_handshake(beast::error_code ec, std::size_t used);
  /// TLS only: sends close_notify (and waits, briefly, for the peer's).
  void end_tls();
  /// Half-closes the TCP connection and drains it; see do_close.
  void close_tcp();
  void do_read();
  void on_header(beast::error_code ec, std::size_t bytes);
  void on_continue(beast::error_code ec, std::size_t bytes);
  void do_read_body();
  void on_read(beast::error_code ec, std::size_t bytes);
  /// What the session waits for under a deadline: the next request (or its
  /// body), or the peer taking the answer. None while a request is handled.
  enum class bound { none, read, write };
  /// Bounds what the session does next: when `after` passes, its read or
  /// write is cancelled (on_read learns why: a stream timeout would close
  /// the socket, and with it the chance to answer).
  void bound_by(bound what, std::chrono::steady_clock::duration after);
  /// The timer wakes the session at `at` (it never fires later than the
  /// deadline set since it last fired).
  void wake_at(std::chrono::steady_clock::time_point at);
  /// The timer fired: the deadline passed, or it moved later (then the
  /// timer waits again).
  void on_deadline();
  /// `limit`, or less once shutdown began.
  std::chrono::steady_clock::duration read_time(std::chrono::steady_clock::duration limit) const;
  void on_read_expired();
  /// Stops the read deadline: the read in progress is over.
  void end_read();
  /// Ends the read and refuses the request it was reading.
  void end_read_with(const model::api_failure& failure);
  /// Counts the request read as in flight; false when that is one too many.
  bool admit();
  /// The body bytes the parser took from the budget are now the session's
  /// to give back.
  void hold_body_bytes();
  /// The answer is written (or the session ends): no longer in flight, and
  /// its body no longer held.
  void release();
  /// A header too large to parse: whether its request target alone is.
  bool target_too_long() const;
  /// Answers a request that could not be read whole, then closes: the rest
  /// of the stream can no longer be framed.
  void refuse(const model::api_failure& failure);
  /// Answers a request read whole without handling it; the connection stays
  /// open when the client asked.
  void turn_away(const model::api_failure& failure);
  void dispatch(bhttp::request<budgeted_body>&& req);
  /// Runs on the strand once the reply for the current request arrived.
  void on_reply(unsigned status, std::string body, const char* content_type);
  void on_write(beast::error_code ec, std::size_t bytes);
  void do_close();
  /// Reads and drops what the peer still sends until it closes.
  void do_discard_input();

  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<budgeted_body>> parser_;
  bhttp::response<bhttp::string_body> res_;
  std::shared_ptr<server_context> ctx_;
  /// One timer for every deadline, moved only to an earlier time. Arming and
  /// cancelling a timer per request cost more than the rest of a read's
  /// handling together: a keep-alive client now costs a timer wait per
  /// deadline's length, not per request.
  net::steady_timer deadline_timer_;
  bound bound_ = bound::none;
  std::chrono::steady_clock::time_point deadline_;
  /// Whether the timer waits, and until when; a wait replaced by an earlier
  /// one is told apart by its generation.
  bool timer_waiting_ = false;
  std::chrono::steady_clock::time_point timer_at_;
  std::uint64_t timer_generation_ = 0;
  bool read_expired_ = false;
  bool reading_ = false;
  /// The current request counts in ctx->in_flight.
  bool admitted_ = false;
  /// Bytes of ctx->bodies the current request holds.
  std::size_t body_bytes_held_ = 0;
  /// Set once the session began to close; it no longer counts as open.
  bool closing_ = false;
  std::size_t caller_lane_;
  unsigned version_ = 11;
  /// The request being answered: the route that took it (null: none did)
  /// and when it was read, for the request metrics.
  const route_metrics* route_ = nullptr;
  std::chrono::steady_clock::time_point read_at_;
  bool keep_alive_ = true;
  /// The request being answered, for the access log (kept only while the
  /// log level is debug: copying every target would cost the hot path).
  std::string logged_request_;
  /// TLS only: the handshake succeeded, so closing says close_notify first.
  bool tls_up_ = false;
};

using plain_session = session<beast::tcp_stream>;
using tls_session = session<beast::ssl_stream<beast::tcp_stream>>;

} // namespace cdc::http
