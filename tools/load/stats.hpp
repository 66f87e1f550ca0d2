// What cdc-load counts: per connection a recorder (its own lock, so
// connections never contend), merged into totals for the summary and
// drained every interval for the progress line and the timeline.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "tools/load/histogram.hpp"
#include "tools/load/op_mix.hpp"

namespace cdc::load {

/// One answered (or failed) request. status 0: no HTTP answer at all
/// (connection refused, reset or timed out); `error_code` then says why.
struct outcome {
  op kind = op::status;
  unsigned status = 0;
  std::string_view error_code;
  std::chrono::nanoseconds latency{0};

  bool failed() const noexcept { return status == 0 || status >= 400; }
};

/// The error_code of a TiCDC error body (`{"error_msg":..,"error_code":"CDC:ErrX"}`)
/// without parsing the JSON; empty when there is none.
std::string_view extract_error_code(std::string_view body) noexcept;

struct op_totals {
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  std::unique_ptr<histogram> latency; ///< allocated on first use
};

struct totals {
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  histogram latency;
  std::array<op_totals, op_count> by_op;
  /// Failed requests by HTTP status ("transport" for no answer) and by
  /// error_code ("(none)" when the body had none).
  std::map<std::string, std::uint64_t> errors_by_status;
  std::map<std::string, std::uint64_t> errors_by_code;

  void add(const outcome& o);
  void merge(const totals& other);
};

/// Requests finished within one interval.
struct interval_stats {
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  histogram latency;

  void merge(const interval_stats& other);
};

class recorder {
public:
  void record(const outcome& o);
  /// Adds what was recorded since the last drain to `into`, and forgets it.
  void drain_interval(interval_stats& into);
  /// Adds everything recorded to `into`.
  void add_totals(totals& into) const;

private:
  mutable std::mutex lock_;
  totals total_;
  interval_stats interval_;
};

} // namespace cdc::load
