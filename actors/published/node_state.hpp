// What a capture publishes about itself for its own HTTP listener, readable
// from any thread without a message hop (GET /api/v2/status is served from it).
#pragma once

#include <atomic>
#include <chrono>
#include <limits>
#include <cstdint>
#include <mutex>
#include <string>

#include "model/cluster_views.hpp"

namespace cdc::actors {

struct node_state {
  node_state(std::string id, std::string address, std::string cluster = std::string(model::default_cluster_id))
    : address(std::move(address)), cluster_id(std::move(cluster)), capture_id_(std::move(id)) {}

  /// The capture's ID now. In cluster mode a capture that lost its etcd
  /// session registers again as a new capture, under a new ID (as TiCDC's
  /// does), so the owner never takes the new incarnation's tables for the
  /// old one's; only the session actor changes it.
  std::string capture_id() const {
    std::lock_guard lock(id_mutex_);
    return capture_id_;
  }
  void set_capture_id(std::string id) {
    std::lock_guard lock(id_mutex_);
    capture_id_ = std::move(id);
  }

  const std::string address;
  /// TiCDC's --cluster-id: the cluster this node belongs to.
  const std::string cluster_id;
  /// Written by the capture actor when it gains or loses the owner role.
  std::atomic<bool> is_owner{false};
  /// Set once an owner hosted here has loaded the cluster and takes requests.
  std::atomic<bool> owner_ready{false};
  /// Cleared when the capture actor ends: the node then serves no cluster.
  std::atomic<bool> capture_up{true};
  /// Only ever moves from alive to stopping.
  std::atomic<model::liveness> live{model::liveness::alive};
  /// In cluster mode, when this node's etcd lease may have run out (steady
  /// clock, ms): a claim to own is void from then on, even before the node
  /// hears of it, e.g. when the process was paused past its lease.
  std::atomic<std::int64_t> lease_until_ms{std::numeric_limits<std::int64_t>::max()};

  /// The node owns the cluster now: elected, and its lease has not run out.
  bool owns() const {
    using namespace std::chrono;
    auto now = duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    return is_owner.load(std::memory_order_relaxed) && now < lease_until_ms.load(std::memory_order_relaxed);
  }

private:
  mutable std::mutex id_mutex_;
  std::string capture_id_;
};

} // namespace cdc::actors
