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

const progress_body& feed_snapshot::detail_body() const {
  std::call_once(detail_once_, [this] {
    detail_ = progress_body(boost::json::serialize(boost::json::value_from(view_.detail())), view_.progress);
  });
  return detail_;
}

const progress_body& feed_snapshot::item_body() const {
  std::call_once(item_once_, [this] {
    item_ = progress_body(boost::json::serialize(boost::json::value_from(view_.item())), view_.progress);
  });
  return item_;
}

std::string feed_snapshot::detail_json(model::tso_t resolved) const {
  return detail_body().at(view_.progress.at(resolved));
}

void feed_snapshot::append_item_json(std::string& out, model::tso_t resolved) const {
  item_body().append_at(out, view_.progress.at(resolved));
}

std::size_t feed_snapshot::item_json_size() const { return item_body().size(); }

void feed_directory::unlist(std::shared_ptr<slot>& s) {
  if (s)
    s->listed.store(false, std::memory_order_release);
  ordered_.reset();
}

std::shared_ptr<feed_directory::slot> feed_directory::add(const model::changefeed_key& key) {
  auto s = std::make_shared<slot>();
  std::unique_lock guard{lock_};
  auto& entry = slots_[key];
  unlist(entry);
  entry = s;
  return s;
}

void feed_directory::remove(const model::changefeed_key& key) {
  std::unique_lock guard{lock_};
  if (auto it = slots_.find(key); it != slots_.end()) {
    unlist(it->second);
    slots_.erase(it);
  }
}

void feed_directory::put(const model::changefeed_key& key, std::shared_ptr<const feed_snapshot> snap) {
  std::unique_lock guard{lock_};
  auto& s = slots_[key];
  if (!s) {
    s = std::make_shared<slot>();
    ordered_.reset();
  }
  s->current.store(std::move(snap));
}

void feed_directory::retain(const std::set<model::changefeed_key>& keys) {
  std::unique_lock guard{lock_};
  for (auto it = slots_.begin(); it != slots_.end();) {
    if (keys.count(it->first)) {
      ++it;
      continue;
    }
    unlist(it->second);
    it = slots_.erase(it);
  }
  loaded_.store(true, std::memory_order_release);
}

std::shared_ptr<const feed_snapshot> feed_directory::find(const model::changefeed_key& key) const {
  std::shared_lock guard{lock_};
  auto it = slots_.find(key);
  return it == slots_.end() ? nullptr : it->second->current.load();
}

std::size_t feed_directory::size() const {
  std::shared_lock guard{lock_};
  return slots_.size();
}

std::shared_ptr<const feed_directory::ordered_slots> feed_directory::ordered() const {
  std::shared_lock guard{lock_};
  std::lock_guard cache{ordered_lock_};
  if (!ordered_) {
    auto fresh = std::make_shared<ordered_slots>();
    fresh->reserve(slots_.size());
    for (const auto& [key, s] : slots_)
      fresh->push_back(s);
    ordered_ = std::move(fresh);
  }
  return ordered_;
}

std::vector<std::shared_ptr<const feed_snapshot>> feed_directory::all() const {
  auto slots = ordered();
  std::vector<std::shared_ptr<const feed_snapshot>> out;
  out.reserve(slots->size());
  for (const auto& s : *slots)
    if (s->listed.load(std::memory_order_acquire))
      if (auto snap = s->current.load())
        out.push_back(std::move(snap));
  return out;
}

} // namespace cdc::actors
