// The META STORE actor: the only user of a store::meta_backend. Puts and
// removes are group-committed and answered once durable; progress is written
// in batches. It also tells the upstream TiCDC's service GC safepoint.
#pragma once

#include <chrono>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include <caf/typed_response_promise.hpp>

#include "actors/messages.hpp"
#include "actors/store/backend/meta_backend.hpp"

namespace cdc::actors {

struct meta_store_options {
  /// How often pending progress is written (one transaction for all feeds,
  /// or as few as the backend allows) and the GC safepoint is updated.
  std::chrono::milliseconds flush_interval{200};
  /// At most this many puts and removes share one transaction.
  std::size_t max_batch = 256;
  /// Progress writes per second at most (0: every pending one each flush).
  /// A shared store (etcd, which PD also serves) gets a budget; the feeds
  /// whose progress waited longest are written first. With a budget, a
  /// flush that follows puts or removes writes one transaction of progress
  /// at most: the store serves one transaction at a time, a create waits
  /// for whatever is ahead of it, and nobody waits for progress.
  std::size_t max_progress_writes_per_s = 0;
  /// Progress records written in one go at most: a flush writes a slice,
  /// then serves its mailbox (a create or pause waiting to commit) before
  /// the next slice, so no write waits for thousands of feeds' progress.
  std::size_t progress_slice = 512;
  /// What the backend held when the server started (it lists every record
  /// once to check it), so that a restart decodes each record once. The
  /// store takes the records over instead of listing again, and answers the
  /// first load with them if the backend is exclusive and nothing was
  /// written before it; otherwise they are freed. Either way they leave
  /// this snapshot: it is not kept.
  std::shared_ptr<store::meta_snapshot> listed;
};

struct meta_store_state {
  static inline const char* name = "meta-store";

  meta_store_state() = default;

  // -- member types -----------------------------------------------------------

  /// What the GC safepoint needs of a durable record.
  struct gc_view {
    bool finished = false;
    model::tso_t start_ts = 0;
    model::tso_t checkpoint_ts = 0;
  };

  // -- member variables -------------------------------------------------------

  /// Blocking calls: in a server the actor runs detached, on its own thread.
  std::shared_ptr<store::meta_backend> backend;
  upstream_actor upstream;
  meta_store_options options;
  /// What the backend holds, kept in step with every successful commit.
  std::map<model::changefeed_key, gc_view> durable;
  /// The startup list (meta_store_options::listed), kept for the first load
  /// until a write makes it stale.
  std::optional<std::vector<store::meta_record>> first_load;
  /// The newest progress per feed that is not written yet.
  std::map<model::changefeed_key, model::changefeed_progress> pending;
  /// Keys in the order their progress became pending (a key may appear
  /// again after it was written or superseded; such entries are skipped).
  std::deque<model::changefeed_key> pending_order;
  /// Puts and removes waiting for the next group commit, and their answers.
  std::vector<store::meta_op> batch;
  std::vector<caf::typed_response_promise<bool>> waiting;
  /// A commit message is in the mailbox, behind the writes that came first.
  bool commit_queued = false;
  /// Puts and removes since the last flush (see max_progress_writes_per_s).
  std::size_t writes_since_flush = 0;
  /// Of the flush under way: the progress records it may still write (its
  /// budget), and the entries of pending_order it has yet to look at (what
  /// was pending when it began; progress that comes meanwhile waits for the
  /// next flush).
  std::size_t flush_budget_left = 0;
  std::size_t flush_order_left = 0;

  // -- helpers ----------------------------------------------------------------

  /// The service GC safepoint the feeds need: just below the lowest durable
  /// checkpoint of every feed that is not finished; nullopt with none.
  std::optional<model::tso_t> service_safepoint() const;

  /// A feed's record is durable as `info` and `progress`.
  void note_durable(const model::changefeed_info& info, const model::changefeed_progress& progress);

  /// Takes over what the backend held into `durable`.
  void note_listed(const std::vector<store::meta_record>& records);

  /// Takes over ops the backend committed into `durable`.
  void note_committed(std::span<const store::meta_op> ops);

  /// Writes the queued puts and removes in one transaction and answers each:
  /// true once durable, or the store's error (nothing of it was written).
  void commit_batch();

  /// After a batch failed: its creates get `err`, the rest (removes and
  /// updates) is tried again alone, so on a full disk a remove or a pause
  /// never fails for the room a create in the same batch needed.
  void retry_without_creates(std::span<const store::meta_op> ops,
                             std::span<caf::typed_response_promise<bool>> answers, const caf::error& err);

  /// Writes up to `budget` pending progress records, longest waiting first,
  /// looking at most at `order` entries of pending_order, in as few
  /// transactions as the backend allows; keeps what failed for the next
  /// flush. Returns the records written and the entries looked at.
  struct flushed {
    std::size_t written = 0, looked_at = 0;
    bool failed = false;
  };
  flushed flush_progress(std::size_t budget = std::numeric_limits<std::size_t>::max(),
                         std::size_t order = std::numeric_limits<std::size_t>::max());

  /// Writes the next slice of the flush under way; true once it is done.
  bool flush_slice();

  /// What one timer flush may write under max_progress_writes_per_s.
  std::size_t flush_budget() const;

  /// flush_budget(), or one transaction's worth after puts or removes.
  std::size_t flush_budget_now() const;
};

/// Spawn detached in a server (the backend blocks on the disk); tests under
/// the deterministic scheduler spawn it normally.
meta_store_actor::behavior_type meta_store(meta_store_actor::stateful_pointer<meta_store_state> self,
                                           upstream_actor upstream, std::shared_ptr<store::meta_backend> backend,
                                           meta_store_options options);

} // namespace cdc::actors
