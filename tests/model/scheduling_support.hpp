// Test helpers for the table scheduler: invariant checks and applying a
// plan's moves to the previous placement.
#pragma once

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "model/scheduling/table_scheduler.hpp"

namespace scheduling_test {

using namespace cdc::model;
using namespace cdc::model::scheduling;

inline std::vector<table_id> range(table_id from, table_id to) {
  std::vector<table_id> out;
  for (auto t = from; t < to; ++t)
    out.push_back(t);
  return out;
}

inline std::vector<std::string> names(std::initializer_list<const char*> ids) {
  return {ids.begin(), ids.end()};
}

/// Each table of a running feed on exactly one eligible capture, per-feed
/// counts within one of each other, nothing for other feeds.
inline void check_invariants(const feed_input& in, const feed_plan& plan,
                             const std::vector<std::string>& captures) {
  if (!is_running(in.state) || captures.empty()) {
    for (const auto& a : plan.assignment)
      BOOST_TEST(a.table_ids.empty());
    return;
  }
  std::set<table_id> want(in.tables.begin(), in.tables.end());
  std::multiset<table_id> got;
  std::size_t lo = SIZE_MAX, hi = 0;
  BOOST_TEST(plan.assignment.size() == std::set<std::string>(captures.begin(), captures.end()).size());
  for (const auto& a : plan.assignment) {
    BOOST_TEST((std::find(captures.begin(), captures.end(), a.capture_id) != captures.end()));
    BOOST_TEST(std::is_sorted(a.table_ids.begin(), a.table_ids.end()));
    got.insert(a.table_ids.begin(), a.table_ids.end());
    lo = std::min(lo, a.table_ids.size());
    hi = std::max(hi, a.table_ids.size());
  }
  BOOST_TEST(got.size() == want.size()); // no table twice
  BOOST_TEST((std::set<table_id>(got.begin(), got.end()) == want));
  BOOST_TEST(hi - lo <= 1u);
  BOOST_TEST(plan.unplaced.empty());
}

/// The previous placement with the plan's moves applied, per capture.
inline std::map<std::string, std::set<table_id>> apply_moves(const feed_input& in, const feed_plan& plan) {
  std::map<std::string, std::set<table_id>> state;
  for (const auto& ct : in.current)
    state[ct.capture_id].insert(ct.table_ids.begin(), ct.table_ids.end());
  for (const auto& m : plan.moves) {
    for (auto t : m.remove)
      BOOST_TEST(state[m.capture_id].erase(t) == 1u); // only removes what is there
    for (auto t : m.add)
      BOOST_TEST(state[m.capture_id].insert(t).second); // only adds what is missing
  }
  std::erase_if(state, [](const auto& kv) { return kv.second.empty(); });
  return state;
}

/// The plan's assignment as the same map (captures without tables left out).
inline std::map<std::string, std::set<table_id>> as_map(const feed_plan& plan) {
  std::map<std::string, std::set<table_id>> out;
  for (const auto& a : plan.assignment)
    if (!a.table_ids.empty())
      out[a.capture_id].insert(a.table_ids.begin(), a.table_ids.end());
  return out;
}

/// The plan's assignment as the next round's `current`.
inline std::vector<capture_tables> placed(const feed_plan& plan) {
  return plan.assignment;
}

} // namespace scheduling_test
