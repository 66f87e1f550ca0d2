// Table placement; see table_scheduler.hpp for the rules. Works on flat
// vectors indexed by (sorted) table and capture position, so 100,000 tables
// cost a few sorts and linear passes, not a hash map of strings per table.
#include "model/scheduling/table_scheduler.hpp"

#include <algorithm>
#include <queue>
#include <tuple>
#include <unordered_set>

namespace cdc::model::scheduling {

namespace {

constexpr std::int32_t none = -1;

struct feed_work {
  const std::vector<std::string>& captures; // sorted, unique, eligible
  std::vector<std::size_t>& global_load;    // tables per capture over feeds done so far
};

std::int32_t capture_index(const std::vector<std::string>& sorted, const std::string& id) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), id);
  if (it == sorted.end() || *it != id)
    return none;
  return static_cast<std::int32_t>(it - sorted.begin());
}

std::int64_t table_index(const std::vector<table_id>& sorted, table_id t) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), t);
  if (it == sorted.end() || *it != t)
    return none;
  return it - sorted.begin();
}

// Moves collected per capture name (eligible or not), emitted in name order.
class move_book {
public:
  capture_moves& of(const std::string& capture) {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), capture,
                               [](const capture_moves& m, const std::string& id) { return m.capture_id < id; });
    if (it == entries_.end() || it->capture_id != capture)
      it = entries_.insert(it, capture_moves{capture, {}, {}});
    return *it;
  }

  std::vector<capture_moves> take() {
    std::vector<capture_moves> out;
    for (auto& m : entries_) {
      if (m.add.empty() && m.remove.empty())
        continue;
      std::sort(m.add.begin(), m.add.end());
      std::sort(m.remove.begin(), m.remove.end());
      m.remove.erase(std::unique(m.remove.begin(), m.remove.end()), m.remove.end());
      out.push_back(std::move(m));
    }
    return out;
  }

private:
  std::vector<capture_moves> entries_;
};

