// cdc-load's command line: the scenario, the server, and how hard, how long
// and how fast to drive it. Parsing is pure, so every flag is unit-tested.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tools/load/op_mix.hpp"

namespace cdc::load {

/// One server cdc-load talks to.
struct server_address {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8300;

  /// "HOST:PORT", as the Host header and the history show it.
  std::string text() const { return host + ":" + std::to_string(port); }
};

struct load_options {
  scenario kind = scenario::read;
  /// `create N`: how many changefeeds to create.
  std::uint64_t create_count = 0;
  /// The servers, from --addr (repeated or comma-separated); connections
  /// are spread over them round-robin.
  std::vector<server_address> servers{server_address{}};
  bool addr_given = false;
  /// Keep-alive connections, each with one request in flight.
  std::size_t concurrency = 16;
  /// How long churn, read and mixed run (create runs until N are done);
  /// verify: how long it re-lists while the list disagrees.
  std::chrono::milliseconds duration{std::chrono::seconds(10)};
  /// Stop after this many requests (0: no limit; with --duration, whichever comes first).
  std::uint64_t count = 0;
  bool duration_given = false;
  /// Requests per second over all connections (0: as fast as answers come).
  double rate = 0;
  std::string sink_uri = "blackhole://";
  /// A JSON file whose object is sent as every create's replica_config.
  std::string config_file;
  /// Changefeed IDs are PREFIX-0, PREFIX-1, ...
  std::string prefix = "load";
  /// Changefeeds churn, read and mixed work on (made first when missing);
  /// 0 means one per connection.
  std::uint64_t feeds = 0;
  op_mix mix = default_mix(scenario::read);
  bool mix_given = false;
  std::string json_file;
  std::string plot_file;
  /// churn and mixed: one JSON line per churn step sent (history.hpp);
  /// verify: the history to check.
  std::string history_file;
  /// Client I/O threads (the client shares the machine with the server).
  std::size_t threads = 1;
  std::chrono::milliseconds timeout{std::chrono::seconds(30)};
  /// Period of the progress line and of the latency timeline.
  std::chrono::milliseconds interval{std::chrono::seconds(1)};
  std::uint64_t seed = 1;
  /// Exit 1 when any request failed (an error status or a broken connection).
  bool fail_on_error = false;
  /// auto: a live line on a terminal, plain lines otherwise; plain; none.
  std::string progress = "auto";

  /// The changefeeds the scenario works on (--feeds, or one per connection).
  std::uint64_t feed_count() const noexcept { return feeds ? feeds : concurrency; }
};

extern const char* load_usage;

/// Parses `args` (without the program name). On failure returns nullopt and
/// sets `error`; `error == "help"` means --help was asked for.
std::optional<load_options> parse_load_args(const std::vector<std::string>& args, std::string& error);

} // namespace cdc::load
