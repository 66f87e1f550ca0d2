// Go-compatible scalar parsing used for sink URI parameters.
#include <boost/test/unit_test.hpp>

#include "model/sink/go_parse.hpp"

using namespace cdc::model::sink;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(sink_go_parse)

BOOST_AUTO_TEST_CASE(parse_int_accepts_signs_and_digits) {
  BOOST_TEST(*parse_go_int("42") == 42);
  BOOST_TEST(*parse_go_int("+7") == 7);
  BOOST_TEST(*parse_go_int("-1") == -1);
}

BOOST_AUTO_TEST_CASE(parse_int_rejects_text_with_go_message) {
  auto r = parse_go_int("abc");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().text == R"(strconv.ParseInt: parsing "abc": invalid syntax)");
}

BOOST_AUTO_TEST_CASE(parse_int_checks_range_of_bit_size) {
  BOOST_TEST(*parse_go_int("32767", 16) == 32767);
  BOOST_TEST(*parse_go_int("-32768", 16) == -32768);
  auto r = parse_go_int("32768", 16);
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().text == R"(strconv.ParseInt: parsing "32768": value out of range)");
  BOOST_TEST(parse_go_int("99999999999999999999").has_error());
  BOOST_TEST(*parse_go_int("-9223372036854775808") == INT64_MIN);
}

BOOST_AUTO_TEST_CASE(atoi_names_itself_in_errors) {
  auto r = parse_go_atoi("1.5");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().text == R"(strconv.Atoi: parsing "1.5": invalid syntax)");
}

BOOST_AUTO_TEST_CASE(parse_bool_accepts_go_spellings_only) {
  for (auto t : {"1", "t", "T", "TRUE", "true", "True"})
    BOOST_TEST(*parse_go_bool(t) == true);
  for (auto f : {"0", "f", "F", "FALSE", "false", "False"})
    BOOST_TEST(*parse_go_bool(f) == false);
  auto r = parse_go_bool("yes");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().text == R"(strconv.ParseBool: parsing "yes": invalid syntax)");
}

BOOST_AUTO_TEST_CASE(parse_duration_reads_units_and_fractions) {
  BOOST_TEST(parse_go_duration("2m")->count() == std::chrono::nanoseconds{2min}.count());
  BOOST_TEST(parse_go_duration("1.5h")->count() == std::chrono::nanoseconds{90min}.count());
  BOOST_TEST(parse_go_duration("2h45m30s")->count()
             == std::chrono::nanoseconds{2h + 45min + 30s}.count());
  BOOST_TEST(parse_go_duration("300ms")->count() == 300'000'000);
  BOOST_TEST(parse_go_duration("10us")->count() == 10'000);
  BOOST_TEST(parse_go_duration("10\xC2\xB5s")->count() == 10'000);
  BOOST_TEST(parse_go_duration(".5s")->count() == 500'000'000);
  BOOST_TEST(parse_go_duration("-1s")->count() == -1'000'000'000);
  BOOST_TEST(parse_go_duration("0")->count() == 0);
}

BOOST_AUTO_TEST_CASE(parse_duration_reports_go_errors) {
  BOOST_TEST(parse_go_duration("").error().text == R"(time: invalid duration "")");
  BOOST_TEST(parse_go_duration("10").error().text == R"(time: missing unit in duration "10")");
  BOOST_TEST(parse_go_duration("10x").error().text == R"(time: unknown unit "x" in duration "10x")");
  BOOST_TEST(parse_go_duration("abc").error().text == R"(time: invalid duration "abc")");
  BOOST_TEST(parse_go_duration(".s").error().text == R"(time: invalid duration ".s")");
  BOOST_TEST(parse_go_duration("9999999999h").has_error()); // overflows int64 ns
}

BOOST_AUTO_TEST_CASE(go_quote_escapes_quotes_and_controls) {
  BOOST_TEST(go_quote("a\"b\\c\x01") == R"("a\"b\\c\x01")");
}

BOOST_AUTO_TEST_SUITE_END()
