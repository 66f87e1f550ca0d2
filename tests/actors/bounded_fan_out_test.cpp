// A fan-out over many actors keeps at most a window of requests unanswered,
// starts them in order, and finishes once, however the answers come.
#include <deque>
#include <functional>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "actors/bounded_fan_out.hpp"

using cdc::actors::bounded_fan_out;

BOOST_AUTO_TEST_SUITE(bounded_fan_out_suite)

BOOST_AUTO_TEST_CASE(at_most_a_window_is_unanswered_and_the_end_runs_once) {
  std::deque<std::function<void()>> unanswered;
  std::vector<std::size_t> started;
  std::size_t most = 0, ends = 0;
  bounded_fan_out(
    10, 3,
    [&](std::size_t i, std::function<void()> done) {
      started.push_back(i);
      unanswered.push_back(std::move(done));
      most = std::max(most, unanswered.size());
    },
    [&] { ++ends; });
  BOOST_TEST(started == (std::vector<std::size_t>{0, 1, 2}));
  // Answers out of order: the newest first.
  while (!unanswered.empty()) {
    BOOST_TEST(ends == 0u);
    auto done = std::move(unanswered.back());
    unanswered.pop_back();
    done();
  }
  BOOST_TEST(started == (std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
  BOOST_TEST(most == 3u);
  BOOST_TEST(ends == 1u);
}

BOOST_AUTO_TEST_CASE(answers_given_at_once_do_not_nest) {
  // A million requests answered inside `start` (feeds gone since): each one
  // only counts, so the stack stays flat and the end still runs once.
  std::size_t started = 0, ends = 0;
  bounded_fan_out(
    1'000'000, 128,
    [&](std::size_t, std::function<void()> done) {
      ++started;
      done();
    },
    [&] { ++ends; });
  BOOST_TEST(started == 1'000'000u);
  BOOST_TEST(ends == 1u);
}

BOOST_AUTO_TEST_CASE(nothing_to_ask_ends_at_once) {
  std::size_t ends = 0;
  bounded_fan_out(
    0, 128, [](std::size_t, std::function<void()>) { BOOST_FAIL("nothing to start"); }, [&] { ++ends; });
  BOOST_TEST(ends == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
