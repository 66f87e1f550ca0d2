// The latency histogram: exact small values, bounded relative error, exact
// extremes, quantiles of known distributions, merging.
#include <boost/test/unit_test.hpp>

#include "tools/load/histogram.hpp"

using cdc::load::histogram;

BOOST_AUTO_TEST_SUITE(load_histogram)

BOOST_AUTO_TEST_CASE(an_empty_histogram_reports_zeros) {
  histogram h;
  BOOST_TEST(h.count() == 0u);
  BOOST_TEST(h.min() == 0u);
  BOOST_TEST(h.max() == 0u);
  BOOST_TEST(h.mean() == 0.0);
  BOOST_TEST(h.quantile(0.99) == 0u);
}

BOOST_AUTO_TEST_CASE(values_below_128_microseconds_are_exact) {
  for (std::uint64_t v = 0; v < 128; ++v) {
    BOOST_TEST(histogram::lowest_in(histogram::index_of(v)) == v);
    BOOST_TEST(histogram::highest_in(histogram::index_of(v)) == v);
  }
}

BOOST_AUTO_TEST_CASE(every_bucket_is_narrower_than_one_percent_of_its_values) {
  for (std::size_t i = 128; i < histogram::bucket_count(); ++i) {
    auto lo = histogram::lowest_in(i), hi = histogram::highest_in(i);
    BOOST_TEST(histogram::index_of(lo) == i);
    BOOST_TEST(histogram::index_of(hi) == i);
    BOOST_TEST(static_cast<double>(hi - lo) / static_cast<double>(lo) < 0.01);
  }
}

BOOST_AUTO_TEST_CASE(buckets_tile_the_range_without_gaps) {
  for (std::size_t i = 1; i < histogram::bucket_count(); ++i)
    BOOST_TEST(histogram::lowest_in(i) == histogram::highest_in(i - 1) + 1);
}

BOOST_AUTO_TEST_CASE(min_max_and_mean_are_exact) {
  histogram h;
  for (std::uint64_t v : {1234567u, 89u, 5000u})
    h.record(v);
  BOOST_TEST(h.min() == 89u);
  BOOST_TEST(h.max() == 1234567u);
  BOOST_TEST(h.mean() == (1234567.0 + 89 + 5000) / 3);
}

BOOST_AUTO_TEST_CASE(quantiles_of_a_uniform_run_are_within_one_percent) {
  histogram h;
  for (std::uint64_t v = 1; v <= 100'000; ++v)
    h.record(v);
  for (double q : {0.5, 0.9, 0.99, 0.999}) {
    auto expected = q * 100'000;
    BOOST_TEST(std::abs(static_cast<double>(h.quantile(q)) - expected) / expected < 0.01, "q=" << q);
  }
  BOOST_TEST(h.quantile(1.0) == 100'000u);
  BOOST_TEST(h.quantile(0.0) == 1u);
}

BOOST_AUTO_TEST_CASE(a_single_outlier_is_the_max_but_not_the_p99) {
  histogram h;
  for (int i = 0; i < 999; ++i)
    h.record(std::uint64_t{1000});
  h.record(std::uint64_t{5'000'000});
  BOOST_TEST(h.quantile(0.99) >= 990u);
  BOOST_TEST(h.quantile(0.99) <= 1010u);
  BOOST_TEST(h.max() == 5'000'000u);
}

BOOST_AUTO_TEST_CASE(nanoseconds_round_to_the_nearest_microsecond) {
  histogram h;
  h.record(std::chrono::nanoseconds(1499));
  h.record(std::chrono::nanoseconds(1500));
  BOOST_TEST(h.min() == 1u);
  BOOST_TEST(h.max() == 2u);
}

BOOST_AUTO_TEST_CASE(huge_values_land_in_the_top_bucket_and_keep_their_max) {
  histogram h;
  h.record(~std::uint64_t{0} / 2);
  BOOST_TEST(h.count() == 1u);
  BOOST_TEST(h.max() == ~std::uint64_t{0} / 2);
}

BOOST_AUTO_TEST_CASE(merging_equals_recording_everything_in_one) {
  histogram a, b, all;
  for (std::uint64_t v = 1; v < 5000; v += 7) {
    (v % 2 ? a : b).record(v);
    all.record(v);
  }
  a.merge(b);
  BOOST_TEST(a.count() == all.count());
  BOOST_TEST(a.min() == all.min());
  BOOST_TEST(a.max() == all.max());
  BOOST_TEST(a.mean() == all.mean());
  for (double q : {0.1, 0.5, 0.9, 0.99})
    BOOST_TEST(a.quantile(q) == all.quantile(q));
}

BOOST_AUTO_TEST_CASE(reset_forgets_everything) {
  histogram h;
  h.record(std::uint64_t{42});
  h.reset();
  BOOST_TEST(h.count() == 0u);
  BOOST_TEST(h.max() == 0u);
  BOOST_TEST(h.quantile(0.5) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
