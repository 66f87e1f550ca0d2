// The changefeeds as the HTTP layer reads them, without an actor hop: each
// changefeed actor publishes an immutable snapshot whenever what GET shows
// changes, and the owner keeps the directory's keys in step with its
// registry (a feed is listed before its create answers and gone before its
// delete answers). Bodies are serialized once per snapshot, on first read.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <vector>

#include "actors/published/progress_body.hpp"
#include "actors/published/resolved_clock.hpp"
#include "model/changefeed/info.hpp"
#include "model/changefeed/views.hpp"

namespace cdc::actors {

/// What a changefeed's detail and list item are made of, at one moment.
struct feed_view {
  std::shared_ptr<const model::changefeed_info> info;
  model::changefeed_progress progress;
  model::admin_job admin_job_type = model::admin_job::none;
  /// The tables per capture as the owner placed them (every capture that
  /// may take tables listed); the detail shows them for normal feeds only.
  std::shared_ptr<const std::vector<model::capture_task_status>> task_status;
  /// The feed replicates and its tables belong on captures: it has a
  /// processor on each capture of task_status.
  bool holds_tables = false;

  model::changefeed_detail detail() const;
  model::changefeed_list_item item() const;
};

/// A published view with its JSON, made once, on first use (readers on
/// several threads may ask at once). A feed that follows the upstream
/// (progress.follow_through) shows the checkpoint the resolved TS gives it
/// when read: its JSON is written at that checkpoint from the one made.
class feed_snapshot {
public:
  explicit feed_snapshot(feed_view v) : view_(std::move(v)) {}

  /// As published: a following feed's progress not yet moved on.
  const feed_view& view() const noexcept { return view_; }
  /// With the upstream resolved up to `resolved` (see changefeed_progress::at).
  feed_view view_at(model::tso_t resolved) const;
  model::feed_state state() const noexcept { return view_.info->state; }
  /// GET /changefeeds/{id}'s body.
  std::string detail_json(model::tso_t resolved) const;
  /// This feed's item of GET /changefeeds, appended to `out`.
  void append_item_json(std::string& out, model::tso_t resolved) const;
  /// The item's size as published (a reserve() hint).
  std::size_t item_json_size() const;

private:
  const progress_body& detail_body() const;
  const progress_body& item_body() const;

  feed_view view_;
  mutable std::once_flag detail_once_, item_once_;
  mutable progress_body detail_, item_;
};

class feed_directory {
public:
  /// `resolved`: the upstream's clock, which following feeds' reads need.
  explicit feed_directory(std::shared_ptr<const resolved_clock> resolved = std::make_shared<resolved_clock>())
    : resolved_(std::move(resolved)) {}

  /// The upstream's resolved TS now, to read snapshots at.
  model::tso_t resolved() const noexcept { return resolved_->now(); }

  /// Where one changefeed actor publishes.
  struct slot {
    std::atomic<std::shared_ptr<const feed_snapshot>> current;
    /// Cleared when the key leaves the directory (or gets a new slot): a
    /// reader that took the slot before skips it from then on.
    std::atomic<bool> listed{true};
  };

  /// A fresh slot for `key`, replacing any earlier one (a new owner term
  /// spawns new changefeed actors).
  std::shared_ptr<slot> add(const model::changefeed_key& key);
  void remove(const model::changefeed_key& key);
  /// Publishes `snap` as `key`'s, in its slot or a new one (a node that
  /// follows another node's feeds: feed_relay.hpp).
  void put(const model::changefeed_key& key, std::shared_ptr<const feed_snapshot> snap);
  /// Drops every key not in `keys` (a new owner keeps what it loaded, a
  /// follower what the owner listed); the directory is loaded from then on.
  void retain(const std::set<model::changefeed_key>& keys);
  /// An owner's whole list has been published here at least once. Before
  /// that (a node just started), a feed not found may exist all the same,
  /// so reads answer "not ready" rather than "not exists".
  bool loaded() const noexcept { return loaded_.load(std::memory_order_acquire); }

  /// The latest snapshot of `key`, or null (unknown, or not yet published).
  std::shared_ptr<const feed_snapshot> find(const model::changefeed_key& key) const;
  /// How many feeds are listed (published or not yet).
  std::size_t size() const;
  /// Every published snapshot in key order: the keys listed when it is
  /// called, each feed as it is when its snapshot is read (one that leaves
  /// meanwhile is left out). The lock is held only to take the keys (a
  /// copy of the key order after keys came or went, else none), so the
  /// owner adding or removing a feed never waits for the snapshots' reads.
  std::vector<std::shared_ptr<const feed_snapshot>> all() const;

private:
  using ordered_slots = std::vector<std::shared_ptr<slot>>;
  /// The slots in key order, made again on the first read after the keys
  /// changed. Takes lock_ shared.
  std::shared_ptr<const ordered_slots> ordered() const;
  /// Under lock_ held uniquely.
  void unlist(std::shared_ptr<slot>& s);

  std::shared_ptr<const resolved_clock> resolved_;
  mutable std::shared_mutex lock_;
  std::map<model::changefeed_key, std::shared_ptr<slot>> slots_;
  // Readers share lock_ and take this to make ordered_; writers reset it
  // holding lock_ uniquely.
  mutable std::mutex ordered_lock_;
  mutable std::shared_ptr<const ordered_slots> ordered_;
  std::atomic<bool> loaded_{false};
};

} // namespace cdc::actors
