// Go duration strings as TiCDC's duration fields read them (time.ParseDuration).
#include <boost/test/unit_test.hpp>

#include "model/duration.hpp"

using namespace cdc::model;
using namespace std::chrono_literals;

namespace {

duration parsed(std::string_view text) {
  auto d = parse_go_duration(text);
  BOOST_TEST_REQUIRE(d.has_value(), "parse of '" << text << "' failed");
  return *d;
}

std::string error_of(std::string_view text) {
  auto d = parse_go_duration(text);
  BOOST_TEST_REQUIRE(!d.has_value(), "'" << text << "' parsed but should not");
  BOOST_TEST((d.error().kind == api_error::api_invalid_param));
  return d.error().message;
}

} // namespace

BOOST_AUTO_TEST_SUITE(duration_parse)

BOOST_AUTO_TEST_CASE(minutes_parse) {
  BOOST_TEST(parsed("10m").count() == duration(10min).count());
}

BOOST_AUTO_TEST_CASE(hours_and_minutes_add_up) {
  BOOST_TEST(parsed("1h30m").count() == duration(90min).count());
}

BOOST_AUTO_TEST_CASE(fractional_hours_are_exact_to_the_nanosecond) {
  BOOST_TEST(parsed("1.5h").count() == duration(90min).count());
}

BOOST_AUTO_TEST_CASE(milliseconds_parse) {
  BOOST_TEST(parsed("500ms").count() == duration(500ms).count());
}

BOOST_AUTO_TEST_CASE(bare_zero_needs_no_unit) {
  BOOST_TEST(parsed("0").count() == 0);
  BOOST_TEST(parsed("-0").count() == 0);
}

BOOST_AUTO_TEST_CASE(leading_minus_negates) {
  BOOST_TEST(parsed("-2s").count() == duration(-2s).count());
}

BOOST_AUTO_TEST_CASE(leading_plus_is_accepted) {
  BOOST_TEST(parsed("+3s").count() == duration(3s).count());
}

BOOST_AUTO_TEST_CASE(every_unit_is_known) {
  BOOST_TEST(parsed("7ns").count() == 7);
  BOOST_TEST(parsed("7us").count() == 7'000);
  BOOST_TEST(parsed("7\xC2\xB5s").count() == 7'000);  // micro sign
  BOOST_TEST(parsed("7\xCE\xBCs").count() == 7'000);  // Greek mu
  BOOST_TEST(parsed("7ms").count() == 7'000'000);
  BOOST_TEST(parsed("7s").count() == duration(7s).count());
  BOOST_TEST(parsed("7m").count() == duration(7min).count());
  BOOST_TEST(parsed("7h").count() == duration(7h).count());
}

BOOST_AUTO_TEST_CASE(fraction_without_integer_part_parses) {
  BOOST_TEST(parsed(".5s").count() == duration(500ms).count());
  BOOST_TEST(parsed("1.s").count() == duration(1s).count());
}

BOOST_AUTO_TEST_CASE(same_unit_twice_adds) {
  BOOST_TEST(parsed("1h1h").count() == duration(2h).count());
}

BOOST_AUTO_TEST_CASE(int64_extremes_parse) {
  BOOST_TEST(parsed("9223372036854775807ns").count() == INT64_MAX);
  BOOST_TEST(parsed("-9223372036854775808ns").count() == INT64_MIN);
}

BOOST_AUTO_TEST_CASE(missing_unit_is_rejected_with_gos_message) {
  BOOST_TEST(error_of("1") == R"(time: missing unit in duration "1")");
}

BOOST_AUTO_TEST_CASE(unknown_unit_is_rejected_with_gos_message) {
  BOOST_TEST(error_of("1x") == R"(time: unknown unit "x" in duration "1x")");
  BOOST_TEST(error_of("3d") == R"(time: unknown unit "d" in duration "3d")");
}

BOOST_AUTO_TEST_CASE(junk_is_an_invalid_duration) {
  BOOST_TEST(error_of("") == R"(time: invalid duration "")");
  BOOST_TEST(error_of("-") == R"(time: invalid duration "-")");
  BOOST_TEST(error_of("abc") == R"(time: invalid duration "abc")");
  BOOST_TEST(error_of(".s") == R"(time: invalid duration ".s")");
  BOOST_TEST(error_of(" 1s") == R"(time: invalid duration " 1s")");
}

BOOST_AUTO_TEST_CASE(overflow_is_an_invalid_duration) {
  BOOST_TEST(error_of("9223372036854775808ns") == R"(time: invalid duration "9223372036854775808ns")");
  // 2562048h is just past the largest representable duration (~2562047.8h).
  BOOST_TEST(error_of("2562048h") == R"(time: invalid duration "2562048h")");
  BOOST_TEST(error_of("99999999999999999999s") == R"(time: invalid duration "99999999999999999999s")");
}

BOOST_AUTO_TEST_SUITE_END()
