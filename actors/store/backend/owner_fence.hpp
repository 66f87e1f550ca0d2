// The fence on the owner's writes to etcd, as TiCDC's owner has it: every
// write of changefeed metadata also compares the owner's campaign key with
// the create revision it won with (its term). An owner that was replaced
// (it resigned, its lease ran out, it was paused) can still have writes in
// flight; they then fail instead of landing after the next owner loaded the
// feeds, where the new owner would never see them. The session sets it when
// it reads its own campaign first in line; the etcd backend reads it.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace cdc::store {

class owner_fence {
public:
  struct campaign {
    std::string key;
    std::int64_t create_revision = 0;
  };

  /// This node's campaign `key`, created at `create_revision`, is first.
  void hold(std::string key, std::int64_t create_revision) {
    std::lock_guard lock(mutex_);
    held_ = campaign{std::move(key), create_revision};
  }

  /// The campaign this node last owned with; none before it first owned.
  std::optional<campaign> held() const {
    std::lock_guard lock(mutex_);
    return held_;
  }

private:
  // Set a few times per term by the session, read once per transaction by
  // the meta store: never contended, never on a request path.
  mutable std::mutex mutex_;
  std::optional<campaign> held_;
};

} // namespace cdc::store
