#include "actors/published/feed_directory.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

#include "model/changefeed/prune.hpp"

namespace cdc::actors {

model::changefeed_detail feed_view::detail() const {
  model::detail_options options;
  if (task_status && info->state == model::feed_state::normal)
    options.task_status = *task_status;
  auto d = model::make_detail(*info, progress, options);
  // A feed waiting out its back-off stores "stop", as TiCDC's pending does.
  d.admin_job_type = admin_job_type;
  return d;
}

model::changefeed_list_item feed_view::item() const { return model::make_list_item(*info, progress); }

feed_view feed_snapshot::view_at(model::tso_t resolved) const {
  auto v = view_;
  v.progress = v.progress.at(resolved);
  return v;
}

template <class Make>
std::shared_ptr<const std::string> feed_snapshot::cached(std::atomic<std::shared_ptr<const rendered>>& cache,
                                                         model::tso_t resolved, Make make) const {
  auto checkpoint = view_.progress.at(resolved).checkpoint_ts;
  auto body = cache.load(std::memory_order_acquire);
  if (!body || body->checkpoint_ts != checkpoint) {
    // Readers racing here make the same body; the last one stays.
    auto fresh = std::make_shared<rendered>();
    fresh->checkpoint_ts = checkpoint;
    fresh->json = boost::json::serialize(boost::json::value_from(make(view_at(resolved))));
    cache.store(fresh, std::memory_order_release);
    body = std::move(fresh);
  }
  return {body, &body->json};
}

std::shared_ptr<const std::string> feed_snapshot::detail_json(model::tso_t resolved) const {
  return cached(detail_json_, resolved, [](const feed_view& v) { return v.detail(); });
}

std::shared_ptr<const std::string> feed_snapshot::item_json(model::tso_t resolved) const {
  return cached(item_json_, resolved, [](const feed_view& v) { return v.item(); });
}

std::shared_ptr<feed_directory::slot> feed_directory::add(const model::changefeed_key& key) {
  auto s = std::make_shared<slot>();
  std::unique_lock guard{lock_};
  slots_[key] = s;
  return s;
}

void feed_directory::remove(const model::changefeed_key& key) {
  std::unique_lock guard{lock_};
  slots_.erase(key);
}

void feed_directory::put(const model::changefeed_key& key, std::shared_ptr<const feed_snapshot> snap) {
  std::unique_lock guard{lock_};
  auto& s = slots_[key];
  if (!s)
    s = std::make_shared<slot>();
  s->current.store(std::move(snap));
}

void feed_directory::retain(const std::set<model::changefeed_key>& keys) {
  std::unique_lock guard{lock_};
  std::erase_if(slots_, [&](const auto& entry) { return !keys.count(entry.first); });
  loaded_.store(true, std::memory_order_release);
}

std::shared_ptr<const feed_snapshot> feed_directory::find(const model::changefeed_key& key) const {
  std::shared_lock guard{lock_};
  auto it = slots_.find(key);
  return it == slots_.end() ? nullptr : it->second->current.load();
}

std::vector<std::shared_ptr<const feed_snapshot>> feed_directory::all() const {
  std::vector<std::shared_ptr<const feed_snapshot>> out;
  std::shared_lock guard{lock_};
  out.reserve(slots_.size());
  for (const auto& [key, s] : slots_)
    if (auto snap = s->current.load())
      out.push_back(std::move(snap));
  return out;
}

} // namespace cdc::actors
