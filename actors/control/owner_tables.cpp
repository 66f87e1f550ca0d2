// Operators' table moves: draining a capture, moving one table, placing a
// feed's tables again. Each becomes an ordinary reschedule, so it runs in
// the feed's operation queue like any other change to its placement.
#include <algorithm>

#include <spdlog/spdlog.h>

#include "actors/control/owner.hpp"
#include "actors/errors.hpp"

namespace cdc::actors {

namespace {

/// Tables on `capture_id` over the feeds that replicate (TiCDC counts its
/// normal changefeeds).
std::int64_t tables_on(const owner_state& st, const std::string& capture_id) {
  std::int64_t n = 0;
  for (const auto& [key, e] : st.feeds)
    if (e.running)
      for (const auto& p : e.placement)
        if (p.capture_id == capture_id)
          n += static_cast<std::int64_t>(p.table_ids.size());
  return n;
}

} // namespace

caf::result<std::int64_t> drain_capture(owner_pointer self, const std::string& capture_id) {
  auto& st = self->state;
  auto alive = std::count_if(st.members.begin(), st.members.end(), [](const auto& m) { return m.second.info.alive; });
  if (alive <= 1)
    return to_error(model::api_error::scheduler_request_failed, {"only one capture alive"});
  auto it = st.members.find(capture_id);
  if (it == st.members.end() || !it->second.info.alive)
    return to_error(model::api_error::capture_not_exist, {capture_id});
  if (capture_id == st.capture_id)
    return to_error(model::api_error::scheduler_request_failed, {"cannot drain the owner"});
  if (st.draining.insert(capture_id).second && st.ready) {
    spdlog::info("owner: draining capture {}", capture_id);
    reschedule_all(self);
  }
  return tables_on(st, capture_id);
}

caf::result<bool> move_table(owner_pointer self, const model::changefeed_key& key, std::int64_t table,
                             std::string capture_id) {
  if (!self->state.find(key))
    return to_error(model::api_error::changefeed_not_exists, {key.display()});
  enqueue_op(self, key, [self, key, table, capture_id = std::move(capture_id)](op_token op) {
    auto* e = self->state.find(key);
    if (!e || !e->running)
      return;
    spdlog::info("owner: moving table {} of {} to capture {}", table, key.display(), capture_id);
    reschedule(self, key, [op] {}, {{table, capture_id}});
  });
  return true;
}

caf::result<bool> rebalance_feed(owner_pointer self, const model::changefeed_key& key) {
  if (!self->state.find(key))
    return to_error(model::api_error::changefeed_not_exists, {key.display()});
  enqueue_op(self, key, [self, key](op_token op) { reschedule(self, key, [op] {}); });
  return true;
}

} // namespace cdc::actors
