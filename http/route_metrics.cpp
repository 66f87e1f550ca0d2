#include "http/route_metrics.hpp"

#include "metrics/families.hpp"

namespace cdc::http {

namespace {

// 1 ms .. ~65 s: reads are answered in well under a millisecond or two,
// writes wait for the meta store, a slow cluster for the API timeout.
const auto latency_bounds = std::make_shared<const std::vector<double>>(metrics::exponential_buckets(0.001, 2, 17));

} // namespace

route_metrics::route_metrics(std::string method, std::string pattern)
  : method_(std::move(method)), pattern_(std::move(pattern)), latency_(latency_bounds) {}

void route_metrics::record(unsigned status, double seconds) const noexcept {
  latency_.observe(seconds);
  for (auto& slot : statuses_) {
    unsigned seen = slot.status.load(std::memory_order_acquire);
    if (seen == 0 && slot.status.compare_exchange_strong(seen, status, std::memory_order_acq_rel))
      seen = status;
    if (seen == status) {
      slot.count.fetch_add(1, std::memory_order_relaxed);
      return;
    }
  }
  other_.fetch_add(1, std::memory_order_relaxed);
}

void route_metrics::append_to(prometheus::MetricFamily& requests, prometheus::MetricFamily& durations) const {
  auto latency = latency_.snapshot();
  if (latency.sample_count == 0)
    return;
  for (const auto& slot : statuses_) {
    auto status = slot.status.load(std::memory_order_acquire);
    if (status == 0)
      break;
    metrics::add_series(requests, {{"method", method_}, {"route", pattern_}, {"status", std::to_string(status)}})
      .counter.value = static_cast<double>(slot.count.load(std::memory_order_relaxed));
  }
  if (auto n = other_.load(std::memory_order_relaxed))
    metrics::add_series(requests, {{"method", method_}, {"route", pattern_}, {"status", "other"}}).counter.value =
      static_cast<double>(n);
  metrics::add_series(durations, {{"method", method_}, {"route", pattern_}}).histogram = std::move(latency);
}

prometheus::MetricFamily http_requests_family() {
  return metrics::make_family("ticdc_http_requests_total", "HTTP requests answered, by method, route pattern and status.",
                              prometheus::MetricType::Counter);
}

prometheus::MetricFamily http_durations_family() {
  return metrics::make_family("ticdc_http_request_duration_seconds",
                              "Bucketed histogram of the time (s) from reading a request to its answer.",
                              prometheus::MetricType::Histogram);
}

} // namespace cdc::http
