#include "actors/store/backend/memory_backend.hpp"

namespace cdc::store {

model::result<meta_snapshot> memory_backend::list() {
  meta_snapshot out;
  out.revision = revision_;
  out.records.reserve(records_.size());
  for (const auto& [key, r] : records_)
    out.records.push_back(r);
  return out;
}

model::result<std::optional<meta_record>> memory_backend::get(const model::changefeed_key& key) {
  auto it = records_.find(key);
  if (it == records_.end())
    return std::optional<meta_record>{};
  return std::optional<meta_record>{it->second};
}

model::result<std::uint64_t> memory_backend::apply(std::span<const meta_op> ops) {
  auto rev = revision_ + 1;
  for (const auto& op : ops) {
    if (const auto* p = std::get_if<put_record>(&op)) {
      records_[p->info.key] = {p->info, p->progress, rev};
    } else if (const auto* p = std::get_if<put_progress>(&op)) {
      if (auto it = records_.find(p->key); it != records_.end()) {
        it->second.progress = p->progress;
        it->second.mod_revision = rev;
      }
    } else {
      records_.erase(std::get<delete_record>(op).key);
    }
  }
  revision_ = rev;
  ++commits_;
  last_.assign(ops.begin(), ops.end());
  return rev;
}

} // namespace cdc::store
