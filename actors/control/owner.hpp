// The owner role of one election term: the single writer of cluster state.
// It keeps the changefeed registry, runs the API's changefeed operations one
// at a time per feed, and places every running feed's tables on the alive
// captures (model/scheduling), rebalancing when captures come and go.
#pragma once

#include <chrono>
#include <functional>
#include <list>
#include <map>
#include <set>
#include <string>

#include "actors/control/children.hpp"
#include "actors/messages.hpp"
#include "actors/services.hpp"

namespace cdc::actors {

struct owner_state;
using owner_pointer = owner_actor::stateful_pointer<owner_state>;

/// The right to run a feed's one running operation. The feed's next
/// operation starts once the last copy is gone, whatever ended this one (an
/// answer, an error, a timeout, a feed that vanished), so no path can leave
/// the queue stuck. An empty token (an operation on no feed) continues
/// nothing.
class op_token {
public:
  op_token() = default;
  op_token(owner_pointer self, model::changefeed_key key, std::uint64_t generation);

private:
  std::shared_ptr<const void> release_;
};

/// One operation on a feed; it keeps the token until it is done.
using feed_op = std::function<void(op_token)>;

struct owner_state {
  static inline const char* name = "owner";

  // Not an aggregate: CAF would try to build the state from the actor pointer.
  owner_state() = default;

  struct feed_entry {
    changefeed_actor actor;
    std::shared_ptr<const model::changefeed_info> info;
    /// The feed replicates now and its tables belong on captures.
    bool running = false;
    /// Every table the feed replicates (its filter over the catalog).
    std::vector<std::int64_t> tables;
    /// Where its tables are, per capture (every eligible capture listed).
    std::vector<model::scheduling::capture_tables> placement;
    /// Every capture holding its tables has heard of it from this term's
    /// owner (then only captures whose tables change need a dispatch).
    bool announced = false;
    /// Operations on this feed run one at a time, in arrival order. A list:
    /// it is empty almost always, and an empty deque still holds a block.
    std::list<feed_op> queue;
    bool busy = false;
    /// Tells this feed's tokens from those of an earlier feed of that key.
    std::uint64_t generation = 0;
  };

  // -- member variables -------------------------------------------------------

  /// The election term this owner serves; captures ignore earlier terms.
  std::uint64_t term = 0;
  /// The capture this owner runs on.
  std::string capture_id;
  capture_actor home;
  /// Every capture of the cluster, by ID.
  std::map<std::string, capture_member> members;
  std::map<model::changefeed_key, feed_entry> feeds;
  /// The feeds' actors, which end with this owner (see children.hpp).
  children feed_actors;
  /// Captures being drained: alive and serving, but given no tables while
  /// another capture can take them.
  std::set<std::string> draining;
  /// Tables per capture over every feed's placement (kept by place()).
  model::scheduling::capture_load load;
  /// The config of the latest create: an equal one (bulk creates from one
  /// template) shares it instead of holding a copy per feed.
  std::shared_ptr<const model::config::replica_config> last_config;
  /// Keys of feeds being created (persisting): a second create of one
  /// waits in `waiting_creates` until the first is stored or has failed.
  std::set<model::changefeed_key> creating;
  std::map<model::changefeed_key,
           std::vector<std::pair<model::changefeed_config, caf::typed_response_promise<model::changefeed_detail>>>>
    waiting_creates;
  /// Shared with every feed this owner spawns.
  std::shared_ptr<const cluster_services> services;
  /// Set once the registry is loaded and the captures have reported.
  bool ready = false;
  /// The generation of the next feed spawned.
  std::uint64_t next_generation = 1;
  /// The wait before loading the registry again after a failed load.
  std::chrono::milliseconds load_backoff{50};
  /// Where the next round of follow ticks starts, and how many ticks are
  /// due (a fraction of a feed per round when there are few).
  model::changefeed_key next_follow_tick;
  double follow_ticks_due = 0;

  // -- queries ----------------------------------------------------------------

  bool healthy() const;
  /// Alive captures that may take tables, in ID order: not the draining
  /// ones, unless no other is left.
  std::vector<std::string> eligible_captures() const;
  feed_entry* find(const model::changefeed_key& key);

  // -- updates ----------------------------------------------------------------

  /// Points `info` at the config of the feed created or loaded just before
  /// when the two are equal: feeds made from one template (a bulk create,
  /// and the same feeds loaded again after a restart) share one config of
  /// ~4 KB instead of a copy each.
  void share_config(model::changefeed_info& info);
  /// Sets the feed's placement and keeps `load` in step.
  void place(feed_entry& e, std::vector<model::scheduling::capture_tables> placement);
  /// `load` without what `e` holds: the other feeds' tables per capture.
  model::scheduling::capture_load load_without(const feed_entry& e) const;
};

owner_actor::behavior_type owner(owner_pointer self, std::uint64_t term, std::string capture_id,
                                 std::vector<capture_member> members, cluster_services services,
                                 capture_actor home);

// -- parts of the owner, in owner_*.cpp -----------------------------------------

/// How long the owner waits for a question its own feed answers at once
/// (summary, assign): no timer. The feed answers, or CAF answers with an
/// error if it is gone. In CAF 0.17 each request timeout is two events
/// through the one clock thread; a restart of 100,000 feeds waited on it.
inline constexpr caf::infinite_t feed_answers_at_once = caf::infinite;

/// Runs `op` when the feed's earlier operations are done.
void enqueue_op(owner_pointer self, const model::changefeed_key& key, feed_op op);
/// The running operation of the feed's `generation` ended: run the next.
void next_op(owner_pointer self, const model::changefeed_key& key, std::uint64_t generation);

/// Places the feed's tables (or removes them when it stopped), dispatches
/// the difference to the captures, then calls `done`. Runs inside an op.
/// `pins` are tables an operator moved by hand.
void reschedule(owner_pointer self, const model::changefeed_key& key, std::function<void()> done,
                std::vector<model::scheduling::table_pin> pins = {});

/// Queues a reschedule of every feed (a capture joined or left).
void reschedule_all(owner_pointer self);

// -- operators' table moves, in owner_tables.cpp ---------------------------------

/// Drain: the capture takes no more tables and its tables move to the
/// others; answers how many of them are still on it (the caller asks again
/// until 0), or TiCDC's refusal.
caf::result<std::int64_t> drain_capture(owner_pointer self, const std::string& capture_id);
/// Moves one table of the feed to the capture (after the feed's earlier
/// operations); a table or capture the feed cannot use is ignored, as TiCDC's
/// scheduler ignores it.
caf::result<bool> move_table(owner_pointer self, const model::changefeed_key& key, std::int64_t table,
                             std::string capture_id);
/// Places the feed's tables again.
caf::result<bool> rebalance_feed(owner_pointer self, const model::changefeed_key& key);

/// Spawns the changefeed actor of a created or loaded feed and registers it.
void spawn_feed(owner_pointer self, model::changefeed_info info, model::changefeed_progress progress);

/// Loads the registry, gathers the captures' reports and takes over.
void start_term(owner_pointer self);

/// The tables `info` replicates: its filter over the catalog's eligible tables.
std::vector<std::int64_t> tables_of(const owner_state& st, const model::changefeed_info& info);

} // namespace cdc::actors
