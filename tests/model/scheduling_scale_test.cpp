// The scheduler at the size the owner must handle quickly: 100,000 tables on
// 16 captures. Checks correctness only; the time is reported, not asserted.
#include "scheduling_support.hpp"

#include <chrono>

using namespace scheduling_test;

namespace {

std::vector<std::string> capture_names(int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i)
    out.push_back("capture-" + std::to_string(100 + i));
  return out;
}

template <class F>
auto timed(const char* what, F&& f) {
  auto start = std::chrono::steady_clock::now();
  auto result = f();
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  BOOST_TEST_MESSAGE(what << ": " << ms << " ms");
  return result;
}

} // namespace

BOOST_AUTO_TEST_SUITE(scheduling_scale)

BOOST_AUTO_TEST_CASE(hundred_thousand_tables_on_sixteen_captures_stay_balanced) {
  auto captures = capture_names(16);
  // Table IDs with gaps, as real table IDs have.
  std::vector<table_id> tables;
  for (table_id i = 0; i < 100'000; ++i)
    tables.push_back(1000 + i * 3);
  feed_input fresh{"big", feed_state::normal, tables, {}};
  auto first = timed("initial placement", [&] { return schedule_tables(std::span{&fresh, 1}, captures); });
  check_invariants(fresh, first[0], captures);
  BOOST_TEST(first[0].assignment[0].table_ids.size() == 6250u);

  // Lose one capture: only its 6,250 tables move, onto the other 15.
  std::vector<std::string> fewer(captures.begin() + 1, captures.end());
  feed_input after_loss{"big", feed_state::normal, tables, placed(first[0])};
  auto second = timed("capture loss", [&] { return schedule_tables(std::span{&after_loss, 1}, fewer); });
  check_invariants(after_loss, second[0], fewer);
  BOOST_TEST(second[0].moved == 0u);
  BOOST_TEST((apply_moves(after_loss, second[0]) == as_map(second[0])));

  // A capture joins: it takes its share (6,250) and nothing else moves.
  feed_input after_join{"big", feed_state::normal, tables, placed(second[0])};
  auto third = timed("capture join", [&] { return schedule_tables(std::span{&after_join, 1}, captures); });
  check_invariants(after_join, third[0], captures);
  BOOST_TEST(third[0].moved == 6250u);
}

BOOST_AUTO_TEST_CASE(many_feeds_totalling_a_hundred_thousand_tables) {
  auto captures = capture_names(16);
  std::vector<feed_input> feeds;
  for (int f = 0; f < 100; ++f)
    feeds.push_back({"cf-" + std::to_string(f), feed_state::normal,
                     range(f * 10'000, f * 10'000 + 1'000), {}});
  auto plans = timed("100 feeds", [&] { return schedule_tables(feeds, captures); });
  std::map<std::string, std::size_t> load;
  BOOST_REQUIRE(plans.size() == feeds.size());
  for (const auto& plan : plans) {
    // Plans come back in feed-ID order ("cf-10" before "cf-2").
    auto in = std::find_if(feeds.begin(), feeds.end(),
                           [&](const feed_input& f) { return f.changefeed_id == plan.changefeed_id; });
    check_invariants(*in, plan, captures);
    for (const auto& a : plan.assignment)
      load[a.capture_id] += a.table_ids.size();
  }
  std::size_t lo = SIZE_MAX, hi = 0;
  for (auto& [id, n] : load) {
    lo = std::min(lo, n);
    hi = std::max(hi, n);
  }
  BOOST_TEST(hi - lo <= 100u); // per-feed extras are spread, not piled on one capture
}

BOOST_AUTO_TEST_SUITE_END()
