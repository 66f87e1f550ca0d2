// How an owner takes over a term: load every changefeed from the meta store,
// learn from the captures what they replicate, and only then take requests.
#include <algorithm>
#include <chrono>
#include <set>

#include <spdlog/spdlog.h>

#include "actors/after_all.hpp"
#include "actors/bounded_fan_out.hpp"
#include "actors/control/owner.hpp"
#include "actors/published/feed_directory.hpp"
#include "actors/replication/changefeed.hpp"

namespace cdc::actors {

namespace {

using records_t = feed_records;

constexpr std::chrono::milliseconds min_load_backoff{100};
constexpr std::chrono::milliseconds max_load_backoff{2000};

/// Processors of feeds this owner does not know (removed while no owner
/// was there to tell the captures) are stopped. Nothing waits for the
/// answer, so none is asked for: after a removal storm there may be as many
/// strays as feeds, and pending requests cost CAF 0.17 a scan per answer.
void stop_strays(owner_pointer self, const std::string& capture_id, const processor_report& r) {
  auto m = self->state.members.find(capture_id);
  if (m == self->state.members.end())
    return;
  auto info = std::make_shared<model::changefeed_info>();
  info->key = r.key;
  std::vector<std::int64_t> ids;
  for (const auto& t : r.tables)
    ids.push_back(t.table_id);
  caf::anon_send(m->second.handle, atom::dispatch_v, self->state.term,
                 std::shared_ptr<const model::changefeed_info>(info), changefeed_actor{}, std::vector<table_start>{},
                 std::move(ids));
}

void take_over(owner_pointer self) {
  auto& st = self->state;
  st.ready = true;
  reschedule_all(self);
  spdlog::info("owner: term {} ready with {} changefeeds", st.term, st.feeds.size());
  self->send(st.home, atom::ready_v, st.term);
}

/// Tells every feed where the captures reported its tables, so that what
/// the feeds publish (their processors) is right before the owner takes
/// requests and the cluster reports healthy. A feed nothing was reported
/// for is left alone: an empty placement is what it started with, and a
/// running one gets its placement from the reschedule that follows (after
/// a restart of one node that is every feed, and 100,000 requests saved).
void publish_reported(owner_pointer self) {
  auto keys = std::make_shared<std::vector<model::changefeed_key>>();
  for (const auto& [key, e] : self->state.feeds)
    if (!e.placement.empty())
      keys->push_back(key);
  bounded_fan_out(
    keys->size(), fan_out_window,
    [self, keys](std::size_t i, std::function<void()> done) {
      auto* e = self->state.find((*keys)[i]);
      if (!e)
        return done();
      self->request(e->actor, feed_answers_at_once, atom::assign_v, e->placement)
        .then([done](bool) { done(); }, [done](const caf::error&) { done(); });
    },
    [self] { take_over(self); });
}

void gather_reports(owner_pointer self) {
  auto& st = self->state;
  auto done = after_all(st.members.size(), [self] { publish_reported(self); });
  for (const auto& [id, m] : st.members) {
    self->request(m.handle, st.services->settings.request_timeout, atom::report_v)
      .then(
        [self, capture_id = id, done](std::vector<processor_report>& reports) {
          for (auto& r : reports) {
            auto* e = self->state.find(r.key);
            if (!e) {
              stop_strays(self, capture_id, r);
              continue;
            }
            model::scheduling::capture_tables ct{capture_id, {}};
            for (const auto& t : r.tables)
              ct.table_ids.push_back(t.table_id);
            auto placement = e->placement;
            placement.push_back(std::move(ct));
            self->state.place(*e, std::move(placement));
          }
          done();
        },
        [done](const caf::error&) { done(); });
  }
}

} // namespace

void start_term(owner_pointer self) {
  auto& st = self->state;
  self->request(st.services->meta, st.services->settings.request_timeout, atom::load_v)
    .then(
      [self](records_t& records) {
        std::set<model::changefeed_key> keys;
        for (auto& [info, progress] : records) {
          keys.insert(info.key);
          self->state.share_config(info);
          spawn_feed(self, std::move(info), progress);
        }
        // What an earlier term listed but the store no longer holds is gone.
        if (self->state.services->directory)
          self->state.services->directory->retain(keys);
        gather_reports(self);
      },
      [self](const caf::error& err) {
        // A slow or failing store must not cost the cluster its owner: try
        // again, backing off, until the registry loads or the term ends.
        auto& st = self->state;
        st.load_backoff = std::clamp(st.load_backoff * 2, min_load_backoff, max_load_backoff);
        spdlog::warn("owner: term {} cannot load changefeeds ({}); retrying in {} ms", st.term, caf::to_string(err),
                     st.load_backoff.count());
        self->delayed_send(self, st.load_backoff, atom::load_v);
      });
}

} // namespace cdc::actors
