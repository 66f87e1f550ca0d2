// Folding a batch per changefeed; see etcd_batch.hpp.
#include "actors/store/backend/etcd_batch.hpp"

#include <map>

namespace cdc::store {

namespace {

using kind = feed_write::kind;

/// `w` followed by `op` on the same feed.
void fold(feed_write& w, const meta_op& op) {
  if (const auto* p = std::get_if<put_record>(&op)) {
    w.what = kind::put_record;
    w.info = p->info;
    w.progress = p->progress;
  } else if (const auto* p = std::get_if<put_progress>(&op)) {
    // Progress of a feed this batch removes stays removed.
    if (w.what != kind::remove)
      w.progress = p->progress;
  } else {
    w.what = kind::remove;
    w.info.reset();
  }
}

feed_write first_write(const meta_op& op) {
  feed_write w;
  w.key = key_of(op);
  if (std::holds_alternative<put_progress>(op))
    w.what = kind::put_status_if_kept;
  else if (std::holds_alternative<delete_record>(op))
    w.what = kind::remove;
  fold(w, op);
  return w;
}

} // namespace

std::vector<feed_write> fold_batch(std::span<const meta_op> ops) {
  std::vector<feed_write> out;
  std::map<model::changefeed_key, std::size_t> at;
  for (const auto& op : ops) {
    auto [it, fresh] = at.try_emplace(key_of(op), out.size());
    if (fresh)
      out.push_back(first_write(op));
    else
      fold(out[it->second], op);
  }
  return out;
}

} // namespace cdc::store
