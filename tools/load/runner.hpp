// Runs one phase of cdc-load (the setup that makes missing feeds, or the
// measured run): the connections on the client's I/O threads, and on the
// calling thread the progress line and the latency timeline.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/asio/ip/tcp.hpp>

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
};

struct phase_result {
  totals all;
  std::vector<timeline_row> timeline;
  double elapsed_s = 0;
};

enum class progress_mode { live, plain, none };

/// The progress mode --progress asks for on this stderr.
progress_mode progress_for(const std::string& flag);

phase_result run_phase(const load_options& o, const boost::asio::ip::tcp::endpoint& ep, phase_plan plan,
                       progress_mode mode);

/// Resolves --addr and checks that something accepts connections there;
/// nullopt with `error` set otherwise.
std::optional<boost::asio::ip::tcp::endpoint> reach(const load_options& o, std::string& error);

/// A blocking GET (for the setup): the status and body, or nullopt with `error`.
std::optional<std::pair<unsigned, std::string>> fetch(const boost::asio::ip::tcp::endpoint& ep,
                                                       const std::string& target, std::string& error);

} // namespace cdc::load
