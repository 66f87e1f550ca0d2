// Enums named by a table of strings (ops, scenarios, outcomes): the lookup
// from a name back to its value.
#pragma once

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace cdc::load {

/// The value whose name (at its index in `names`) is `name`.
template <class E, std::size_t N>
std::optional<E> find_name(const std::array<std::string_view, N>& names, std::string_view name) {
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end())
    return std::nullopt;
  return static_cast<E>(it - names.begin());
}

} // namespace cdc::load
