#include "actors/replication/memory_quota.hpp"

#include <algorithm>

namespace cdc::actors {

quota_account::quota_account(std::shared_ptr<memory_quota> quota, std::function<void()> wake)
  : quota_(std::move(quota)), wake_(std::move(wake)) {}

quota_account::~quota_account() {
  quota_->forget(*this);
}

std::size_t quota_account::take(std::size_t want, std::size_t least) {
  auto got = quota_->take(*this, want, least);
  held_ += got;
  return got;
}

void quota_account::give_back(std::size_t bytes) {
  bytes = std::min(bytes, held_);
  if (bytes == 0)
    return;
  held_ -= bytes;
  quota_->give_back(bytes);
}

std::size_t memory_quota::used() const {
  std::lock_guard<std::mutex> guard{mu_};
  return used_;
}

std::size_t memory_quota::waiting() const {
  std::lock_guard<std::mutex> guard{mu_};
  return queue_.size();
}

std::size_t memory_quota::take(quota_account& a, std::size_t want, std::size_t least) {
  least = std::max<std::size_t>(1, std::min({least, want, capacity_}));
  std::lock_guard<std::mutex> guard{mu_};
  if (a.granted_ > 0)
    return std::exchange(a.granted_, 0);
  if (a.queued_)
    return 0;
  // Those already waiting go first, so a busy feed cannot starve them.
  if (queue_.empty() && capacity_ - used_ >= least) {
    auto got = std::min(want, capacity_ - used_);
    used_ += got;
    return got;
  }
  a.queued_ = true;
  queue_.push_back({&a, want, least});
  return 0;
}

void memory_quota::give_back(std::size_t bytes) {
  std::vector<std::function<void()>> wakes;
  {
    std::lock_guard<std::mutex> guard{mu_};
    used_ -= std::min(bytes, used_);
    wakes = grant_locked();
  }
  for (auto& w : wakes)
    w();
}

std::vector<std::function<void()>> memory_quota::grant_locked() {
  std::vector<std::function<void()>> wakes;
  while (!queue_.empty() && capacity_ - used_ >= queue_.front().least) {
    auto w = queue_.front();
    queue_.pop_front();
    auto got = std::min(w.want, capacity_ - used_);
    used_ += got;
    w.account->granted_ += got;
    w.account->queued_ = false;
    wakes.push_back(w.account->wake_);
  }
  return wakes;
}

void memory_quota::forget(quota_account& a) {
  std::vector<std::function<void()>> wakes;
  {
    std::lock_guard<std::mutex> guard{mu_};
    if (a.queued_)
      std::erase_if(queue_, [&](const waiter& w) { return w.account == &a; });
    used_ -= std::min(a.held_ + a.granted_, used_);
    a.granted_ = 0;
    a.held_ = 0;
    wakes = grant_locked();
  }
  for (auto& w : wakes)
    w();
}

} // namespace cdc::actors
