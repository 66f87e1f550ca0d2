// One HTTP connection: read a request, route it, wait (without blocking) for
// its reply, write it, repeat while keep-alive. Runs on its own strand.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>

#include "http/beast.hpp"
#include "http/reply.hpp"
#include "http/server_context.hpp"
#include "model/api_error.hpp"

namespace cdc::http {

class route_metrics;

class session : public std::enable_shared_from_this<session> {
public:
  session(tcp::socket&& socket, std::shared_ptr<server_context> ctx, std::size_t caller_lane);
  ~session();

  void run();
  /// When this session began waiting for the header of its next request
  /// (steady-clock nanoseconds), or 0 while it handles one. Thread-safe.
  std::int64_t idle_since() const noexcept { return idle_since_.load(std::memory_order_relaxed); }
  /// Takes this session for eviction if it has waited since `since`; then
  /// it closes without reading its next request. Thread-safe.
  bool evict_if_idle_since(std::int64_t since);
  /// Shutdown began (ctx->draining is set): finish with what was read, then
  /// close. Thread-safe.
  void drain();

private:
  void do_read();
  void on_header(beast::error_code ec, std::size_t bytes);
  void on_continue(beast::error_code ec, std::size_t bytes);
  void do_read_body();
  void on_read(beast::error_code ec, std::size_t bytes);
  /// Bounds the read in progress: when `after` passes, the read is cancelled
  /// and on_read learns why (a stream timeout would close the socket, and
  /// with it the chance to answer).
  void arm_read_deadline(std::chrono::steady_clock::duration after);
  /// `limit`, or less once shutdown began.
  std::chrono::steady_clock::duration read_time(std::chrono::steady_clock::duration limit) const;
  void on_read_expired();
  /// Stops the read deadline: the read in progress is over.
  void end_read();
  /// Ends the read and refuses the request it was reading.
  void end_read_with(const model::api_failure& failure);
  /// Counts the request read as in flight; false when that is one too many.
  bool admit();
  /// The answer is written (or the session ends): no longer in flight.
  void release();
  /// A header too large to parse: whether its request target alone is.
  bool target_too_long() const;
  /// Answers a request that could not be read whole, then closes: the rest
  /// of the stream can no longer be framed.
  void refuse(const model::api_failure& failure);
  void dispatch(bhttp::request<bhttp::string_body>&& req);
  /// Runs on the strand once the reply for the current request arrived.
  void on_reply(unsigned status, std::string body, const char* content_type);
  void on_write(beast::error_code ec, std::size_t bytes);
  void do_close();
  /// Reads and drops what the peer still sends until it closes.
  void do_discard_input();

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bhttp::response<bhttp::string_body> res_;
  std::shared_ptr<server_context> ctx_;
  net::steady_timer read_deadline_;
  /// Bumped whenever a read ends, so a deadline that fired too late for it
  /// cannot cancel what the session does next.
  std::uint64_t read_generation_ = 0;
  bool read_expired_ = false;
  bool reading_ = false;
  /// The current request counts in ctx->in_flight.
  bool admitted_ = false;
  /// See idle_since(); `evicted` once the listener took it.
  static constexpr std::int64_t evicted = -1;
  std::atomic<std::int64_t> idle_since_{0};
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
};

} // namespace cdc::http
