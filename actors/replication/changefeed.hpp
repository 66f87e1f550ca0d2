// A changefeed: the single writer of its own info, state and progress. It
// runs the lifecycle (model/changefeed/state_machine), aggregates the
// checkpoint over its tables, retries errors with TiCDC's back-off, and
// tells the owner when it starts or stops needing tables.
#pragma once

#include <memory>
#include <random>
#include <vector>

#include <caf/actor_clock.hpp>

#include "actors/messages.hpp"
#include "actors/published/feed_directory.hpp"
#include "actors/services.hpp"
#include "model/changefeed/backoff.hpp"
#include "model/changefeed/state_machine.hpp"

namespace cdc::actors {

struct changefeed_state {
  static inline const char* name = "changefeed";

  changefeed_state() = default;

  // -- member variables -------------------------------------------------------

  std::shared_ptr<const model::changefeed_info> info;
  model::feed_status status;
  model::changefeed_progress progress;
  /// Where each table runs (from the owner), and how far it has come.
  std::vector<model::scheduling::capture_tables> placement;
  /// The placement as task_status shows it (built once per placement).
  std::shared_ptr<const std::vector<model::capture_task_status>> task_status =
    std::make_shared<const std::vector<model::capture_task_status>>();
  /// Where GET reads this feed from (null when nobody reads it so).
  std::shared_ptr<feed_directory::slot> slot;
  /// Sorted by table ID: a flat vector, because every progress report walks
  /// it and 10,000 feeds' worth of map nodes miss the cache on every walk.
  std::vector<table_progress> tables;
  /// Per table (as `tables`), its capture's position in `placement`: only
  /// that capture's processor reports for it (one the table left may still
  /// have a report on the way, and a quiet processor reports only once).
  std::vector<std::uint32_t> table_capture;
  /// Reports of tables not placed yet, with the capture they came from:
  /// processors report before the owner tells the feed where its tables
  /// went. Taken up by the next placement.
  struct unplaced_report {
    std::string capture_id;
    table_progress progress;
  };
  std::vector<unplaced_report> unplaced;
  std::size_t unplaced_folded = 0;
  model::backoff retry_backoff;
  /// Bumped per retry timer, so a stale timer does nothing.
  std::uint64_t retry_epoch = 0;
  /// The back-off's jitter: a small generator, because a Mersenne twister's
  /// 2.5 KB of state per feed would be most of an idle feed's memory.
  std::minstd_rand random;
  caf::actor_clock::time_point last_persisted{};
  /// Shared by every feed of the owner's term: a copy per feed would hold
  /// the sink factories' options and the PD addresses 10,000 times over.
  std::shared_ptr<const cluster_services> services;
  owner_feed_listener_actor owner;
  /// Keeps the checkpoint at the sink (storage sinks); may be invalid.
  checkpoint_sink_actor checkpoint_sink;
  /// The owner placed no table: the feed's filter selects none.
  bool tableless = false;
  /// A timer is set to bring a following feed's progress up to date
  /// (progress.follow_through) for its checkpoint sink or its target.
  bool follow_timer = false;

  // -- helpers ----------------------------------------------------------------

  /// Whether the feed replicates right now (holds tables).
  bool holds_tables() const noexcept;
  /// What the detail and the list item are made of now.
  feed_view view() const;
  /// How far the feed may follow the upstream's resolved TS without a
  /// report: as far as every table says it has nothing to write (or, with
  /// no table, to its target); 0 when one does not say so.
  model::tso_t follow_limit() const noexcept;
  model::changefeed_detail detail() const { return view().detail(); }
  model::changefeed_list_item summary() const { return view().item(); }
  /// The info after `t`, not yet adopted (it must be made durable first).
  model::changefeed_info next_info(const model::feed_transition& t, const model::feed_event_t& event) const;
};

/// What a feed shows from the moment it is spawned: its status and
/// progress as the actor starts from them. The owner publishes this into the
/// feed's slot at spawn, so a feed is listed (and a restarted server lists
/// every stored feed) before its actor first runs.
feed_view starting_view(std::shared_ptr<const model::changefeed_info> info, const model::changefeed_progress& progress);

/// Spawned by the owner for a feed loaded from the meta store or just
/// created; publishes into `slot` (may be null) whenever its view changes.
changefeed_actor::behavior_type changefeed(changefeed_actor::stateful_pointer<changefeed_state> self,
                                           std::shared_ptr<const model::changefeed_info> info, model::changefeed_progress progress,
                                           std::shared_ptr<const cluster_services> services,
                                           owner_feed_listener_actor owner,
                                           std::shared_ptr<feed_directory::slot> slot);

} // namespace cdc::actors
