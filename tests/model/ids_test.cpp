// TiCDC's naming rule for changefeed IDs, namespaces and capture IDs.
#include <boost/test/unit_test.hpp>

#include "model/ids.hpp"
#include "tests/support/printers.hpp"

using namespace cdc::model;

BOOST_AUTO_TEST_SUITE(ids)

BOOST_AUTO_TEST_CASE(valid_ids_from_ticdc_docs_pass) {
  for (auto id : {"test1", "simple-changefeed-task", "550e8400-e29b-41d4-a716-446655440000", "A", "a-b-c",
                  "Test"})
    BOOST_TEST(is_valid_id(id), id);
}

BOOST_AUTO_TEST_CASE(invalid_ids_from_ticdc_tests_fail) {
  for (auto id : {"abdc/sss", "@^Invalid", "Invalid_", "-a", "a-", "a--b", "", "a.b", "a b", "café"})
    BOOST_TEST(!is_valid_id(id), id);
}

BOOST_AUTO_TEST_CASE(length_limit_is_128_bytes) {
  BOOST_TEST(is_valid_id(std::string(128, 'a')));
  BOOST_TEST(!is_valid_id(std::string(129, 'a')));
}

BOOST_AUTO_TEST_CASE(the_error_says_which_rule_failed) {
  BOOST_TEST(explain_invalid_id("test_resolveLock").find("'_' at position 4") != std::string::npos);
  BOOST_TEST(explain_invalid_id("a--b").find("two '-'") != std::string::npos);
  BOOST_TEST(explain_invalid_id(std::string(129, 'a')).find("129") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(check_id_gives_ticdc_prefix_and_code) {
  auto r = check_id("changefeed_id", "bad_id");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().kind == api_error::api_invalid_param);
  BOOST_TEST(r.error().message.starts_with("invalid changefeed_id: bad_id ("));
  BOOST_TEST(check_id("changefeed_id", "good-id").value() == "good-id");
}

BOOST_AUTO_TEST_CASE(uuid_v4_has_version_and_variant_bits_and_passes_the_id_rule) {
  auto id = make_uuid_v4(0xFFFFFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFFFull);
  BOOST_TEST(id.size() == 36u);
  BOOST_TEST(id[14] == '4');
  BOOST_TEST((id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b'));
  BOOST_TEST(is_valid_id(id));
  BOOST_TEST(make_uuid_v4(0, 0) == "00000000-0000-4000-8000-000000000000");
}

BOOST_AUTO_TEST_SUITE_END()
