#include "actors/owner.hpp"

#include <spdlog/spdlog.h>

namespace cdc::actors {

std::vector<model::capture_view> owner_state::capture_views() const {
  std::vector<model::capture_view> out;
  out.reserve(members.size());
  for (const auto& [id, info] : members)
    out.push_back({info.id, info.id == capture_id, info.address});
  return out;
}

bool owner_state::healthy() const {
  for (const auto& [id, info] : members)
    if (!info.alive)
      return false;
  return true;
}

owner_actor::behavior_type owner(owner_actor::stateful_pointer<owner_state> self,
                                 std::uint64_t term, std::string capture_id,
                                 std::vector<capture_info> members) {
  self->state.term = term;
  self->state.capture_id = std::move(capture_id);
  for (auto& m : members)
    self->state.members.emplace(m.id, std::move(m));
  spdlog::info("owner: term {} started on capture {} with {} captures", term,
               self->state.capture_id, self->state.members.size());
  return {
    [self](atom::captures) { return self->state.capture_views(); },
    [self](atom::health) { return self->state.healthy(); },
    [self](atom::joined, capture_info& info) {
      auto [it, added] = self->state.members.insert_or_assign(info.id, std::move(info));
      if (added)
        spdlog::info("owner: capture {} joined at {}", it->second.id, it->second.address);
    },
    [self](atom::left, const std::string& id) {
      spdlog::info("owner: capture {} left", id);
      self->state.members.erase(id);
    },
    [self](atom::stopping, const std::string& id) {
      if (auto it = self->state.members.find(id); it != self->state.members.end())
        it->second.alive = false;
    },
  };
}

} // namespace cdc::actors
