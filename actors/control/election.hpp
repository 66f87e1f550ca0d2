// The election: stands in for etcd's capture registry and owner campaign.
// Captures join in order; the earliest alive one owns; resign sends the owner
// to the back of the line. At most one capture claims ownership at a time:
// a new owner is elected only after the old one has let go, and a term that
// is still starting is never cut short: resigns that arrive meanwhile
// collapse into one, carried out once the owner reports in.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "actors/messages.hpp"
#include "actors/published/capture_directory.hpp"

namespace cdc::actors {

struct election_state {
  static inline const char* name = "election";

  // Not an aggregate: CAF would try to build the state from the actor pointer.
  election_state() = default;

  using member = capture_member;

  // -- member variables -------------------------------------------------------

  /// Campaigners in line for ownership, in order of preference.
  std::deque<member> line;
  /// Increases with every election; fences owners of earlier terms.
  std::uint64_t term = 0;
  /// The capture elected in `term` (empty while none is), and its owner role
  /// once it reports in.
  std::string owner_id;
  owner_actor owner;
  /// True while the old owner is letting go and no new one is elected yet.
  bool handing_over = false;
  /// A resign arrived while the term's owner was still starting: it steps
  /// down as soon as it reports in (any number of resigns count as one).
  bool resign_pending = false;
  /// Actors told about every owner change (the API actors).
  std::vector<owner_listener_actor> subscribers;
  /// Where the captures are published for reads (null: nowhere).
  std::shared_ptr<capture_directory> published;
  /// The cluster the published captures belong to.
  std::string cluster_id;

  // -- helpers ----------------------------------------------------------------

  member* find(const std::string& id);
  std::vector<capture_member> members() const { return {line.begin(), line.end()}; }
  /// Publishes the line as the owner's captures, or withdraws it while
  /// there is no owner.
  void publish() const;
};

election_actor::behavior_type election(election_actor::stateful_pointer<election_state> self,
                                       std::shared_ptr<capture_directory> published, std::string cluster_id);

} // namespace cdc::actors
