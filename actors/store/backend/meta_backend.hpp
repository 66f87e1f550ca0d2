// The meta store's storage seam: put/get/delete/list of changefeed info and
// status with a revision. Calls block; only the meta store actor makes them.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "model/changefeed/info.hpp"
#include "model/result.hpp"

namespace cdc::store {

/// A changefeed as stored: TiCDC's info and status keys, and the revision of
/// the transaction that last wrote either.
struct meta_record {
  model::changefeed_info info;
  model::changefeed_progress progress;
  std::uint64_t mod_revision = 0;
};

/// Everything in the store at one revision.
struct meta_snapshot {
  std::vector<meta_record> records;
  /// The revision of the last committed transaction (0: never written).
  std::uint64_t revision = 0;
};

// -- the writes a transaction is made of ---------------------------------------

/// Creates or replaces a changefeed's info together with its status.
struct put_record {
  model::changefeed_info info;
  model::changefeed_progress progress;
};

/// Replaces the status of an existing changefeed; does nothing if it is gone.
struct put_progress {
  model::changefeed_key key;
  model::changefeed_progress progress;
};

/// Deletes a changefeed's info and status; does nothing if it is gone.
struct delete_record {
  model::changefeed_key key;
};

using meta_op = std::variant<put_record, put_progress, delete_record>;

/// A store of changefeed records. Not thread-safe: one owner (the meta store
/// actor) calls it, from one thread at a time.
class meta_backend {
public:
  virtual ~meta_backend() = default;

  /// Every changefeed and the current revision.
  virtual model::result<meta_snapshot> list() = 0;

  /// One changefeed, or nullopt.
  virtual model::result<std::optional<meta_record>> get(const model::changefeed_key& key) = 0;

  /// Applies `ops` in order as one transaction: all or nothing, and durable
  /// once it returns the new revision. A failure (ErrMetaStoreFailed)
  /// leaves the store as it was.
  virtual model::result<std::uint64_t> apply(std::span<const meta_op> ops) = 0;

  /// The most writes one apply may hold; the caller keeps its batches
  /// within it (a store whose transactions are bounded, like etcd's).
  virtual std::size_t max_ops_per_apply() const noexcept { return std::numeric_limits<std::size_t>::max(); }

  /// Whether nobody else writes the store (a file this process locks, or
  /// memory): then a list stays true until this backend applies a write.
  virtual bool exclusive() const noexcept { return false; }

  /// Housekeeping in short steps, which the store actor runs on its timer
  /// once the writes it holds are committed (e.g. giving the space of
  /// removed records back to the file system).
  virtual void maintain() {}

  /// What and where the store is, for logs ("sqlite /tmp/cdc_data/meta.db").
  virtual std::string describe() const = 0;
};

/// One-write transactions.
inline model::result<std::uint64_t> put(meta_backend& b, model::changefeed_info info,
                                        model::changefeed_progress progress) {
  meta_op op = put_record{std::move(info), progress};
  return b.apply({&op, 1});
}

inline model::result<std::uint64_t> remove(meta_backend& b, model::changefeed_key key) {
  meta_op op = delete_record{std::move(key)};
  return b.apply({&op, 1});
}

/// The key an op writes.
inline const model::changefeed_key& key_of(const meta_op& op) {
  return std::visit(
    [](const auto& x) -> const model::changefeed_key& {
      if constexpr (std::is_same_v<std::decay_t<decltype(x)>, put_record>)
        return x.info.key;
      else
        return x.key;
    },
    op);
}

} // namespace cdc::store
