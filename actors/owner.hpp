// The owner role of one election term: the single writer of cluster state.
#pragma once

#include <map>
#include <string>

#include "actors/messages.hpp"

namespace cdc::actors {

struct owner_state {
  static inline const char* name = "owner";

  // Not an aggregate: CAF would try to build the state from the actor pointer.
  owner_state() = default;

  // -- member variables -------------------------------------------------------

  /// The election term this owner serves; later terms fence it out.
  std::uint64_t term = 0;
  /// The capture this owner runs on.
  std::string capture_id;
  /// Every capture of the cluster, by ID.
  std::map<std::string, capture_info> members;

  // -- queries ----------------------------------------------------------------

  std::vector<model::capture_view> capture_views() const;
  bool healthy() const;
};

owner_actor::behavior_type owner(owner_actor::stateful_pointer<owner_state> self,
                                 std::uint64_t term, std::string capture_id,
                                 std::vector<capture_info> members);

} // namespace cdc::actors
