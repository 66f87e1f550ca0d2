// Invalid UTF-8 becomes U+FFFD byte by byte, as Go's encoding/json writes it.
#include <boost/test/unit_test.hpp>

#include "model/json/utf8.hpp"

using cdc::model::json::replace_invalid_utf8;

namespace {

std::string repaired(std::string s) {
  replace_invalid_utf8(s);
  return s;
}

const std::string fffd = "\xEF\xBF\xBD";

} // namespace

BOOST_AUTO_TEST_SUITE(utf8)

BOOST_AUTO_TEST_CASE(valid_text_is_unchanged) {
  for (std::string s : {std::string(), std::string("plain ascii"), std::string("\xC3\xBC\xE2\x82\xAC\xF0\x9F\x98\x80"),
                        std::string("\xEF\xBF\xBD"), std::string("\xF4\x8F\xBF\xBF"), std::string("a\0b", 3)})
    BOOST_TEST(repaired(s) == s);
}

BOOST_AUTO_TEST_CASE(each_stray_byte_becomes_one_replacement_character) {
  BOOST_TEST(repaired("chx\xFF\xFE") == "chx" + fffd + fffd);
  BOOST_TEST(repaired("\x80") == fffd);
  BOOST_TEST(repaired("a\xC0\xAF" "b") == "a" + fffd + fffd + "b"); // overlong '/'
}

BOOST_AUTO_TEST_CASE(a_truncated_sequence_is_replaced_and_the_next_character_kept) {
  BOOST_TEST(repaired("\xE2\x82") == fffd + fffd);
  BOOST_TEST(repaired("\xE2\x82\"}") == fffd + fffd + "\"}");
  BOOST_TEST(repaired("x\xF0\x9F\x98") == "x" + fffd + fffd + fffd);
}

BOOST_AUTO_TEST_CASE(surrogates_and_code_points_past_u10ffff_are_invalid) {
  BOOST_TEST(repaired("\xED\xA0\x80") == fffd + fffd + fffd);
  BOOST_TEST(repaired("\xF4\x90\x80\x80") == fffd + fffd + fffd + fffd);
  BOOST_TEST(repaired("\xF5\x80\x80\x80") == fffd + fffd + fffd + fffd);
}

BOOST_AUTO_TEST_CASE(a_stray_byte_is_found_wherever_it_sits_in_a_long_ascii_text) {
  for (std::size_t at = 0; at < 40; ++at) {
    std::string text(40, 'a');
    text[at] = '\xFF';
    BOOST_TEST(repaired(text) == std::string(at, 'a') + fffd + std::string(39 - at, 'a'));
  }
  std::string long_valid = std::string(21, 'a') + "\xC3\xBC" + std::string(17, 'b');
  BOOST_TEST(repaired(long_valid) == long_valid);
}

BOOST_AUTO_TEST_SUITE_END()
