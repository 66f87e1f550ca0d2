// The MySQL sink (mysql://, tidb://): applies each batch with idempotent
// statements (REPLACE and DELETE by key) in downstream transactions of at most
// max-txn-row changes per table, creating the downstream schema from the
// upstream catalog first. A batch is answered once every transaction of it
// has committed, so re-delivery after a failure converges to the same rows.
// It blocks on the network, so production spawns it detached.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <set>

#include "actors/messages.hpp"
#include "actors/sink_io/mysql_client.hpp"
#include "metrics/sink_metrics.hpp"
#include "model/sink/sink_params.hpp"

namespace cdc::actors {

struct mysql_sink_state {
  static inline const char* name = "mysql-sink";

  mysql_sink_state() = default;

  // -- member variables -------------------------------------------------------

  std::optional<model::sink::mysql_params> params;
  /// Why the sink cannot run (bad URI or config): every write fails with it.
  std::optional<model::api_failure> broken;
  sink_io::mysql_endpoint endpoint;
  sink_io::mysql_client client;
  /// Tables created downstream on this connection's server.
  std::set<std::int64_t> created;
  std::set<std::string> created_schemas;
  /// Counts rows committed (benchmarks); may be null.
  std::shared_ptr<std::atomic<std::uint64_t>> total;
  /// This feed's sink metrics; may be null.
  std::shared_ptr<metrics::feed_sink_metrics> measured;

  // -- helpers ----------------------------------------------------------------

  /// Connects if needed, creates missing tables, applies every transaction.
  model::result<void> apply(const row_batch& batch);
};

sink_actor::behavior_type mysql_sink(sink_actor::stateful_pointer<mysql_sink_state> self,
                                     model::changefeed_info info,
                                     std::shared_ptr<std::atomic<std::uint64_t>> total,
                                     std::shared_ptr<metrics::feed_sink_metrics> measured);

/// The connection settings of a validated mysql:// or tidb:// sink.
sink_io::mysql_endpoint endpoint_of(const model::sink::mysql_params& p);

} // namespace cdc::actors
