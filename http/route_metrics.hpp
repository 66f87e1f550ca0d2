// Requests answered per route *pattern* (never the raw path, so the number
// of series stays bounded whatever clients send), by status, and how long
// they took. Sessions record with relaxed atomics only.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include <prometheus/metric_family.h>

#include "metrics/atomic_histogram.hpp"

namespace cdc::http {

class route_metrics {
public:
  route_metrics(std::string method, std::string pattern);

  /// One answer with `status` after `seconds`. Lock-free; const because
  /// the route table is shared read-only and counting does not change it.
  void record(unsigned status, double seconds) const noexcept;

  /// Adds this route's series to ticdc_http_requests_total (`requests`) and
  /// ticdc_http_request_duration_seconds (`durations`); a route never asked
  /// adds none.
  void append_to(prometheus::MetricFamily& requests, prometheus::MetricFamily& durations) const;

private:
  /// A status seen on this route and how often. A route answers a handful
  /// of distinct statuses; slots are claimed once, by compare-and-swap.
  struct status_count {
    std::atomic<unsigned> status{0};
    std::atomic<std::uint64_t> count{0};
  };

  std::string method_, pattern_;
  mutable std::array<status_count, 16> statuses_;
  /// Answers whose status found no free slot (never seen in practice).
  mutable std::atomic<std::uint64_t> other_{0};
  mutable metrics::atomic_histogram latency_;
};

/// The two (empty) families every route_metrics appends to.
prometheus::MetricFamily http_requests_family();
prometheus::MetricFamily http_durations_family();

} // namespace cdc::http
