// The captures as GET /captures reads them, without an actor hop: the
// election publishes them whenever an owner takes office or a capture joins
// or goes, and withdraws them while there is no owner (a read then waits
// for the next owner through the API actor). GET /captures' body is made
// once per publish, not once per read.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "model/cluster_views.hpp"

namespace cdc::actors {

class capture_directory {
public:
  using captures = std::vector<model::capture_view>;

  /// Publishes `now` (null: there is no owner).
  void publish(std::shared_ptr<const captures> now);
  /// The captures under the current owner, or null while there is none.
  std::shared_ptr<const captures> current() const;
  /// GET /captures' body for the captures current() gives, or null.
  std::shared_ptr<const std::string> current_body() const;

private:
  struct snapshot {
    std::shared_ptr<const captures> list;
    std::string body;
  };
  std::atomic<std::shared_ptr<const snapshot>> current_;
};

} // namespace cdc::actors
