// One keep-alive HTTP/1.1 client connection of cdc-load: asks its request
// source for the next request, sends it (paced when a rate is set), times
// the answer and records it; reconnects after a broken connection.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "tools/load/scenario.hpp"
#include "tools/load/stats.hpp"

namespace cdc::load {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;
using steady = std::chrono::steady_clock;

/// What the connections of one phase share.
struct phase_state {
  phase_state(net::io_context& ioc_, tcp::endpoint ep) : ioc(ioc_), endpoint(ep) {}

  net::io_context& ioc;
  tcp::endpoint endpoint;
  std::string host_header;
  std::chrono::milliseconds timeout{std::chrono::seconds(30)};
  std::optional<steady::time_point> deadline;
  /// Requests left to start (count limit); huge when unlimited.
  std::atomic<std::int64_t> budget{INT64_MAX};
  /// Pacing: request k may start at start + k / rate.
  double rate = 0;
  steady::time_point start;
  std::atomic<std::uint64_t> slots{0};

  /// Connections still working; the last one to finish wakes the waiter.
  std::atomic<std::size_t> active{0};
  std::mutex lock;
  std::condition_variable all_done;

  void connection_finished();
};

class connection : public std::enable_shared_from_this<connection> {
public:
  connection(phase_state& phase, request_source& source, recorder& rec);

  /// Connects and starts working; returns at once.
  void start();

private:
  void connect();
  void on_connect(beast::error_code ec);
  void next();
  void send();
  void on_write(beast::error_code ec, std::size_t);
  void on_read(beast::error_code ec, std::size_t);
  /// No answer: record it, then reconnect (after a pause, so a dead server
  /// does not turn into a busy loop) and go on.
  void broken(beast::error_code ec);
  void finish();

  phase_state& phase_;
  request_source& source_;
  recorder& rec_;
  beast::tcp_stream stream_;
  net::steady_timer timer_;
  beast::flat_buffer buffer_;
  bhttp::request<bhttp::string_body> req_;
  std::optional<bhttp::response_parser<bhttp::string_body>> parser_;
  std::optional<request_spec> current_;
  steady::time_point sent_;
  bool connected_ = false;
  bool finished_ = false;
};

} // namespace cdc::load
