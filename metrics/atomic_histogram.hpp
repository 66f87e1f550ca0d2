// A histogram that hot paths (sink writes, HTTP answers) observe with a few
// relaxed atomic adds: prometheus-cpp's own Histogram takes a mutex per
// observation, which the request path must not.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include <prometheus/client_metric.h>

namespace cdc::metrics {

/// Upper bounds start, start*factor, ... (count of them), as Go's
/// prometheus.ExponentialBuckets, so bucket edges match TiCDC's dashboards.
std::vector<double> exponential_buckets(double start, double factor, int count);

class atomic_histogram {
public:
  explicit atomic_histogram(std::shared_ptr<const std::vector<double>> bounds);

  /// Lock-free; safe from any thread.
  void observe(double value) noexcept;

  /// The buckets as the text format wants them (cumulative, +Inf last).
  /// Buckets are read one by one, so a scrape racing observations may see
  /// one observation in some buckets and not yet in the sum: Prometheus
  /// tolerates that, and the count is made from the buckets themselves.
  prometheus::ClientMetric::Histogram snapshot() const;

  std::uint64_t count() const noexcept;

private:
  std::shared_ptr<const std::vector<double>> bounds_;
  /// One slot per bound plus the +Inf slot; not cumulative.
  std::unique_ptr<std::atomic<std::uint64_t>[]> slots_;
  std::atomic<double> sum_{0.0};
};

} // namespace cdc::metrics
