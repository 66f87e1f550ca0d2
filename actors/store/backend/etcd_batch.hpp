// How a batch of meta ops becomes writes for one etcd transaction. etcd
// refuses a transaction that names a key twice ("duplicate key given in txn
// request"), so each changefeed's ops are folded, in order, into the one
// write that has the same effect: a batch is applied in order, and later ops
// on a feed win. Pure; no I/O.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "actors/store/backend/meta_backend.hpp"

namespace cdc::store {

/// What one transaction does to one changefeed.
struct feed_write {
  enum class kind {
    put_record,         ///< info and status, whether or not the feed exists
    put_status_if_kept, ///< status only, and only if the info is still there
    remove,             ///< info and status
  };
  kind what = kind::put_record;
  model::changefeed_key key;
  std::optional<model::changefeed_info> info; ///< for put_record
  model::changefeed_progress progress;

  /// The operations it takes in the transaction: a put or a delete per key.
  std::size_t etcd_ops() const noexcept { return what == kind::put_status_if_kept ? 1 : 2; }
};

/// One write per changefeed the batch names, in the order each first appears.
std::vector<feed_write> fold_batch(std::span<const meta_op> ops);

} // namespace cdc::store
