// What every capture and owner is given at spawn: the cluster-wide services
// and settings (handed out by the composition root, never looked up).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

#include <caf/actor_system.hpp>

#include "actors/messages.hpp"
#include "actors/published/resolved_clock.hpp"
#include "model/upstream/catalog.hpp"
#include "model/upstream/schema_adapter.hpp"

namespace cdc::actors {

class feed_directory;
class memory_quota;

/// Makes the sink a processor writes to (tests inject failing sinks here).
using sink_factory = std::function<sink_actor(caf::actor_system&, const model::changefeed_info&)>;

/// Makes the actor that checks a sink opens before a create or update is
/// stored; it ends after one answer.
using sink_probe_factory = std::function<sink_probe_actor(caf::actor_system&)>;

/// Makes the writer of a changefeed's checkpoint at its sink (a changefeed
/// actor asks once); an invalid handle when the sink keeps none.
using checkpoint_sink_factory =
  std::function<checkpoint_sink_actor(caf::actor_system&, const model::changefeed_info&)>;

struct replication_settings {
  /// Rows a processor pulls per table per batch, and per batch in all.
  std::size_t rows_per_table = 4096;
  std::size_t rows_per_batch = 65536;
  /// Bytes of changes a processor pulls per batch at most (a feed's
  /// memory_quota may cap it lower): a slice of the server's quota, so
  /// several feeds catch up at once.
  std::size_t batch_bytes = 4 << 20;
  /// How long owner-side requests to captures, changefeeds and the meta store may take.
  std::chrono::milliseconds request_timeout{std::chrono::seconds(5)};
  /// How long a create or update waits for its sink check (sink_probe.hpp:
  /// a MySQL connect and handshake of 3 s each at most).
  std::chrono::milliseconds sink_check_timeout{std::chrono::seconds(7)};
  /// How long a sink may take to write one batch before it counts as failed.
  std::chrono::milliseconds sink_timeout{std::chrono::seconds(30)};
  /// How often a changefeed persists its progress (the meta store batches it further).
  std::chrono::milliseconds progress_interval{std::chrono::milliseconds(200)};
  /// Processors a capture wakes per upstream tick, round robin: with more
  /// processors than this, each is woken every few ticks (and pulls what
  /// accumulated meanwhile), so the cost of a tick stays bounded however
  /// many feeds there are (10,000 feeds: each woken once a second).
  std::size_t wakeups_per_tick = 1000;
  /// A processor with nothing to write for at least this much upstream
  /// time ahead goes quiet: no tick wakes it and no report is sent until
  /// then, and its feed's checkpoint follows the resolved TS when read.
  std::chrono::milliseconds quiet_at_least{std::chrono::seconds(1)};
  /// How often a feed that follows the upstream that way stores its
  /// checkpoint (the API shows it current all the same; after a restart a
  /// quiet feed has nothing to replay from the stored one).
  std::chrono::milliseconds follow_persist_interval{std::chrono::seconds(60)};
};

struct cluster_services {
  upstream_actor upstream;
  meta_store_actor meta;
  std::shared_ptr<const model::upstream::catalog> catalog;
  /// The catalog as table schemas, for the create/update rules.
  std::shared_ptr<const model::upstream::catalog_view> tables;
  /// The addresses our upstream's PD answers on (a body's pd_addrs must name it).
  std::vector<std::string> pd_addrs{"http://127.0.0.1:2379"};
  sink_factory make_sink;
  /// May be empty: then no changefeed keeps a checkpoint at its sink.
  checkpoint_sink_factory make_checkpoint_sink;
  /// May be empty (actor tests): then sinks are not checked before a create
  /// or update is stored.
  sink_probe_factory make_sink_probe;
  /// Bytes of changes all processors may hold at once (null: unbounded).
  std::shared_ptr<memory_quota> memory;
  /// Where changefeeds publish what GET shows (may be null in tests).
  std::shared_ptr<feed_directory> directory;
  /// Cluster mode: the node's feed relay, which other nodes follow through
  /// the capture (invalid in one process).
  feed_relay_actor relay;
  /// The default upstream's PD cluster ID (our upstream is the only one).
  std::uint64_t upstream_id = 0;
  /// The upstream's resolved TS as it last ticked (the upstream actor's).
  std::shared_ptr<const resolved_clock> resolved = std::make_shared<resolved_clock>();
  replication_settings settings;
};

} // namespace cdc::actors
