// The captures as GET /captures reads them, without an actor hop: the
// election publishes them whenever an owner takes office or a capture joins
// or goes, and withdraws them while there is no owner (a read then waits
// for the next owner through the API actor).
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include "model/cluster_views.hpp"

namespace cdc::actors {

class capture_directory {
public:
  using captures = std::vector<model::capture_view>;

  void publish(std::shared_ptr<const captures> now) { current_.store(std::move(now)); }
  /// The captures under the current owner, or null while there is none.
  std::shared_ptr<const captures> current() const { return current_.load(); }

private:
  std::atomic<std::shared_ptr<const captures>> current_;
};

} // namespace cdc::actors
