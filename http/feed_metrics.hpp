// The per-changefeed metrics of TiCDC's owner and processors, made at scrape
// time from what the changefeeds already publish for reads (feed_directory):
// nothing is registered per feed or updated per tick, and a removed feed's
// series are gone with its snapshot.
// - ticdc_owner_*: only while this process owns the cluster, as in TiCDC
//   (followers relay the same feeds and would report them twice).
// - ticdc_processor_num_of_tables: every process, for the tables its own
//   captures hold. Per-processor progress is not published (the processor
//   actor keeps it), so the processor checkpoint/resolved gauges are not shown.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include <prometheus/collectable.h>
#include <prometheus/counter.h>

namespace cdc::actors {
class feed_directory;
struct node_state;
} // namespace cdc::actors

namespace cdc::http {

class feed_metrics : public prometheus::Collectable {
public:
  /// `ownership` is ticdc_owner_ownership_counter, advanced by each scrape
  /// that finds this process still owning since the previous one.
  feed_metrics(std::shared_ptr<const actors::feed_directory> feeds, std::vector<const actors::node_state*> nodes,
               prometheus::Counter& ownership);

  std::vector<prometheus::MetricFamily> Collect() const override;

private:
  bool owns() const;
  void count_ownership(bool owning) const;

  std::shared_ptr<const actors::feed_directory> feeds_;
  std::vector<const actors::node_state*> nodes_;
  prometheus::Counter& ownership_;
  /// The last scrape that found this process owning (steady ms), or -1.
  /// TiCDC adds each owner tick's duration; we add the time between two
  /// scrapes that both saw us own, so a change of owner costs at most one
  /// scrape interval of accuracy and nothing ticks between scrapes.
  mutable std::atomic<std::int64_t> owning_since_ms_{-1};
};

} // namespace cdc::http
