#include "actors/meta_store.hpp"

namespace cdc::actors {

std::optional<model::tso_t> meta_store_state::service_safepoint() const {
  std::optional<model::tso_t> low;
  for (const auto& [key, r] : records) {
    if (r.info.state == model::feed_state::finished)
      continue;
    auto cp = std::max(r.progress.checkpoint_ts, r.info.start_ts);
    if (!low || cp < *low)
      low = cp;
  }
  if (low && *low > 0)
    *low -= 1;
  return low;
}

meta_store_actor::behavior_type meta_store(meta_store_actor::stateful_pointer<meta_store_state> self,
                                           upstream_actor upstream) {
  self->state.upstream = std::move(upstream);
  self->delayed_send(self, meta_store_state::flush_interval, atom::flush_v);
  return {
    [self](atom::load) {
      feed_records out;
      out.reserve(self->state.records.size());
      for (const auto& [key, r] : self->state.records)
        out.emplace_back(r.info, r.progress);
      return out;
    },
    [self](atom::put, model::changefeed_info& info) {
      auto& r = self->state.records[info.key];
      if (r.info.key.id.empty())
        r.progress = {info.start_ts, info.start_ts};
      r.info = std::move(info);
      return true;
    },
    [self](atom::remove, const model::changefeed_key& key) {
      self->state.records.erase(key);
      return true;
    },
    [self](atom::progress, const model::changefeed_key& key, const model::changefeed_progress& p) {
      auto it = self->state.records.find(key);
      if (it != self->state.records.end())
        it->second.progress = p;
    },
    [self](atom::flush) {
      if (auto sp = self->state.service_safepoint())
        self->send(self->state.upstream, atom::safepoint_v, *sp);
      self->delayed_send(self, meta_store_state::flush_interval, atom::flush_v);
    },
  };
}

} // namespace cdc::actors
