// The changefeed error back-off (reference 5.4: 10 s ×2 up to 10 min, ±10 %,
// stop at changefeed_error_stuck_duration).
#include <boost/test/unit_test.hpp>

#include <vector>

#include "model/changefeed/backoff.hpp"

using namespace cdc::model;
using namespace std::chrono_literals;

namespace {

const backoff::time_point t0 = backoff::time_point{} + 1h;

long secs(std::chrono::nanoseconds d) {
  return static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(d).count());
}

} // namespace

BOOST_AUTO_TEST_SUITE(backoff_sequence)

BOOST_AUTO_TEST_CASE(middle_draw_gives_the_nominal_sequence_capped_at_ten_minutes) {
  // All draws at the same instant, so only the interval cap applies.
  backoff b{changefeed_backoff_policy(24h)};
  b.reset(t0);
  std::vector<long> got;
  for (int i = 0; i < 9; ++i)
    got.push_back(secs(*b.next_interval(t0, 0.5)));
  std::vector<long> want{10, 20, 40, 80, 160, 320, 600, 600, 600};
  BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(retrying_at_each_interval_stops_at_the_stuck_duration) {
  // Retrying when each wait ends: 10+20+40+80+160+320+600 = 1230 s elapsed;
  // the next 600 s would end at 1830 s > 30 min, so the feed fails then.
  backoff b;
  b.reset(t0);
  auto now = t0;
  std::vector<long> got;
  while (auto wait = b.next_interval(now, 0.5)) {
    got.push_back(secs(*wait));
    now += *wait;
  }
  std::vector<long> want{10, 20, 40, 80, 160, 320, 600};
  BOOST_TEST(got == want, boost::test_tools::per_element());
  BOOST_TEST(secs(b.elapsed(now)) == 1230);
}

BOOST_AUTO_TEST_CASE(jitter_stays_within_ten_percent) {
  backoff low, high;
  low.reset(t0);
  high.reset(t0);
  BOOST_TEST(low.next_interval(t0, 0.0)->count() == std::chrono::nanoseconds{9s}.count());
  // The +1 ns of Go's formula: the top of the range is 11 s minus a hair.
  BOOST_TEST(secs(*high.next_interval(t0, 0.999999)) == 10);
  BOOST_TEST(high.next_interval(t0, 0.999999)->count() > std::chrono::nanoseconds{21s}.count());
}

BOOST_AUTO_TEST_CASE(next_gives_the_retry_time) {
  backoff b;
  b.reset(t0);
  BOOST_TEST((*b.next(t0, 0.5) == t0 + 10s));
}

BOOST_AUTO_TEST_CASE(reset_starts_a_new_episode) {
  backoff b;
  b.reset(t0);
  (void)b.next_interval(t0, 0.5);
  (void)b.next_interval(t0, 0.5);
  BOOST_TEST(secs(b.current_interval()) == 40);
  b.reset(t0 + 5min);
  BOOST_TEST(secs(b.current_interval()) == 10);
  BOOST_TEST(secs(*b.next_interval(t0 + 5min, 0.5)) == 10);
}

BOOST_AUTO_TEST_CASE(first_draw_starts_an_unstarted_episode) {
  backoff b;
  BOOST_TEST(!b.started());
  BOOST_TEST(secs(*b.next_interval(t0, 0.5)) == 10);
  BOOST_TEST(b.started());
  BOOST_TEST(b.elapsed(t0 + 3s).count() == std::chrono::nanoseconds{3s}.count());
}

BOOST_AUTO_TEST_CASE(a_wait_that_would_pass_the_budget_is_refused) {
  backoff b; // 30 min budget
  b.reset(t0);
  BOOST_TEST(!b.next_interval(t0 + 1795s, 0.5).has_value()); // 1795 + 10 > 1800
}

BOOST_AUTO_TEST_CASE(longer_stuck_duration_allows_more_retries) {
  backoff b{changefeed_backoff_policy(2h)};
  b.reset(t0);
  auto now = t0;
  int retries = 0;
  while (auto wait = b.next_interval(now, 0.5)) {
    ++retries;
    now += *wait;
  }
  // 1230 s for the first seven, then 600 s each while 1230 + 600k <= 7200.
  BOOST_TEST(retries == 7 + 9);
}

BOOST_AUTO_TEST_CASE(zero_budget_never_gives_up) {
  backoff_policy p;
  p.max_elapsed = 0ns;
  backoff b{p};
  b.reset(t0);
  BOOST_TEST(b.next_interval(t0 + 1000h, 0.5).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
