// Table placement across captures (reference 8.3; api.md: balanced at all
// times): joins, losses, new and removed feeds, imbalanced input, determinism.
#include "scheduling_support.hpp"

using namespace scheduling_test;

namespace {

feed_plan one(const feed_input& in, const std::vector<std::string>& captures) {
  auto plans = schedule_tables(std::span{&in, 1}, captures);
  BOOST_REQUIRE(plans.size() == 1u);
  check_invariants(in, plans[0], captures);
  BOOST_TEST((apply_moves(in, plans[0]) == as_map(plans[0])));
  return plans[0];
}

std::vector<std::size_t> counts(const feed_plan& p) {
  std::vector<std::size_t> out;
  for (const auto& a : p.assignment)
    out.push_back(a.table_ids.size());
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(scheduling)

BOOST_AUTO_TEST_CASE(new_feed_spreads_its_tables_evenly) {
  feed_input in{"cf", feed_state::normal, range(1, 11), {}};
  auto p = one(in, names({"a", "b", "c"}));
  BOOST_TEST(counts(p) == (std::vector<std::size_t>{4, 3, 3}), boost::test_tools::per_element());
  BOOST_TEST(p.moved == 0u);
  BOOST_TEST(p.moves.size() == 3u);
}

BOOST_AUTO_TEST_CASE(ties_go_to_the_lowest_capture_id) {
  feed_input in{"cf", feed_state::normal, {7}, {}};
  auto p = one(in, names({"c", "a", "b"}));
  BOOST_TEST(p.assignment[0].capture_id == "a");
  BOOST_TEST(p.assignment[0].table_ids == (std::vector<table_id>{7}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(balanced_assignment_is_left_alone) {
  feed_input in{"cf", feed_state::normal, range(1, 7),
                {{"a", {1, 4}}, {"b", {2, 5}}, {"c", {3, 6}}}};
  auto p = one(in, names({"a", "b", "c"}));
  BOOST_TEST(p.moves.empty());
  BOOST_TEST(p.assignment[0].table_ids == (std::vector<table_id>{1, 4}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(joining_capture_takes_only_its_share) {
  feed_input in{"cf", feed_state::normal, range(0, 12),
                {{"a", range(0, 4)}, {"b", range(4, 8)}, {"c", range(8, 12)}}};
  auto p = one(in, names({"a", "b", "c", "d"}));
  BOOST_TEST(counts(p) == (std::vector<std::size_t>{3, 3, 3, 3}), boost::test_tools::per_element());
  BOOST_TEST(p.moved == 3u); // one from each old capture, no more
  BOOST_TEST(p.moves.back().capture_id == "d");
  BOOST_TEST(p.moves.back().add.size() == 3u);
}

BOOST_AUTO_TEST_CASE(lost_capture_tables_spread_over_the_rest) {
  feed_input in{"cf", feed_state::normal, range(0, 9),
                {{"a", range(0, 3)}, {"b", range(3, 6)}, {"dead", range(6, 9)}}};
  auto p = one(in, names({"a", "b"}));
  BOOST_TEST(counts(p) == (std::vector<std::size_t>{5, 4}), boost::test_tools::per_element());
  BOOST_TEST(p.moved == 0u); // nothing moved between the survivors
  auto dead = std::find_if(p.moves.begin(), p.moves.end(), [](auto& m) { return m.capture_id == "dead"; });
  BOOST_REQUIRE(dead != p.moves.end());
  BOOST_TEST(dead->remove == range(6, 9), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(draining_capture_is_emptied) {
  // A stopping capture is simply not eligible.
  feed_input in{"cf", feed_state::normal, range(0, 4), {{"a", {0, 1}}, {"stopping", {2, 3}}}};
  auto p = one(in, names({"a", "b"}));
  BOOST_TEST(as_map(p).count("stopping") == 0u);
  BOOST_TEST(counts(p) == (std::vector<std::size_t>{2, 2}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(new_tables_go_to_the_least_loaded_capture) {
  feed_input in{"cf", feed_state::normal, range(0, 5), {{"a", {0, 1}}, {"b", {2}}, {"c", {3}}}};
  auto p = one(in, names({"a", "b", "c"}));
  BOOST_TEST(p.moved == 0u);
  BOOST_TEST(p.moves.size() == 1u);
  BOOST_TEST(p.moves[0].capture_id == "b"); // b and c tie at 1; b sorts first
  BOOST_TEST(p.moves[0].add == (std::vector<table_id>{4}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(dropped_tables_are_removed) {
  feed_input in{"cf", feed_state::normal, {1, 2}, {{"a", {1, 9}}, {"b", {2}}}};
  auto p = one(in, names({"a", "b"}));
  BOOST_REQUIRE(p.moves.size() == 1u);
  BOOST_TEST(p.moves[0].remove == (std::vector<table_id>{9}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(stopped_failed_finished_and_removed_feeds_hold_no_tables) {
  for (auto state : {feed_state::stopped, feed_state::failed, feed_state::finished, feed_state::removed}) {
    feed_input in{"cf", state, range(0, 4), {{"a", {0, 1}}, {"b", {2, 3}}}};
    auto p = one(in, names({"a", "b"}));
    BOOST_TEST(p.assignment.empty());
    BOOST_TEST(apply_moves(in, p).empty());
  }
}

BOOST_AUTO_TEST_CASE(feed_in_error_keeps_its_tables) {
  feed_input in{"cf", feed_state::error, range(0, 4), {{"a", {0, 1}}, {"b", {2, 3}}}};
  auto p = one(in, names({"a", "b"}));
  BOOST_TEST(p.moves.empty());
}

BOOST_AUTO_TEST_CASE(imbalanced_input_is_balanced_with_the_fewest_moves) {
  feed_input in{"cf", feed_state::normal, range(0, 10), {{"a", range(0, 10)}}};
  auto p = one(in, names({"a", "b", "c"}));
  BOOST_TEST(counts(p) == (std::vector<std::size_t>{4, 3, 3}), boost::test_tools::per_element());
  BOOST_TEST(p.moved == 6u); // a keeps the largest share
  BOOST_TEST(p.assignment[0].table_ids == range(0, 4), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(extra_table_stays_with_a_capture_that_already_has_it) {
  // 7 tables on 2 captures: the 4-table quota goes to b, which keeps 5, so
  // only one table moves.
  feed_input in{"cf", feed_state::normal, range(0, 7), {{"a", {0, 1}}, {"b", range(2, 7)}}};
  auto p = one(in, names({"a", "b"}));
  BOOST_TEST(p.moved == 1u);
  BOOST_TEST(counts(p) == (std::vector<std::size_t>{3, 4}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(table_on_two_captures_ends_up_on_one) {
  feed_input in{"cf", feed_state::normal, {1, 2}, {{"a", {1}}, {"b", {1, 2}}}};
  auto p = one(in, names({"a", "b"}));
  BOOST_TEST(p.moves.size() == 1u);
  BOOST_TEST(p.moves[0].capture_id == "b");
  BOOST_TEST(p.moves[0].remove == (std::vector<table_id>{1}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(without_captures_every_table_is_unplaced) {
  feed_input in{"cf", feed_state::normal, {3, 1, 2}, {{"gone", {1}}}};
  auto plans = schedule_tables(std::span{&in, 1}, std::vector<std::string>{});
  BOOST_TEST(plans[0].unplaced == (std::vector<table_id>{1, 2, 3}), boost::test_tools::per_element());
  BOOST_TEST(plans[0].assignment.empty());
  BOOST_TEST(plans[0].moves.size() == 1u);
}

BOOST_AUTO_TEST_CASE(small_feeds_spread_across_captures_overall) {
  std::vector<feed_input> feeds;
  for (int i = 0; i < 10; ++i)
    feeds.push_back({"cf" + std::to_string(i), feed_state::normal, {i}, {}});
  auto plans = schedule_tables(feeds, names({"a", "b", "c", "d"}));
  std::map<std::string, int> load;
  for (const auto& p : plans)
    for (const auto& a : p.assignment)
      load[a.capture_id] += static_cast<int>(a.table_ids.size());
  BOOST_TEST(load["a"] == 3);
  BOOST_TEST(load["b"] == 3);
  BOOST_TEST(load["c"] == 2);
  BOOST_TEST(load["d"] == 2);
}

BOOST_AUTO_TEST_CASE(plans_come_back_sorted_by_feed_id) {
  std::vector<feed_input> feeds{{"z", feed_state::normal, {1}, {}}, {"a", feed_state::normal, {2}, {}}};
  auto plans = schedule_tables(feeds, names({"x"}));
  BOOST_TEST(plans[0].changefeed_id == "a");
  BOOST_TEST(plans[1].changefeed_id == "z");
}

BOOST_AUTO_TEST_CASE(same_input_in_any_order_gives_the_same_plan) {
  std::vector<feed_input> feeds{
    {"cf1", feed_state::normal, {5, 3, 9, 1, 7, 2}, {{"b", {9, 3}}, {"a", {5, 1, 7}}, {"lost", {2}}}},
    {"cf2", feed_state::normal, range(100, 113), {{"c", range(100, 113)}}}};
  std::vector<feed_input> shuffled{
    {"cf2", feed_state::normal, {112, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111},
     {{"c", {101, 100, 112, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111}}}},
    {"cf1", feed_state::normal, {9, 1, 7, 3, 5, 2, 2}, {{"lost", {2}}, {"a", {7, 5, 1}}, {"b", {3, 9}}}}};
  auto p1 = schedule_tables(feeds, names({"a", "b", "c"}));
  auto p2 = schedule_tables(shuffled, names({"c", "b", "a", "b"}));
  BOOST_REQUIRE(p1.size() == p2.size());
  for (std::size_t i = 0; i < p1.size(); ++i) {
    BOOST_TEST((p1[i].assignment == p2[i].assignment));
    BOOST_TEST((p1[i].moves == p2[i].moves));
  }
}

BOOST_AUTO_TEST_CASE(rescheduling_a_plan_moves_nothing) {
  feed_input in{"cf", feed_state::normal, range(0, 50), {{"a", range(0, 50)}}};
  auto first = one(in, names({"a", "b", "c", "d"}));
  feed_input again{"cf", feed_state::normal, range(0, 50), placed(first)};
  auto second = one(again, names({"a", "b", "c", "d"}));
  BOOST_TEST(second.moves.empty());
}

BOOST_AUTO_TEST_CASE(a_pinned_table_moves_and_the_balance_moves_another) {
  auto caps = names({"a", "b"});
  feed_input in{"cf", feed_state::normal, range(1, 5), {{"a", {1, 2}}, {"b", {3, 4}}}};
  in.pinned = {{1, "b"}};
  auto p = one(in, caps);
  check_invariants(in, p, caps);
  // Table 1 went to b; b's highest other table came back to keep 2 and 2.
  BOOST_TEST(p.assignment.at(0).table_ids == (std::vector<table_id>{2, 4}), boost::test_tools::per_element());
  BOOST_TEST(p.assignment.at(1).table_ids == (std::vector<table_id>{1, 3}), boost::test_tools::per_element());
  BOOST_TEST(p.moved == 2u);
}

BOOST_AUTO_TEST_CASE(a_pin_to_an_unknown_capture_or_table_is_ignored) {
  auto caps = names({"a", "b"});
  feed_input in{"cf", feed_state::normal, range(1, 5), {{"a", {1, 2}}, {"b", {3, 4}}}};
  in.pinned = {{1, "zz"}, {99, "b"}};
  auto p = one(in, caps);
  BOOST_TEST(p.moves.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(scheduling_other_load)

BOOST_AUTO_TEST_CASE(ties_go_to_the_capture_least_loaded_by_other_feeds) {
  auto caps = names({"c1", "c2", "c3"});
  feed_input one{"small", feed_state::normal, {7}, {}};
  capture_load other{{"c1", 5}, {"c2", 0}, {"c3", 2}};
  auto plan = schedule_tables(std::span{&one, 1}, caps, other).at(0);
  BOOST_TEST(plan.assignment.at(1).table_ids == (std::vector<table_id>{7}));
  BOOST_TEST(plan.assignment.at(0).table_ids.empty());
}

BOOST_AUTO_TEST_CASE(without_other_load_ties_go_by_capture_id) {
  auto caps = names({"c1", "c2", "c3"});
  feed_input one{"small", feed_state::normal, {7}, {}};
  auto plan = schedule_tables(std::span{&one, 1}, caps).at(0);
  BOOST_TEST(plan.assignment.at(0).table_ids == (std::vector<table_id>{7}));
}

BOOST_AUTO_TEST_CASE(other_load_never_breaks_the_per_feed_balance) {
  auto caps = names({"c1", "c2"});
  feed_input feed{"f", feed_state::normal, range(1, 11), {}};
  capture_load other{{"c1", 1000}};
  auto plan = schedule_tables(std::span{&feed, 1}, caps, other).at(0);
  check_invariants(feed, plan, caps);
}

BOOST_AUTO_TEST_SUITE_END()
