// The standard process_* metrics (as Go's client and TiCDC export them),
// read from /proc/self at scrape time: prometheus-cpp has no such collector,
// and a few small procfs reads per scrape cost nothing between scrapes.
#pragma once

#include <prometheus/collectable.h>

namespace cdc::metrics {

class process_collector : public prometheus::Collectable {
public:
  process_collector();
  std::vector<prometheus::MetricFamily> Collect() const override;

private:
  /// Seconds since the epoch; fixed for the process's life, read once.
  double start_time_seconds_ = 0;
};

} // namespace cdc::metrics
