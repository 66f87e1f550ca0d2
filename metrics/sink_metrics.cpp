#include "metrics/sink_metrics.hpp"

#include "metrics/families.hpp"

namespace cdc::metrics {

namespace {

// TiCDC's buckets: 2 ms .. ~262 s for a write, 1 .. 131072 rows per batch.
const auto exec_bounds = std::make_shared<const std::vector<double>>(exponential_buckets(0.002, 2, 18));
const auto batch_bounds = std::make_shared<const std::vector<double>>(exponential_buckets(1, 2, 18));

} // namespace

feed_sink_metrics::feed_sink_metrics(std::string ns, std::string cf, std::string t)
  : namespace_(std::move(ns)), changefeed(std::move(cf)), type(std::move(t)), exec_duration(exec_bounds),
    batch_size(batch_bounds) {}

void feed_sink_metrics::written(std::uint64_t rows, double seconds) noexcept {
  exec_duration.observe(seconds);
  batch_size.observe(static_cast<double>(rows));
}

std::shared_ptr<feed_sink_metrics> sink_metrics::for_feed(const std::string& ns, const std::string& cf,
                                                          const std::string& type) {
  std::lock_guard guard(lock_);
  auto& slot = feeds_[key{ns, cf, type}];
  if (auto live = slot.lock())
    return live;
  auto fresh = std::make_shared<feed_sink_metrics>(ns, cf, type);
  slot = fresh;
  return fresh;
}

std::vector<prometheus::MetricFamily> sink_metrics::Collect() const {
  using prometheus::MetricType;
  auto exec = make_family("ticdc_sink_txn_exec_duration", "Bucketed histogram of processing time (s) of a txn.",
                          MetricType::Histogram);
  auto batch = make_family("ticdc_sink_txn_batch_size", "Bucketed histogram of batch size of a txn.",
                           MetricType::Histogram);
  auto errors =
    make_family("ticdc_sink_execution_error", "total count of execution errors", MetricType::Counter);
  std::lock_guard guard(lock_);
  for (auto it = feeds_.begin(); it != feeds_.end();) {
    auto m = it->second.lock();
    if (!m) {
      it = feeds_.erase(it);
      continue;
    }
    ++it;
    std::vector<prometheus::ClientMetric::Label> labels{
      {"namespace", m->namespace_}, {"changefeed", m->changefeed}, {"type", m->type}};
    add_series(exec, labels).histogram = m->exec_duration.snapshot();
    add_series(batch, labels).histogram = m->batch_size.snapshot();
    add_series(errors, std::move(labels)).counter.value = static_cast<double>(m->errors.load(std::memory_order_relaxed));
  }
  auto total = make_family("cdc_actor_sink_rows_total", "Rows every sink of this server took, over all changefeeds",
                           MetricType::Counter);
  add_series(total, {}).counter.value = static_cast<double>(rows->load(std::memory_order_relaxed));
  std::vector<prometheus::MetricFamily> out;
  out.push_back(std::move(total));
  append_nonempty(out, std::move(exec));
  append_nonempty(out, std::move(batch));
  append_nonempty(out, std::move(errors));
  return out;
}

} // namespace cdc::metrics
