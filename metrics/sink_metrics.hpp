// What sinks measure, per changefeed, under TiCDC's names: how long a write
// took (ticdc_sink_txn_exec_duration), how many rows it carried
// (ticdc_sink_txn_batch_size) and how many writes failed
// (ticdc_sink_execution_error). A sink holds its feed's entry and updates
// it with relaxed atomics; the entry (and its series) goes away with the
// last sink of the feed, so a removed feed leaves nothing behind.
//
// Besides TiCDC's families, one series of our own: the rows every sink of
// the server took (cdc_actor_sink_rows_total), blackhole sinks included,
// which have no per-feed series. It is what a benchmark reads to tell how
// fast the server replicates; TiCDC's per-feed total_rows_count would be a
// series per feed in every scrape.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

#include <prometheus/collectable.h>

#include "metrics/atomic_histogram.hpp"

namespace cdc::metrics {

struct feed_sink_metrics {
  feed_sink_metrics(std::string namespace_, std::string changefeed, std::string type);

  /// One write of `rows` rows that took `seconds`.
  void written(std::uint64_t rows, double seconds) noexcept;
  void failed() noexcept { errors.fetch_add(1, std::memory_order_relaxed); }

  const std::string namespace_, changefeed, type;
  atomic_histogram exec_duration;
  atomic_histogram batch_size;
  std::atomic<std::uint64_t> errors{0};
};

class sink_metrics : public prometheus::Collectable {
public:
  /// The entry of a feed's sinks of `type` ("mysql", "storage"); sinks of
  /// one feed on several captures of this process share it.
  std::shared_ptr<feed_sink_metrics> for_feed(const std::string& namespace_, const std::string& changefeed,
                                              const std::string& type);

  /// Scrape time only; drops the entries no sink holds any more.
  std::vector<prometheus::MetricFamily> Collect() const override;

  /// Every row any sink of the server took; sinks add to it per batch.
  const std::shared_ptr<std::atomic<std::uint64_t>> rows = std::make_shared<std::atomic<std::uint64_t>>(0);

private:
  using key = std::tuple<std::string, std::string, std::string>;
  // Taken when a sink starts and at scrape, never per write.
  mutable std::mutex lock_;
  mutable std::map<key, std::weak_ptr<feed_sink_metrics>> feeds_;
};

} // namespace cdc::metrics
