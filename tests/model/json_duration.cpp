// Duration fields in JSON: a Go duration string or integer nanoseconds.
#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include "model/json/reader.hpp"

using namespace cdc::model;
using namespace std::chrono_literals;

namespace {

json::status read_duration(duration& d, std::string_view text) {
  return json::read(d, boost::json::parse(text), json::path{"sync_point_interval"});
}

} // namespace

BOOST_AUTO_TEST_SUITE(json_duration)

BOOST_AUTO_TEST_CASE(duration_strings_are_parsed) {
  duration d{};
  BOOST_TEST_REQUIRE(read_duration(d, R"("1h30m")").has_value());
  BOOST_TEST(d.count() == duration(90min).count());
}

BOOST_AUTO_TEST_CASE(integers_are_nanoseconds) {
  duration d{};
  BOOST_TEST_REQUIRE(read_duration(d, "600000000000").has_value());
  BOOST_TEST(d.count() == duration(10min).count());
}

BOOST_AUTO_TEST_CASE(negative_integers_are_allowed) {
  duration d{};
  BOOST_TEST_REQUIRE(read_duration(d, "-5").has_value());
  BOOST_TEST(d.count() == -5);
}

BOOST_AUTO_TEST_CASE(fractional_nanoseconds_are_truncated) {
  duration d{};
  BOOST_TEST_REQUIRE(read_duration(d, "1500.9").has_value());
  BOOST_TEST(d.count() == 1500);
  BOOST_TEST_REQUIRE(read_duration(d, "-2.7").has_value());
  BOOST_TEST(d.count() == -2);
}

BOOST_AUTO_TEST_CASE(nanoseconds_beyond_int64_are_rejected) {
  duration d{};
  auto st = read_duration(d, "9223372036854775808");
  BOOST_TEST_REQUIRE(!st.has_value());
  BOOST_TEST(st.error().message
             == "invalid api parameter: sync_point_interval: 9223372036854775808 is out of range for a duration in nanoseconds");
}

BOOST_AUTO_TEST_CASE(other_kinds_are_an_invalid_duration) {
  duration d{};
  for (auto text : {"true", "[]", "{}"}) {
    auto st = read_duration(d, text);
    BOOST_TEST_REQUIRE(!st.has_value());
    BOOST_TEST(st.error().message == "invalid api parameter: sync_point_interval: invalid duration");
  }
}

BOOST_AUTO_TEST_CASE(bad_strings_carry_gos_parse_error) {
  duration d{};
  auto st = read_duration(d, R"("10 minutes")");
  BOOST_TEST_REQUIRE(!st.has_value());
  BOOST_TEST(st.error().message
             == R"(invalid api parameter: sync_point_interval: time: unknown unit " minutes" in duration "10 minutes")");
}

BOOST_AUTO_TEST_SUITE_END()
