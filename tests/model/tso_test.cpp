// PD timestamps and the time strings TiCDC prints for them.
#include <boost/test/unit_test.hpp>

#include "model/tso.hpp"
#include "tests/support/time_zone.hpp"

using namespace cdc::model;

using cdc::test::in_time_zone;

BOOST_AUTO_TEST_SUITE(tso)

BOOST_AUTO_TEST_CASE(compose_and_split_are_inverse) {
  auto ts = compose_tso(1677512812888, 2);
  BOOST_TEST(ts == 439749918821711874ull);
  BOOST_TEST(tso_physical_ms(ts) == 1677512812888);
  BOOST_TEST(tso_logical(ts) == 2u);
}

BOOST_AUTO_TEST_CASE(example_from_ticdc_tests) {
  BOOST_TEST(compose_tso(1701153217279, 0) == 445947108990386176ull);
}

BOOST_AUTO_TEST_CASE(logical_part_is_masked_to_18_bits) {
  BOOST_TEST(tso_logical(compose_tso(1, (1u << 18) + 5)) == 5u);
}

BOOST_AUTO_TEST_CASE(checkpoint_time_uses_local_zone_and_truncates_ms) {
  in_time_zone tz{"Asia/Shanghai"};
  BOOST_TEST(format_tso_time(439749918821711874ull) == "2023-02-27 23:46:52.888");
}

BOOST_AUTO_TEST_CASE(checkpoint_time_in_utc) {
  in_time_zone tz{"UTC"};
  BOOST_TEST(format_tso_time(439749918821711874ull) == "2023-02-27 15:46:52.888");
  BOOST_TEST(format_tso_time(0) == "1970-01-01 00:00:00.000");
}

BOOST_AUTO_TEST_CASE(parse_inverts_format_without_logical) {
  in_time_zone tz{"Asia/Shanghai"};
  auto parsed = parse_tso_time("2023-02-27 23:46:52.888");
  BOOST_REQUIRE(parsed.has_value());
  BOOST_TEST(*parsed == compose_tso(1677512812888, 0));
}

BOOST_AUTO_TEST_CASE(parse_rejects_malformed_time) {
  BOOST_TEST(!parse_tso_time("2023-02-27 23:46:52").has_value());
  BOOST_TEST(!parse_tso_time("2023-13-27 23:46:52.888").has_value());
  BOOST_TEST(!parse_tso_time("yesterday at noon, ok?").has_value());
}

BOOST_AUTO_TEST_CASE(time_to_tso_has_logical_zero) {
  auto t = std::chrono::system_clock::time_point{std::chrono::milliseconds{1677512812888}};
  BOOST_TEST(time_to_tso(t) == compose_tso(1677512812888, 0));
}

BOOST_AUTO_TEST_CASE(rfc3339_trims_fraction_and_prints_zone) {
  in_time_zone tz{"Asia/Shanghai"};
  auto t = std::chrono::system_clock::time_point{std::chrono::milliseconds{1677512812123}};
  BOOST_TEST(format_rfc3339(t) == "2023-02-27T23:46:52.123+08:00");
  in_time_zone utc{"UTC"};
  BOOST_TEST(format_rfc3339(std::chrono::system_clock::time_point{}) == "1970-01-01T00:00:00Z");
}

BOOST_AUTO_TEST_SUITE_END()
