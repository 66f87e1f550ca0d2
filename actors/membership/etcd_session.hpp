// A node's session in etcd, as TiCDC's capture keeps it (cdc/capture): a
// lease of capture-session-ttl seconds, the capture's info under that lease,
// and a campaign for ownership: the key "<owner prefix>/<lease hex>", also
// under the lease, whose create revision orders the line (etcd's
// concurrency.Election; the lowest is the owner). When the lease ends, both
// keys go with it. Blocking calls; only the session actor makes them, on a
// thread of its own.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "actors/store/backend/etcd_client.hpp"
#include "model/cluster/capture_record.hpp"

namespace cdc::membership {

namespace etcd = store::etcd;

/// One campaign for ownership.
struct campaign {
  std::string capture_id;
  std::int64_t lease = 0;
  /// Orders the line; the owner's is its term.
  std::int64_t create_revision = 0;
};

/// The cluster as etcd has it at one revision.
struct snapshot {
  std::int64_t revision = 0;
  /// Every registered capture, by ID. A record that cannot be decoded is
  /// left out (and logged): one bad key must not hide the others.
  std::vector<model::capture_record> captures;
  /// Campaigns by create revision: the first is the owner's.
  std::vector<campaign> line;
};

class session {
public:
  session(etcd::client client, std::string cluster, std::chrono::seconds ttl);

  /// Grants a new lease and puts the capture's info under it.
  etcd::result<void> open(const model::capture_record& self);
  /// Puts the capture's info again (it changed: stopping).
  etcd::result<void> update(const model::capture_record& self);
  /// Puts this lease's campaign unless it exists; answers its create
  /// revision either way.
  etcd::result<std::int64_t> campaign(const std::string& capture_id);
  /// The TTL the lease has left after renewing it; 0 when it is gone.
  etcd::result<std::int64_t> keep_alive();
  /// The captures and the campaign line, read at one revision.
  etcd::result<snapshot> read();
  /// Deletes the campaign created at `term` (whoever's it is), so the line
  /// moves on; false when it is already gone.
  etcd::result<bool> resign(std::int64_t term);
  /// Revokes the lease: the capture and its campaign go at once.
  void close();
  /// Revokes an earlier lease of this node; true once it is gone (or was).
  bool revoke(std::int64_t lease);

  std::int64_t lease() const { return lease_; }
  std::chrono::seconds ttl() const { return ttl_; }
  std::string describe() const { return client_.describe(); }
  const std::vector<etcd::endpoint>& endpoints() const noexcept { return client_.endpoints(); }
  const etcd::client_options& client_options() const noexcept { return client_.options(); }
  const std::string& cluster() const noexcept { return cluster_; }

private:
  etcd::client client_;
  std::string cluster_;
  std::chrono::seconds ttl_;
  std::int64_t lease_ = 0;
};

} // namespace cdc::membership
