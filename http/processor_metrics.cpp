#include "http/processor_metrics.hpp"

#include <algorithm>
#include <string>

#include "actors/published/feed_directory.hpp"
#include "actors/published/node_state.hpp"
#include "metrics/families.hpp"

namespace cdc::http {

processor_metrics::processor_metrics(std::shared_ptr<const actors::feed_directory> feeds,
                                     std::vector<const actors::node_state*> nodes)
  : feeds_(std::move(feeds)), nodes_(std::move(nodes)) {}

std::vector<prometheus::MetricFamily> processor_metrics::Collect() const {
  std::vector<std::string> ours;
  for (const auto* n : nodes_)
    ours.push_back(n->capture_id());
  auto tables = metrics::make_family("ticdc_processor_num_of_tables", "number of synchronized table of processor",
                                     prometheus::MetricType::Gauge);
  for (const auto& snap : feeds_->all()) {
    const auto& view = snap->view();
    if (!view.holds_tables || !view.task_status)
      continue;
    // Several captures of one process count as the process's processor.
    std::size_t held = 0;
    bool here = false;
    for (const auto& task : *view.task_status)
      if (std::find(ours.begin(), ours.end(), task.capture_id) != ours.end()) {
        here = true;
        held += task.table_ids.size();
      }
    if (here)
      metrics::add_series(tables, {{"namespace", view.info->key.namespace_}, {"changefeed", view.info->key.id}})
        .gauge.value = static_cast<double>(held);
  }
  std::vector<prometheus::MetricFamily> out;
  metrics::append_nonempty(out, std::move(tables));
  return out;
}

} // namespace cdc::http
