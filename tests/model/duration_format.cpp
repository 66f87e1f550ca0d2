// Go's Duration.String() and %f seconds, as TiCDC prints durations in messages.
#include <boost/test/unit_test.hpp>

#include "model/duration.hpp"

using namespace cdc::model;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(duration_format)

BOOST_AUTO_TEST_CASE(zero_prints_as_zero_seconds) {
  BOOST_TEST(format_go_duration(duration{0}) == "0s");
}

BOOST_AUTO_TEST_CASE(whole_hours_print_minutes_and_seconds) {
  BOOST_TEST(format_go_duration(1h) == "1h0m0s");
  BOOST_TEST(format_go_duration(24h) == "24h0m0s");
}

BOOST_AUTO_TEST_CASE(minutes_print_seconds) {
  BOOST_TEST(format_go_duration(10min) == "10m0s");
  BOOST_TEST(format_go_duration(90s) == "1m30s");
}

BOOST_AUTO_TEST_CASE(seconds_print_alone) {
  BOOST_TEST(format_go_duration(30s) == "30s");
}

BOOST_AUTO_TEST_CASE(fractions_of_seconds_trim_trailing_zeros) {
  BOOST_TEST(format_go_duration(1500ms) == "1.5s");
  BOOST_TEST(format_go_duration(duration{1'000'000'001}) == "1.000000001s");
}

BOOST_AUTO_TEST_CASE(sub_second_durations_use_smaller_units) {
  BOOST_TEST(format_go_duration(500ms) == "500ms");
  BOOST_TEST(format_go_duration(1500us) == "1.5ms");
  BOOST_TEST(format_go_duration(1500ns) == "1.5\xC2\xB5s");
  BOOST_TEST(format_go_duration(100ns) == "100ns");
}

BOOST_AUTO_TEST_CASE(negative_durations_get_a_minus) {
  BOOST_TEST(format_go_duration(-30s) == "-30s");
  BOOST_TEST(format_go_duration(duration{INT64_MIN}) == "-2562047h47m16.854775808s");
}

BOOST_AUTO_TEST_CASE(string_form_parses_back_to_the_same_duration) {
  for (auto d : {duration{0}, duration{1}, duration(1500ns), duration(90min), duration(-7s),
                 duration{INT64_MAX}, duration{INT64_MIN}, duration{123456789012345}}) {
    auto back = parse_go_duration(format_go_duration(d));
    BOOST_TEST_REQUIRE(back.has_value());
    BOOST_TEST(back->count() == d.count());
  }
}

BOOST_AUTO_TEST_CASE(seconds_print_like_gos_percent_f) {
  BOOST_TEST(format_seconds_f(30min) == "1800.000000");
  BOOST_TEST(format_seconds_f(1500ms) == "1.500000");
}

BOOST_AUTO_TEST_SUITE_END()
