// The end-of-run summary (requests/s, latency percentiles, errors by status
// and error_code, per operation, and the timeline) as text for people and
// JSON for machines, plus the live progress line.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "tools/load/stats.hpp"

namespace cdc::load {

struct latency_summary {
  double min_ms = 0, mean_ms = 0, p50_ms = 0, p90_ms = 0, p99_ms = 0, p999_ms = 0, max_ms = 0;

  static latency_summary of(const histogram& h);
};

struct op_summary {
  op kind = op::status;
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  latency_summary latency;
};

/// One interval of the run.
struct timeline_row {
  double t_s = 0; ///< end of the interval, seconds since the start
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  double requests_per_second = 0;
  double p50_ms = 0, p90_ms = 0, p99_ms = 0, max_ms = 0;
};

timeline_row make_row(double t_end_s, double length_s, const interval_stats& s);

struct summary {
  std::string scenario;
  std::string target;
  std::size_t concurrency = 0;
  double rate_limit = 0;
  double elapsed_s = 0;
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  double requests_per_second = 0;
  latency_summary latency;
  std::vector<op_summary> ops; ///< operations that ran, in op order
  std::map<std::string, std::uint64_t> errors_by_status;
  std::map<std::string, std::uint64_t> errors_by_code;
  std::vector<timeline_row> timeline;
};

summary make_summary(std::string scenario, std::string target, std::size_t concurrency, double rate_limit,
                     double elapsed_s, const totals& t, std::vector<timeline_row> timeline);

std::string format_text(const summary& s);
boost::json::value to_json(const summary& s);

/// What the progress line shows.
struct progress_view {
  std::string phase;       ///< e.g. "create", "setup"
  double elapsed_s = 0;
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  std::optional<std::uint64_t> goal; ///< known request total (create N)
  double last_rps = 0;     ///< over the last interval
  double last_p50_ms = 0, last_p99_ms = 0;
};

/// One line, no newline: "create  3.0s  2,950/10,000  983 req/s  p50 12.1 ms  p99 30.2 ms  errors 0".
std::string format_progress(const progress_view& v);

/// 1234567 -> "1,234,567".
std::string group_digits(std::uint64_t n);

} // namespace cdc::load
