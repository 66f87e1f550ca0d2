// Lookups and the handle-key rule over table_schema.
#include "model/filter/table_schema.hpp"

namespace cdc::model::filter {

bool same_name(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto x = static_cast<unsigned char>(a[i]);
    auto y = static_cast<unsigned char>(b[i]);
    if (x >= 'A' && x <= 'Z')
      x = static_cast<unsigned char>(x + ('a' - 'A'));
    if (y >= 'A' && y <= 'Z')
      y = static_cast<unsigned char>(y + ('a' - 'A'));
    if (x != y)
      return false;
  }
  return true;
}

const column_def* find_column(const table_schema& t, std::string_view name) noexcept {
  for (const auto& c : t.columns)
    if (same_name(c.name, name))
      return &c;
  return nullptr;
}

const index_def* find_index(const table_schema& t, std::string_view name) noexcept {
  for (const auto& i : t.indexes)
    if (same_name(i.name, name))
      return &i;
  return nullptr;
}

const index_def* primary_key(const table_schema& t) noexcept {
  for (const auto& i : t.indexes)
    if (i.primary)
      return &i;
  return nullptr;
}

bool is_not_null_unique(const table_schema& t, const index_def& index) noexcept {
  if (index.primary)
    return true;
  if (!index.unique)
    return false;
  for (const auto& name : index.columns) {
    const auto* c = find_column(t, name);
    if (!c || !c->not_null)
      return false;
  }
  return true;
}

const index_def* handle_index(const table_schema& t) noexcept {
  if (const auto* pk = primary_key(t))
    return pk;
  const index_def* best = nullptr;
  for (const auto& i : t.indexes)
    if (is_not_null_unique(t, i) && (!best || i.columns.size() < best->columns.size()))
      best = &i;
  return best;
}

bool is_eligible(const table_schema& t, bool force_replicate) noexcept {
  if (t.is_sequence)
    return false;
  if (force_replicate || t.is_view)
    return true;
  return handle_index(t) != nullptr;
}

} // namespace cdc::model::filter
