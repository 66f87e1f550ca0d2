// Runs one phase of cdc-load (the setup that makes missing feeds, or the
// measured run): the connections on the client's I/O threads, and on the
// calling thread the progress line and the latency timeline.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/ip/tcp.hpp>

#include "tools/load/history_log.hpp"
#include "tools/load/options.hpp"
#include "tools/load/report.hpp"
#include "tools/load/scenario.hpp"
#include "tools/load/stats.hpp"

namespace cdc::load {

struct phase_plan {
  std::string label;
  /// One per connection.
  std::vector<request_source> sources;
  /// Shown as done/goal when the number of requests is known.
  std::optional<std::uint64_t> goal;
  /// Stop starting requests after this long / this many.
  std::optional<std::chrono::milliseconds> duration;
  std::uint64_t count = 0;
  double rate = 0;
  /// Where churn steps are recorded (none without --history), and whether
  /// they belong to the setup (which comes before the run in a feed's order).
  history_log* history = nullptr;
  bool setup = false;
};

struct phase_result {
  totals all;
  std::vector<timeline_row> timeline;
  double elapsed_s = 0;
};

enum class progress_mode { live, plain, none };

/// The progress mode --progress asks for on this stderr.
progress_mode progress_for(const std::string& flag);

/// The servers of --addr, resolved.
struct server_set {
  /// One per --addr, in order.
  std::vector<boost::asio::ip::tcp::endpoint> endpoints;
  /// The first that accepted a connection (for the setup's list, verify).
  std::size_t live = 0;
};

phase_result run_phase(const load_options& o, const server_set& servers, phase_plan plan, progress_mode mode);

/// Resolves every --addr and checks that at least one accepts connections
/// (the others may be down: their connections move on); nullopt with
/// `error` set otherwise.
std::optional<server_set> reach(const load_options& o, std::string& error);

/// A blocking GET (for the setup): the status and body, or nullopt with `error`.
std::optional<std::pair<unsigned, std::string>> fetch(const boost::asio::ip::tcp::endpoint& ep,
                                                       const std::string& target, std::string& error);

/// The changefeeds the server lists now (every state), ID -> state; nullopt
/// with `error` set when it does not answer a list.
std::optional<std::map<std::string, std::string>> listed_feeds(const boost::asio::ip::tcp::endpoint& ep,
                                                                std::string& error);

} // namespace cdc::load
