#include "metrics/atomic_histogram.hpp"

#include <algorithm>
#include <limits>

namespace cdc::metrics {

std::vector<double> exponential_buckets(double start, double factor, int count) {
  std::vector<double> out;
  out.reserve(static_cast<std::size_t>(count));
  for (double b = start; static_cast<int>(out.size()) < count; b *= factor)
    out.push_back(b);
  return out;
}

atomic_histogram::atomic_histogram(std::shared_ptr<const std::vector<double>> bounds)
  : bounds_(std::move(bounds)), slots_(new std::atomic<std::uint64_t>[bounds_->size() + 1]) {
  for (std::size_t i = 0; i <= bounds_->size(); ++i)
    slots_[i].store(0, std::memory_order_relaxed);
}

void atomic_histogram::observe(double value) noexcept {
  // Prometheus' buckets are "less than or equal": the first bound >= value.
  auto it = std::lower_bound(bounds_->begin(), bounds_->end(), value);
  slots_[static_cast<std::size_t>(it - bounds_->begin())].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

prometheus::ClientMetric::Histogram atomic_histogram::snapshot() const {
  prometheus::ClientMetric::Histogram h;
  h.bucket.reserve(bounds_->size() + 1);
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i <= bounds_->size(); ++i) {
    cumulative += slots_[i].load(std::memory_order_relaxed);
    double bound = i < bounds_->size() ? (*bounds_)[i] : std::numeric_limits<double>::infinity();
    h.bucket.push_back({cumulative, bound});
  }
  h.sample_count = cumulative;
  h.sample_sum = sum_.load(std::memory_order_relaxed);
  return h;
}

std::uint64_t atomic_histogram::count() const noexcept {
  std::uint64_t n = 0;
  for (std::size_t i = 0; i <= bounds_->size(); ++i)
    n += slots_[i].load(std::memory_order_relaxed);
  return n;
}

} // namespace cdc::metrics
