// Gives the heap's free memory back to the system after many changefeeds
// were removed: glibc keeps what is freed in its arenas (after 20,000 creates
// and removes a server held 520 MB until malloc_trim brought it to 39 MB).
// What removed feeds held is freed over several seconds after their removal
// answers (their actors and processors wind down), so once enough feeds went
// the trimmer trims every second until removals have been quiet a while.
// malloc_trim walks every arena, so the trimmer has a thread of its own.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>

#include "actors/messages.hpp"

namespace cdc::actors {

struct memory_trim_options {
  /// How often the trimmer looks (and, while trimming, trims).
  std::chrono::milliseconds tick{std::chrono::seconds(1)};
  /// Removals that make trimming worth it.
  std::uint64_t min_removed = 64;
  /// Trimming stops once no feed was removed for this long.
  std::chrono::milliseconds settle{std::chrono::seconds(15)};
};

struct memory_trimmer_state {
  static inline const char* name = "memory-trimmer";

  memory_trimmer_state() = default;

  // -- member variables -------------------------------------------------------

  /// Changefeeds removed since start (the owner counts them).
  std::shared_ptr<const std::atomic<std::uint64_t>> removed;
  memory_trim_options options;
  /// The count when trimming last stopped (or at start).
  std::uint64_t settled_at = 0;
  /// The count last seen, and when it last changed.
  std::uint64_t seen = 0;
  std::chrono::steady_clock::time_point last_change{};
  bool trimming = false;
};

/// Spawn detached: a trim blocks its thread.
memory_trimmer_actor::behavior_type memory_trimmer(memory_trimmer_actor::stateful_pointer<memory_trimmer_state> self,
                                                   std::shared_ptr<const std::atomic<std::uint64_t>> removed,
                                                   memory_trim_options options);

} // namespace cdc::actors
