// One keep-alive HTTP/1.1 client connection of cdc-load: asks its request
// source for the next request, sends it (paced when a rate is set), times
// the answer and records it (and, with --history, the churn step's outcome);
// reconnects after a broken connection, and moves on to the next node after
// a failed connect, so a dead node slows its connections without stopping
// them.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "tools/load/history_log.hpp"
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
  phase_state(net::io_context& ioc_, std::vector<tcp::endpoint> eps) : ioc(ioc_), endpoints(std::move(eps)) {}

  net::io_context& ioc;
  /// The nodes, and "HOST:PORT" of each (Host header, history).
  std::vector<tcp::endpoint> endpoints;
  std::vector<std::string> host_headers;
  /// Where churn steps are recorded (none without --history).
  history_log* history = nullptr;
  bool setup = false;
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
  /// Connection number `id` starts on node id % nodes.
  connection(phase_state& phase, request_source& source, recorder& rec, std::size_t id);

  /// Connects and starts working; returns at once.
  void start();

private:
  void connect();
  void on_connect(beast::error_code ec);
  void next();
  void send();
  void on_write(beast::error_code ec, std::size_t);
  void on_read(beast::error_code ec, std::size_t);
  /// The request never left: try it on the next node after a back-off that
  /// doubles while connects keep failing, so a dead node is no busy loop;
  /// once every node refused it, it fails and the next request goes on.
  void connect_failed(beast::error_code ec);
  /// No answer to a request that was sent: record it (the server may or
  /// may not have applied it), then reconnect after a pause and go on.
  void broken(beast::error_code ec);
  /// Adds the current request to the history when it is a churn step.
  void record_step(unsigned status, std::string_view error_code);
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
  const std::size_t id_;
  std::size_t node_;
  std::uint64_t seq_ = 0; ///< churn steps recorded so far
  std::chrono::milliseconds backoff_;
  std::size_t connect_attempts_ = 0; ///< for the current request
};

} // namespace cdc::load
