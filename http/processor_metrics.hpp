// TiCDC's processor metrics that the published placements answer: how many
// tables this process's processors replicate per changefeed
// (ticdc_processor_num_of_tables), made at scrape time from feed_directory
// like the owner's. Every process reports its own processors, owner or not.
// Per-processor progress is not published (the processor actor keeps it),
// so its checkpoint and resolved gauges are not shown.
#pragma once

#include <memory>
#include <vector>

#include <prometheus/collectable.h>

namespace cdc::actors {
class feed_directory;
struct node_state;
} // namespace cdc::actors

namespace cdc::http {

class processor_metrics : public prometheus::Collectable {
public:
  processor_metrics(std::shared_ptr<const actors::feed_directory> feeds, std::vector<const actors::node_state*> nodes);

  std::vector<prometheus::MetricFamily> Collect() const override;

private:
  std::shared_ptr<const actors::feed_directory> feeds_;
  std::vector<const actors::node_state*> nodes_;
};

} // namespace cdc::http
