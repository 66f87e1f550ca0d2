// The meta store on etcd, in TiCDC's key layout (model/cluster/etcd_keys.hpp):
// a changefeed is its ChangeFeedInfo under .../changefeed/info/<id> and its
// ChangeFeedStatus under .../changefeed/status/<id>, so TiCDC's tools read
// what we write. Revisions are etcd's. Every call blocks on etcd (at most
// the client's timeout per request); only the meta store actor calls it.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "actors/store/backend/etcd_batch.hpp"
#include "actors/store/backend/etcd_client.hpp"
#include "actors/store/backend/meta_backend.hpp"
#include "actors/store/backend/owner_fence.hpp"
#include "model/changefeed/state.hpp"
#include "model/cluster/etcd_keys.hpp"

namespace cdc::store {

struct etcd_options {
  /// TiCDC's --cluster-id: the <cluster> of every key.
  std::string cluster_id{model::etcd_keys::default_cluster};
  /// etcd's --max-txn-ops (default 128): the operations a transaction may hold.
  std::size_t max_txn_ops = 128;
  /// Keys per range request while listing, so no answer grows with the
  /// number of changefeeds (an info is a few KiB).
  std::int64_t list_page_keys = 1000;
  /// When set (cluster mode), every write also compares the owner's
  /// campaign (owner_fence.hpp) and fails with ErrNotOwner when this node
  /// no longer owns with it, or never did.
  std::shared_ptr<const owner_fence> fence;
};

class etcd_backend : public meta_backend {
public:
  explicit etcd_backend(etcd::client client, etcd_options options = {});

  /// Every changefeed of the cluster as of one etcd revision, read in pages
  /// that are all pinned to the first page's revision; that revision is the
  /// snapshot's. A status without its info is not a changefeed (TiCDC
  /// leaves such keys behind); an info without a status reads its start TS
  /// as checkpoint, as TiCDC's owner does.
  model::result<meta_snapshot> list() override;

  /// Info and status read in one transaction, so at one revision.
  model::result<std::optional<meta_record>> get(const model::changefeed_key& key) override;

  /// One etcd transaction, so all or nothing; returns the revision etcd
  /// committed it at. A put_progress writes only if the info is still
  /// there: the transaction compares each such info's mod revision with the
  /// one this backend last saw. When that fails (another writer, or a feed
  /// not read yet), the failure branch has read those infos; the
  /// transaction is built again without the feeds that are gone and sent
  /// again, at most three times in all.
  ///
  /// A batch that needs more than max_txn_ops operations (a put or delete
  /// per key: two per put_record or delete_record, one per put_progress) is
  /// refused whole, with ErrMetaStoreFailed saying so. It is not split:
  /// etcd has no transaction across transactions, so a split batch could
  /// be left half written by a crash or a failure between its parts, and the
  /// seam promises all or nothing. The caller keeps batches within
  /// max_txn_ops() (progress of different feeds needs no common transaction).
  ///
  /// A transaction that timed out after it was sent may still have been
  /// committed; the failure says so. Every write here is idempotent, so the
  /// meta store writing it again is safe.
  model::result<std::uint64_t> apply(std::span<const meta_op> ops) override;

  std::string describe() const override;

  std::size_t max_txn_ops() const noexcept { return options_.max_txn_ops; }
  /// Half of max_txn_ops: a put or delete of a record is two etcd keys.
  std::size_t max_ops_per_apply() const noexcept override { return std::max<std::size_t>(1, options_.max_txn_ops / 2); }

private:
  /// What the backend last read or wrote of a changefeed's info: the status
  /// it writes names the admin job of the info's state, and a progress
  /// write is guarded by the info's mod revision.
  struct seen_info {
    std::int64_t mod_revision = 0;
    model::admin_job admin_job = model::admin_job::none;
  };

  model::api_failure failure(const etcd::error& e) const;
  /// ErrNotOwner: the owner fence stopped a write.
  model::api_failure not_owner(const std::string& why) const;
  model::result<meta_snapshot> list_at_one_revision();
  model::result<meta_record> read_record(const etcd::key_value& info, const etcd::key_value* status);
  etcd::txn_request build_txn(const std::vector<feed_write>& writes) const;
  /// Takes in the infos a failed transaction read; drops the progress
  /// writes of feeds that are gone.
  model::result<void> learn(std::vector<feed_write>& writes, const etcd::txn_response& failed);
  void note_committed(const std::vector<feed_write>& writes, std::int64_t revision);
  model::result<std::uint64_t> current_revision();

  etcd::client client_;
  etcd_options options_;
  std::map<model::changefeed_key, seen_info> seen_;
};

} // namespace cdc::store
