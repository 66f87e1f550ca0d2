// A watch on every key under a prefix, through etcd's JSON gateway
// (POST /v3/watch: one HTTP response that stays open, a JSON object per
// line, one per batch of events). It tells its user only that something
// changed, never what: the user reads the keys again, so a watch that was
// cut off, or an event missed while it reconnected, can never leave a stale
// view behind. It runs on a thread of its own, because its one read waits
// for as long as nothing changes.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "actors/store/backend/etcd_client.hpp"

namespace cdc::membership {

class prefix_watch {
public:
  /// Watches `prefix` on the first of `endpoints` that answers; calls
  /// `changed` from the watch's thread when keys under it change, and each
  /// time the watch is established (anything may have changed while it was
  /// not). Reconnects, a second apart, for as long as it lives. https://
  /// endpoints use `tls` (null: the system's CAs).
  prefix_watch(std::vector<store::etcd::endpoint> endpoints, std::shared_ptr<boost::asio::ssl::context> tls,
               std::string prefix, std::function<void()> changed);
  /// Stops the watch and joins its thread.
  ~prefix_watch();

  prefix_watch(const prefix_watch&) = delete;
  prefix_watch& operator=(const prefix_watch&) = delete;

  /// How many times a watch was established so far (for tests and logs).
  std::size_t established() const noexcept { return established_.load(); }

private:
  struct loop;
  std::unique_ptr<loop> loop_;
  std::atomic<std::size_t> established_{0};
  std::thread thread_;
};

} // namespace cdc::membership
