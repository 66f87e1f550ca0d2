// The storage sink (file://, TiCDC's cloud storage sink): buffers a batch
// until its flush interval has passed since the last publish, a file reached
// file-size or the batch shows a backlog, publishes the files, and only then
// answers the write.
// It blocks on the file system, so production spawns it detached (its own
// thread); the processor's one batch in flight is the back-pressure.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include <caf/typed_response_promise.hpp>

#include "actors/messages.hpp"
#include "actors/sink_io/storage_writer.hpp"
#include "actors/sinks/checkpoint_cursor.hpp"
#include "metrics/sink_metrics.hpp"

namespace cdc::actors {

struct storage_sink_state {
  static inline const char* name = "storage-sink";

  storage_sink_state() = default;

  // -- member variables -------------------------------------------------------

  std::optional<sink_io::storage_writer> writer;
  /// Why the sink cannot run (bad settings, unreachable scheme): every write
  /// fails with it, so the changefeed shows it.
  std::optional<model::api_failure> broken;
  /// Writes waiting for the next publish (the processor sends one at a time).
  std::vector<caf::typed_response_promise<bool>> waiting;
  caf::actor_clock::time_point last_flush{};
  /// The flush interval in force (capped so a write never outwaits the
  /// processor's sink timeout).
  caf::timespan interval{};
  bool timer_armed = false;
  /// Counts rows published (benchmarks); may be null.
  std::shared_ptr<std::atomic<std::uint64_t>> total;
  /// This feed's sink metrics (a publish is the write TiCDC times); may be null.
  std::shared_ptr<metrics::feed_sink_metrics> measured;
};

/// `max_hold` caps the flush interval (half the processor's sink timeout);
/// a directory outside `allowed` fails every write.
buffering_sink_actor::behavior_type storage_sink(buffering_sink_actor::stateful_pointer<storage_sink_state> self,
                                                 model::changefeed_info info, caf::timespan max_hold,
                                                 std::vector<std::filesystem::path> allowed,
                                                 std::shared_ptr<std::atomic<std::uint64_t>> total,
                                                 std::shared_ptr<metrics::feed_sink_metrics> measured);

struct storage_checkpoint_state {
  static inline const char* name = "storage-checkpoint";

  storage_checkpoint_state() = default;

  std::optional<sink_io::storage_files> files;
  checkpoint_cursor checkpoint;
};

/// Keeps `<root>/metadata` at the changefeed's checkpoint; never goes back.
/// Writes nothing when the directory is outside `allowed`.
checkpoint_sink_actor::behavior_type storage_checkpoint(
  checkpoint_sink_actor::stateful_pointer<storage_checkpoint_state> self, model::changefeed_info info,
  std::vector<std::filesystem::path> allowed);

} // namespace cdc::actors
