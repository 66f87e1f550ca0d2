// A processor: replicates the tables of one changefeed that one capture
// holds. On every resolved-TS tick it pulls each table's changes since its
// checkpoint, filters them, hands one batch to the sink, and once the sink
// has flushed it reports the new checkpoints to the changefeed. A batch's
// rows are paid for from the server's memory quota (memory_quota.hpp) and
// the feed's own `memory_quota`, so a backlog is read only as fast as the
// sinks take it. With nothing to write for a stretch of upstream time ahead
// it goes quiet (its capture stops waking it, its feed follows the
// upstream's resolved TS) until the next change is due.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>

#include <boost/container/flat_map.hpp>

#include <caf/actor_clock.hpp>

#include "actors/messages.hpp"
#include "actors/replication/memory_quota.hpp"
#include "actors/services.hpp"
#include "model/filter/changefeed_filter.hpp"
#include "model/upstream/workload.hpp"

namespace cdc::actors {

struct processor_state {
  static inline const char* name = "processor";

  processor_state() = default;

  struct table {
    model::upstream::table_workload workload;
    model::tso_t checkpoint_ts = 0;
    model::tso_t resolved_ts = 0;
    /// Commit TS of the last of its rows the sink took.
    model::tso_t last_synced_ts = 0;
    /// What one of its changes costs in memory (at most); 0 for a table
    /// that receives no writes.
    std::size_t change_bytes = 0;
    /// The filter drops every insert, update, delete of this table (decided
    /// once per filter, not per row).
    std::array<bool, 3> drops{};
  };

  // -- member variables -------------------------------------------------------

  std::shared_ptr<const model::changefeed_info> info;
  changefeed_actor feed;
  /// Where progress goes when `feed` runs on another node: the capture
  /// sends it on with its other processors' (see report()).
  capture_actor capture;
  std::string capture_id;
  std::string capture_address;
  std::shared_ptr<const model::upstream::catalog> catalog;
  replication_settings settings;
  sink_actor sink;
  std::optional<model::filter::changefeed_filter> filter;
  /// Flat: a map's node per table came to 3.6 KB per processor of 32 tables.
  boost::container::flat_map<std::int64_t, table> tables;
  /// The latest resolved TS of the upstream.
  model::tso_t upstream_resolved = 0;
  /// A batch is at the sink: at most one at a time, so a slow sink slows
  /// the pulling down instead of piling up memory.
  bool writing = false;
  /// When the batch at the sink was sent, and which write it is: a write
  /// past the sink timeout fails on the next wake-up, and its late answer
  /// is ignored. (Checked on wake-ups rather than with a request timeout:
  /// each of those is an entry in CAF's one clock thread, which could not
  /// keep up with tens of thousands of writes a second while catching up.)
  caf::actor_clock::time_point write_started;
  std::uint64_t write_seq = 0;
  /// The sink failed; the changefeed decides what happens next.
  bool failed = false;
  /// This processor's share of the server's memory quota (null: unbounded),
  /// and the bytes of the batch at the sink.
  std::unique_ptr<quota_account> memory;
  std::size_t batch_bytes = 0;
  /// Nonzero while quiet: no table has a change up to this TSO, and the
  /// capture wakes the processor only once the upstream is resolved past it.
  model::tso_t quiet_through = 0;
  /// Table changes (add, remove, update) the capture sent that this
  /// processor has taken: a quiet notice counts only if it saw them all.
  std::uint64_t changes_seen = 0;

  // -- helpers ----------------------------------------------------------------

  /// Where tables may replicate up to now: the upstream resolved TS, capped
  /// at the changefeed's target.
  model::tso_t horizon() const noexcept;
  /// The next batch: every table's filtered changes from its checkpoint,
  /// as many as `bytes` pay for (at least one change).
  row_batch next_batch(std::size_t bytes) const;
  /// Bytes to ask for a batch, and the least worth building one with.
  std::size_t batch_want() const;
  std::size_t batch_least() const;
  std::vector<table_progress> progress() const;
};

processor_actor::behavior_type processor(processor_actor::stateful_pointer<processor_state> self,
                                         std::shared_ptr<const model::changefeed_info> info,
                                         changefeed_actor feed, capture_actor capture, std::string capture_id,
                                         std::string capture_address,
                                         std::shared_ptr<const cluster_services> services);

} // namespace cdc::actors
