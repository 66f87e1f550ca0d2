// Spreading periodic work over many keys: each round visits the next few
// entries of an ordered container, in key order, continuing where the last
// round stopped, so every entry is visited once per lap whatever is added
// or removed in between.
#pragma once

#include <algorithm>
#include <cstddef>
#include <type_traits>

namespace cdc::actors {

/// Calls `visit` on at most `count` entries of `ring` (a std::map or
/// std::set), starting at the first whose key is not before `cursor` and
/// wrapping past the end, never visiting an entry twice in one call; then
/// moves `cursor` to the key to start at next time.
template <class Ordered, class Visit>
void visit_round_robin(const Ordered& ring, typename Ordered::key_type& cursor, std::size_t count, Visit visit) {
  auto key_of = [](auto it) -> const typename Ordered::key_type& {
    if constexpr (std::is_same_v<typename Ordered::key_type, typename Ordered::value_type>)
      return *it;
    else
      return it->first;
  };
  if (ring.empty())
    return;
  count = std::min(count, ring.size());
  auto it = ring.lower_bound(cursor);
  for (std::size_t i = 0; i < count; ++i, ++it) {
    if (it == ring.end())
      it = ring.begin();
    visit(*it);
  }
  cursor = key_of(it == ring.end() ? ring.begin() : it);
}

} // namespace cdc::actors
