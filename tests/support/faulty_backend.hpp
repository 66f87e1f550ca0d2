// A meta backend that fails on demand: wraps another one and, while
// `failing` is set, refuses every transaction as a full disk would; while
// `refusing_creates` is set, only those that add a changefeed (as the SQLite
// store does on a full disk). Safe to flip from a test thread while a
// detached store actor uses it.
#pragma once

#include <atomic>
#include <limits>
#include <stdexcept>
#include <memory>
#include <mutex>

#include "actors/store/backend/memory_backend.hpp"

namespace cdc::test {

class faulty_backend : public store::meta_backend {
public:
  explicit faulty_backend(std::shared_ptr<store::meta_backend> inner = std::make_shared<store::memory_backend>())
    : inner_(std::move(inner)) {}

  model::result<store::meta_snapshot> list() override {
    ++lists;
    if (failing)
      return refuse();
    return inner_->list();
  }

  model::result<std::optional<store::meta_record>> get(const model::changefeed_key& key) override {
    if (failing)
      return refuse();
    return inner_->get(key);
  }

  model::result<std::uint64_t> apply(std::span<const store::meta_op> ops) override {
    std::lock_guard<std::mutex> guard{mu_};
    if (ops.size() > max_ops)
      throw std::logic_error("a transaction above the backend's limit");
    if (failing || (refusing_creates && adds_records(ops))) {
      ++refused;
      return refuse();
    }
    ++commits;
    batch_sizes.push_back(ops.size());
    last.assign(ops.begin(), ops.end());
    return inner_->apply(ops);
  }

  std::string describe() const override { return "faulty " + inner_->describe(); }

  std::size_t max_ops_per_apply() const noexcept override { return max_ops; }

  bool exclusive() const noexcept override { return !shared && inner_->exclusive(); }

  /// Copies of what the test reads (the store actor may write meanwhile).
  std::vector<std::size_t> batches() {
    std::lock_guard<std::mutex> guard{mu_};
    return batch_sizes;
  }
  std::vector<store::meta_op> last_commit() {
    std::lock_guard<std::mutex> guard{mu_};
    return last;
  }

  /// Transactions bigger than this are the caller's bug (etcd would refuse them).
  std::atomic<std::size_t> max_ops{std::numeric_limits<std::size_t>::max()};
  std::atomic<bool> failing{false};
  std::atomic<bool> refusing_creates{false};
  std::atomic<std::size_t> commits{0};
  std::atomic<std::size_t> refused{0};
  /// Lists asked of it (each decodes every record).
  std::atomic<std::size_t> lists{0};
  /// Stands for a store other processes write too (etcd).
  std::atomic<bool> shared{false};

private:
  bool adds_records(std::span<const store::meta_op> ops) {
    for (const auto& op : ops)
      if (const auto* p = std::get_if<store::put_record>(&op); p && !inner_->get(p->info.key).value())
        return true;
    return false;
  }

  static model::api_failure refuse() {
    return model::fail(model::api_error::meta_store_failed, {"cannot commit to faulty: disk full"});
  }

  std::shared_ptr<store::meta_backend> inner_;
  std::mutex mu_;
  std::vector<std::size_t> batch_sizes;
  std::vector<store::meta_op> last;
};

} // namespace cdc::test
