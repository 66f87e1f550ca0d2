// The bytes of row changes a server's processors may hold at once: pulled
// from the upstream and not yet acknowledged by their sinks. A processor
// takes bytes before it builds a batch and gives them back once the sink has
// flushed it, so however long the server was down, catching up reads only
// as far ahead of the sinks as the quota allows, instead of materialising the
// whole backlog at once.
//
// Thread-safe and never blocking: a processor that finds too little free
// queues and is woken (in arrival order, so no feed starves) once others
// give bytes back. Each holder has an account, which returns whatever it
// still holds when it is destroyed, so a processor that ends with a batch
// at its sink leaks nothing.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace cdc::actors {

class memory_quota;

/// One holder's share of a memory_quota.
class quota_account {
public:
  /// `wake` is called (from whichever thread gave bytes back) once bytes
  /// queued for are granted; it must only post a message.
  quota_account(std::shared_ptr<memory_quota> quota, std::function<void()> wake);
  ~quota_account();

  quota_account(const quota_account&) = delete;
  quota_account& operator=(const quota_account&) = delete;

  /// Takes up to `want` bytes (at least `least` of them) and returns how
  /// many were taken; 0 means none could be had now: the account is queued
  /// and `wake` runs when a grant is waiting (take again then).
  std::size_t take(std::size_t want, std::size_t least);

  /// Gives `bytes` of what this account holds back.
  void give_back(std::size_t bytes);

  /// Bytes this account holds (taken and not given back).
  std::size_t held() const noexcept { return held_; }

private:
  friend class memory_quota;

  std::shared_ptr<memory_quota> quota_;
  std::function<void()> wake_;
  /// Guarded by the quota's mutex: a grant made while queued, and whether
  /// the account is in the quota's queue.
  std::size_t granted_ = 0;
  bool queued_ = false;
  /// Only the owner's thread touches this.
  std::size_t held_ = 0;
};

class memory_quota : public std::enable_shared_from_this<memory_quota> {
public:
  explicit memory_quota(std::size_t capacity) : capacity_(capacity) {}

  std::size_t capacity() const noexcept { return capacity_; }
  /// Bytes taken and not given back, over every account.
  std::size_t used() const;
  /// Accounts waiting for bytes.
  std::size_t waiting() const;

private:
  friend class quota_account;

  /// An account leaves the queue (under the mutex) before it is destroyed.
  struct waiter {
    quota_account* account = nullptr;
    std::size_t want = 0;
    std::size_t least = 0;
  };

  std::size_t take(quota_account& a, std::size_t want, std::size_t least);
  void give_back(std::size_t bytes);
  /// Grants free bytes to the queue's head while they suffice; returns the
  /// wake-ups to run once the lock is released.
  std::vector<std::function<void()>> grant_locked();
  void forget(quota_account& a);

  const std::size_t capacity_;
  mutable std::mutex mu_;
  std::size_t used_ = 0;
  std::deque<waiter> queue_;
};

} // namespace cdc::actors