feed_plan plan_feed(const feed_input& feed, feed_work& work) {
  const auto& captures = work.captures;
  const auto c = static_cast<std::int32_t>(captures.size());
  feed_plan plan;
  plan.changefeed_id = feed.changefeed_id;
  move_book book;

  // Current placements in capture-ID order, so duplicates resolve the same
  // way whatever order the caller listed them in.
  std::vector<const capture_tables*> current;
  current.reserve(feed.current.size());
  for (const auto& ct : feed.current)
    current.push_back(&ct);
  std::sort(current.begin(), current.end(),
            [](const capture_tables* a, const capture_tables* b) { return a->capture_id < b->capture_id; });

  if (!is_running(feed.state)) {
    for (const auto* ct : current)
      for (auto t : ct->table_ids)
        book.of(ct->capture_id).remove.push_back(t);
    plan.moves = book.take();
    return plan;
  }

  std::vector<table_id> tables = feed.tables;
  std::sort(tables.begin(), tables.end());
  tables.erase(std::unique(tables.begin(), tables.end()), tables.end());
  const auto n = tables.size();

  // Where each table is kept now (eligible captures only).
  std::vector<std::int32_t> was(n, none);
  std::vector<std::size_t> kept(static_cast<std::size_t>(c), 0);
  // (table, capture) pairs also present elsewhere: rare, so a set is fine.
  std::unordered_set<std::uint64_t> extra_copies;
  for (const auto* ct : current) {
    auto cap = capture_index(captures, ct->capture_id);
    for (auto t : ct->table_ids) {
      auto idx = table_index(tables, t);
      if (idx == none || cap == none)
        continue;
      auto i = static_cast<std::size_t>(idx);
      if (was[i] == none) {
        was[i] = cap;
        ++kept[static_cast<std::size_t>(cap)];
      } else if (was[i] != cap) {
        extra_copies.insert(i * static_cast<std::uint64_t>(c) + static_cast<std::uint64_t>(cap));
      }
    }
  }

  std::vector<std::int32_t> now = was;
  // Pinned tables count where they are going, and never leave it below.
  std::vector<bool> pinned(feed.pinned.empty() ? 0 : n, false);
  for (const auto& pin : feed.pinned) {
    auto cap = capture_index(captures, pin.capture_id);
    auto idx = table_index(tables, pin.table);
    if (cap == none || idx == none)
      continue;
    auto i = static_cast<std::size_t>(idx);
    if (now[i] != none)
      --kept[static_cast<std::size_t>(now[i])];
    now[i] = cap;
    ++kept[static_cast<std::size_t>(cap)];
    pinned[i] = true;
  }
  auto is_pinned = [&](std::size_t i) { return !pinned.empty() && pinned[i]; };
  if (c > 0 && n > 0) {
    // Quotas: n / c each, one more for the n % c captures that already keep
    // the most (fewest moves), then the least loaded overall, then by ID.
    std::vector<std::int32_t> order(static_cast<std::size_t>(c));
    for (std::int32_t i = 0; i < c; ++i)
      order[static_cast<std::size_t>(i)] = i;
    std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
      auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
      return std::tuple{kept[ub], work.global_load[ua], a} < std::tuple{kept[ua], work.global_load[ub], b};
    });
    std::vector<std::size_t> quota(static_cast<std::size_t>(c), n / static_cast<std::size_t>(c));
    for (std::size_t k = 0; k < n % static_cast<std::size_t>(c); ++k)
      ++quota[static_cast<std::size_t>(order[k])];

    // Over-full captures give up their highest table IDs.
    std::vector<std::size_t> count = kept;
    for (std::size_t i = n; i-- > 0;) {
      auto cap = now[i];
      if (cap != none && !is_pinned(i) && count[static_cast<std::size_t>(cap)] > quota[static_cast<std::size_t>(cap)]) {
        --count[static_cast<std::size_t>(cap)];
        now[i] = none;
      }
    }

    // Homeless tables, ascending, to the least-loaded capture with room.
    using slot = std::tuple<std::size_t, std::size_t, std::int32_t>; // feed count, global load, index
    std::priority_queue<slot, std::vector<slot>, std::greater<>> room;
    for (std::int32_t cap = 0; cap < c; ++cap) {
      auto u = static_cast<std::size_t>(cap);
      if (count[u] < quota[u])
        room.emplace(count[u], work.global_load[u], cap);
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (now[i] != none)
        continue;
      auto [cnt, load, cap] = room.top();
      room.pop();
      now[i] = cap;
      auto u = static_cast<std::size_t>(cap);
      ++count[u];
      if (count[u] < quota[u])
        room.emplace(count[u], load + 1, cap);
    }
  }

  // The assignment, the diff and the counters.
  plan.assignment.resize(static_cast<std::size_t>(c));
  for (std::int32_t cap = 0; cap < c; ++cap)
    plan.assignment[static_cast<std::size_t>(cap)].capture_id = captures[static_cast<std::size_t>(cap)];
  for (std::size_t i = 0; i < n; ++i) {
    auto cap = now[i];
    if (cap == none) {
      plan.unplaced.push_back(tables[i]);
      continue;
    }
    auto u = static_cast<std::size_t>(cap);
    plan.assignment[u].table_ids.push_back(tables[i]);
    ++work.global_load[u];
    bool already_there = cap == was[i]
                         || extra_copies.contains(i * static_cast<std::uint64_t>(c) + static_cast<std::uint64_t>(cap));
    if (!already_there)
      book.of(captures[u]).add.push_back(tables[i]);
    if (was[i] != none && was[i] != cap)
      ++plan.moved;
  }
  for (const auto* ct : current) {
    auto cap = capture_index(captures, ct->capture_id);
    for (auto t : ct->table_ids) {
      auto idx = table_index(tables, t);
      if (cap == none || idx == none || now[static_cast<std::size_t>(idx)] != cap)
        book.of(ct->capture_id).remove.push_back(t);
    }
  }
  plan.moves = book.take();
  return plan;
}

} // namespace

std::vector<feed_plan> schedule_tables(std::span<const feed_input> feeds,
                                       std::span<const std::string> captures) {
  return schedule_tables(feeds, captures, capture_load{});
}

std::vector<feed_plan> schedule_tables(std::span<const feed_input> feeds,
                                       std::span<const std::string> captures, const capture_load& other_load) {
  std::vector<std::string> eligible(captures.begin(), captures.end());
  std::sort(eligible.begin(), eligible.end());
  eligible.erase(std::unique(eligible.begin(), eligible.end()), eligible.end());
  std::vector<std::size_t> global_load(eligible.size(), 0);
  for (std::size_t i = 0; i < eligible.size(); ++i)
    if (auto it = other_load.find(eligible[i]); it != other_load.end())
      global_load[i] = it->second;
  feed_work work{eligible, global_load};

  std::vector<const feed_input*> order;
  order.reserve(feeds.size());
  for (const auto& f : feeds)
    order.push_back(&f);
  std::sort(order.begin(), order.end(), [](const feed_input* a, const feed_input* b) {
    return a->changefeed_id < b->changefeed_id;
  });

  std::vector<feed_plan> plans;
  plans.reserve(feeds.size());
  for (const auto* f : order)
    plans.push_back(plan_feed(*f, work));
  return plans;
}

} // namespace cdc::model::scheduling
