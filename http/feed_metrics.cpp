#include "http/feed_metrics.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>

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

/// Tables the captures `ours` hold for the feed; nullopt when none of them
/// runs a processor for it. Several captures of one process count as its
/// one processor.
std::optional<std::size_t> tables_held(const actors::feed_view& view, const std::vector<std::string>& ours) {
  if (!view.holds_tables || !view.task_status)
    return std::nullopt;
  std::optional<std::size_t> held;
  for (const auto& task : *view.task_status)
    if (std::find(ours.begin(), ours.end(), task.capture_id) != ours.end())
      held = held.value_or(0) + task.table_ids.size();
  return held;
}

} // namespace

feed_metrics::feed_metrics(std::shared_ptr<const actors::feed_directory> feeds,
                           std::vector<const actors::node_state*> nodes, prometheus::Counter& ownership)
  : feeds_(std::move(feeds)), nodes_(std::move(nodes)), ownership_(ownership) {}

bool feed_metrics::owns() const {
  for (const auto* n : nodes_)
    if (n->owns())
      return true;
  return false;
}

void feed_metrics::count_ownership(bool owning) const {
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

std::vector<prometheus::MetricFamily> feed_metrics::Collect() const {
  bool owning = owns();
  count_ownership(owning);
  std::vector<std::string> ours;
  for (const auto* n : nodes_)
    ours.push_back(n->capture_id());
  auto checkpoint = metrics::make_family("ticdc_owner_checkpoint_ts", "checkpoint ts of changefeeds", MetricType::Gauge);
  auto checkpoint_lag = metrics::make_family("ticdc_owner_checkpoint_ts_lag",
                                             "checkpoint ts lag of changefeeds in seconds", MetricType::Gauge);
  auto resolved = metrics::make_family("ticdc_owner_resolved_ts", "resolved ts of changefeeds", MetricType::Gauge);
  auto resolved_lag = metrics::make_family("ticdc_owner_resolved_ts_lag", "resolved ts lag of changefeeds in seconds",
                                           MetricType::Gauge);
  auto status = metrics::make_family("ticdc_owner_status", "The status of changefeeds", MetricType::Gauge);
  auto tables = metrics::make_family("ticdc_processor_num_of_tables", "number of synchronized table of processor",
                                     MetricType::Gauge);
  auto feeds = feeds_->all();
  auto families = {&checkpoint, &checkpoint_lag, &resolved, &resolved_lag, &status, &tables};
  for (auto* f : families)
    f->metric.reserve(feeds.size());
  auto wall_ms = now_ms(std::chrono::system_clock::now());
  auto resolved_now = feeds_->resolved();
  for (const auto& snap : feeds) {
    const auto& view = snap->view();
    std::vector<prometheus::ClientMetric::Label> labels{{"namespace", view.info->key.namespace_},
                                                        {"changefeed", view.info->key.id}};
    if (auto held = tables_held(view, ours))
      metrics::add_series(tables, labels).gauge.value = static_cast<double>(*held);
    if (!owning)
      continue;
    metrics::add_series(status, labels).gauge.value = status_number(view.info->state);
    // As TiCDC: a feed that does not replicate reports no progress (its
    // lag would only grow and page someone for a paused feed).
    if (!model::is_running(view.info->state))
      continue;
    auto progress = view.progress.at(resolved_now);
    auto checkpoint_ms = model::tso_physical_ms(progress.checkpoint_ts);
    auto resolved_ms = model::tso_physical_ms(progress.resolved_ts);
    metrics::add_series(checkpoint, labels).gauge.value = static_cast<double>(checkpoint_ms);
    metrics::add_series(checkpoint_lag, labels).gauge.value = static_cast<double>(wall_ms - checkpoint_ms) / 1000.0;
    metrics::add_series(resolved, labels).gauge.value = static_cast<double>(resolved_ms);
    metrics::add_series(resolved_lag, std::move(labels)).gauge.value =
      static_cast<double>(wall_ms - resolved_ms) / 1000.0;
  }
  std::vector<prometheus::MetricFamily> out;
  for (auto* f : families)
    metrics::append_nonempty(out, std::move(*f));
  return out;
}

} // namespace cdc::http
