// Which sinks this server can write to, and the factories processors and
// changefeeds use.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <vector>

#include "actors/services.hpp"
#include "actors/sinks/sink_probe.hpp"
#include "metrics/sink_metrics.hpp"
#include "model/changefeed/validate_config.hpp"
#include "model/upstream/catalog.hpp"

namespace cdc::actors {

/// Whether a processor can open this sink here: blackhole://, file://, the
/// MySQL family and Kafka with the protocols we encode. Schemes TiCDC knows
/// but we cannot reach (Pulsar, object stores) and Kafka protocols we do not
/// encode are refused at create (400 CDC:ErrSinkURIInvalid), not at run time.
model::result<void> check_sink_supported(const model::validated_sink& sink);

struct sink_options {
  /// Give every file or MySQL sink its own thread (caf::detached): their
  /// I/O blocks. Deterministic tests run them on the test scheduler instead.
  bool detached = true;
  /// The longest a storage sink holds a write back for its flush interval;
  /// keep it well under the processor's sink timeout.
  std::chrono::milliseconds max_hold{std::chrono::seconds(15)};
  /// Where file:// sinks may write; a sink elsewhere fails every write.
  std::vector<std::filesystem::path> file_dirs = default_file_sink_dirs();
  /// Where MySQL and file sinks report their writes (GET /metrics); may be null.
  std::shared_ptr<metrics::sink_metrics> metrics;
  /// The upstream's tables: a Kafka feed's watermarks go to each one's topic.
  std::shared_ptr<const model::upstream::catalog> catalog;
  /// TiCDC's --cluster-id, which Kafka's debezium protocol writes in every message.
  std::string cluster_id = "default";
};

/// The production factory; `rows` (may be null) counts every row written.
sink_factory default_sink_factory(std::shared_ptr<std::atomic<std::uint64_t>> rows = nullptr,
                                  sink_options options = {});

/// A checkpoint writer for storage sinks (their `metadata` file) and Kafka
/// sinks (watermarks), none for other sinks.
checkpoint_sink_factory default_checkpoint_sink_factory(sink_options options = {});

/// The check of a sink before a create or update is stored, on a probe
/// actor with a thread of its own (detached), like the sinks.
sink_probe_factory default_sink_probe_factory(sink_options options = {});

} // namespace cdc::actors
