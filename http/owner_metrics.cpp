#include "http/owner_metrics.hpp"

#include <chrono>

#include "actors/published/feed_directory.hpp"
#include "actors/published/node_state.hpp"
#include "metrics/families.hpp"
#include "model/tso.hpp"

namespace cdc::http {

namespace {

using prometheus::MetricType;

std::int64_t now_ms(auto clock_now) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock_now.time_since_epoch()).count();
}

/// TiCDC's FeedState.ToInt(): normal 0, pending/error 1, failed 2,
/// stopped 3, finished 4, removed 5.
double status_number(model::feed_state s) {
  switch (s) {
    case model::feed_state::normal: return 0;
    case model::feed_state::error: return 1;
    case model::feed_state::failed: return 2;
    case model::feed_state::stopped: return 3;
    case model::feed_state::finished: return 4;
    case model::feed_state::removed: return 5;
  }
  return -1;
}

} // namespace

owner_metrics::owner_metrics(std::shared_ptr<const actors::feed_directory> feeds,
                             std::vector<const actors::node_state*> nodes, prometheus::Counter& ownership)
  : feeds_(std::move(feeds)), nodes_(std::move(nodes)), ownership_(ownership) {}

bool owner_metrics::owns() const {
  for (const auto* n : nodes_)
    if (n->owns())
      return true;
  return false;
}

void owner_metrics::count_ownership(bool owning) const {
  if (!owning) {
    owning_since_ms_.store(-1, std::memory_order_relaxed);
    return;
  }
  auto now = now_ms(std::chrono::steady_clock::now());
  // exchange: two scrapes at once each count their own stretch, never both the same.
  auto since = owning_since_ms_.exchange(now, std::memory_order_relaxed);
  if (since >= 0 && now > since)
    ownership_.Increment(static_cast<double>(now - since) / 1000.0);
}

std::vector<prometheus::MetricFamily> owner_metrics::Collect() const {
  bool owning = owns();
  count_ownership(owning);
  std::vector<prometheus::MetricFamily> out;
  if (!owning)
    return out;
  auto checkpoint = metrics::make_family("ticdc_owner_checkpoint_ts", "checkpoint ts of changefeeds", MetricType::Gauge);
  auto checkpoint_lag = metrics::make_family("ticdc_owner_checkpoint_ts_lag",
                                             "checkpoint ts lag of changefeeds in seconds", MetricType::Gauge);
  auto resolved = metrics::make_family("ticdc_owner_resolved_ts", "resolved ts of changefeeds", MetricType::Gauge);
  auto resolved_lag = metrics::make_family("ticdc_owner_resolved_ts_lag", "resolved ts lag of changefeeds in seconds",
                                           MetricType::Gauge);
  auto status = metrics::make_family("ticdc_owner_status", "The status of changefeeds", MetricType::Gauge);
  auto feeds = feeds_->all();
  for (auto* f : {&checkpoint, &checkpoint_lag, &resolved, &resolved_lag, &status})
    f->metric.reserve(feeds.size());
  auto wall_ms = now_ms(std::chrono::system_clock::now());
  for (const auto& snap : feeds) {
    const auto& view = snap->view();
    std::vector<prometheus::ClientMetric::Label> labels{{"namespace", view.info->key.namespace_},
                                                        {"changefeed", view.info->key.id}};
    metrics::add_series(status, labels).gauge.value = status_number(view.info->state);
    // As TiCDC: a feed that does not replicate reports no progress (its
    // lag would only grow and page someone for a paused feed).
    if (!model::is_running(view.info->state))
      continue;
    auto checkpoint_ms = model::tso_physical_ms(view.progress.checkpoint_ts);
    auto resolved_ms = model::tso_physical_ms(view.progress.resolved_ts);
    metrics::add_series(checkpoint, labels).gauge.value = static_cast<double>(checkpoint_ms);
    metrics::add_series(checkpoint_lag, labels).gauge.value = static_cast<double>(wall_ms - checkpoint_ms) / 1000.0;
    metrics::add_series(resolved, labels).gauge.value = static_cast<double>(resolved_ms);
    metrics::add_series(resolved_lag, std::move(labels)).gauge.value =
      static_cast<double>(wall_ms - resolved_ms) / 1000.0;
  }
  for (auto* f : {&checkpoint, &checkpoint_lag, &resolved, &resolved_lag, &status})
    metrics::append_nonempty(out, std::move(*f));
  return out;
}

} // namespace cdc::http
