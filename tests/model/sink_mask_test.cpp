// Masking of sink URIs in responses and in error messages (reference 7.3 and
// api.md "Where we go beyond TiCDC").
#include <boost/test/unit_test.hpp>

#include "model/sink/mask.hpp"

using namespace cdc::model::sink;

BOOST_AUTO_TEST_SUITE(sink_mask)

BOOST_AUTO_TEST_CASE(display_masks_the_userinfo_password) {
  BOOST_TEST(mask_for_display("mysql://root:123456@127.0.0.1:3306")
             == "mysql://root:xxxxx@127.0.0.1:3306");
}

BOOST_AUTO_TEST_CASE(display_keeps_a_user_without_password) {
  BOOST_TEST(mask_for_display("mysql://root@127.0.0.1:3306/") == "mysql://root@127.0.0.1:3306/");
}

BOOST_AUTO_TEST_CASE(display_masks_an_empty_password_too) {
  BOOST_TEST(mask_for_display("mysql://root:@h:3306/") == "mysql://root:xxxxx@h:3306/");
}

BOOST_AUTO_TEST_CASE(display_masks_sasl_password_and_sorts_the_query) {
  BOOST_TEST(mask_for_display("kafka://127.0.0.1:9092/t?sasl-user=u&sasl-password=p&protocol=canal-json")
             == "kafka://127.0.0.1:9092/t?protocol=canal-json&sasl-password=xxxxx&sasl-user=u");
}

BOOST_AUTO_TEST_CASE(display_leaves_a_query_without_secrets_as_written) {
  BOOST_TEST(mask_for_display("kafka://h:9092/t?protocol=canal-json&a=b%20c")
             == "kafka://h:9092/t?protocol=canal-json&a=b%20c");
}

BOOST_AUTO_TEST_CASE(display_masks_other_secret_looking_keys) {
  BOOST_TEST(mask_for_display("s3://bucket/prefix?access-key=AK&secret-access-key=SK&region=us")
             == "s3://bucket/prefix?access-key=xxxxx&region=us&secret-access-key=xxxxx");
  BOOST_TEST(mask_for_display("azure://c/p?account-key=K&sas-token=T")
             == "azure://c/p?account-key=xxxxx&sas-token=xxxxx");
}

BOOST_AUTO_TEST_CASE(display_shows_paths_and_ids_that_are_not_secrets) {
  BOOST_TEST(is_secret_display_key("sasl-password"));
  BOOST_TEST(is_secret_display_key("Token"));
  BOOST_TEST(!is_secret_display_key("ssl-key"));
  BOOST_TEST(!is_secret_display_key("kafka-client-id"));
  BOOST_TEST(!is_secret_display_key("protocol"));
}

BOOST_AUTO_TEST_CASE(display_keeps_blackhole_uri_text) {
  BOOST_TEST(mask_for_display("blackhole://") == "blackhole://");
  BOOST_TEST(mask_for_display("blackhole://create=test") == "blackhole://create=test");
}

BOOST_AUTO_TEST_CASE(display_lower_cases_the_scheme_as_go_prints_it) {
  BOOST_TEST(mask_for_display("MySQL://root:pw@h/") == "mysql://root:xxxxx@h/");
}

BOOST_AUTO_TEST_CASE(display_of_empty_and_unparsable_uris) {
  BOOST_TEST(mask_for_display("") == "");
  BOOST_TEST(mask_for_display("mysql://root:verysecure@127.0.0.1/%zz") == "<invalid uri>");
}

BOOST_AUTO_TEST_CASE(message_masks_password_and_sasl_password) {
  BOOST_TEST(mask_for_message("mysql://root:verysecure@127.0.0.1:3306/?sasl-password=rawsecret")
             == "mysql://root:xxxxx@127.0.0.1:3306/?sasl-password=xxxxx");
}

BOOST_AUTO_TEST_CASE(message_masks_every_sensitive_key_and_keeps_the_rest) {
  auto m = mask_for_message("kafka://127.0.0.1:9092/topic?protocol=canal-json"
                            "&sasl-user=ticdc&sasl-password=verysecure&secret-access-key=rawsecret");
  BOOST_TEST(m == "kafka://127.0.0.1:9092/topic?protocol=canal-json&sasl-password=xxxxx"
                  "&sasl-user=ticdc&secret-access-key=xxxxx");
}

BOOST_AUTO_TEST_CASE(message_rule_matches_ticdc_word_list) {
  for (auto k : {"PASSWORD", "db-passwd", "pwd", "access-key", "session-token", "client-secret",
                 "ssl-key", "signature", "credentials-file", "private-key", "kafka-client-id"})
    BOOST_TEST(is_sensitive_message_key(k), k);
  for (auto k : {"protocol", "worker-count", "sasl-user", "region"})
    BOOST_TEST(!is_sensitive_message_key(k), k);
}

BOOST_AUTO_TEST_CASE(message_always_re_encodes_the_query_sorted) {
  BOOST_TEST(mask_for_message("blackhole://?b=2&a=1") == "blackhole://?a=1&b=2");
  BOOST_TEST(mask_for_message("blackhole://?x=a%20b") == "blackhole://?x=a+b");
}

BOOST_AUTO_TEST_CASE(message_collapses_repeated_secret_values) {
  BOOST_TEST(mask_for_message("blackhole://?token=a&token=b&k2=1") == "blackhole://?k2=1&token=xxxxx");
}

BOOST_AUTO_TEST_CASE(message_of_empty_plain_and_unparsable_text) {
  BOOST_TEST(mask_for_message("") == "");
  BOOST_TEST(mask_for_message("abc") == "abc");
  BOOST_TEST(mask_for_message("mysql://root:verysecure@127.0.0.1/%zz") == "<invalid uri>");
}

BOOST_AUTO_TEST_SUITE_END()
