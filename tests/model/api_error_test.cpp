// The error catalog: codes, statuses and message rendering as TiCDC prints them.
#include <set>

#include <boost/test/unit_test.hpp>

#include "model/api_error.hpp"

using namespace cdc::model;

BOOST_AUTO_TEST_SUITE(api_error_catalog)

BOOST_AUTO_TEST_CASE(bad_request_list_answers_400) {
  for (auto kind : {api_error::api_invalid_param, api_error::sink_uri_invalid,
                    api_error::start_ts_before_gc, api_error::changefeed_not_exists,
                    api_error::target_ts_before_start_ts, api_error::table_ineligible,
                    api_error::filter_rule_invalid, api_error::changefeed_update_refused,
                    api_error::mysql_connection_error, api_error::mysql_invalid_config,
                    api_error::capture_not_exist, api_error::scheduler_request_failed})
    BOOST_TEST(http_status_of(kind) == 400u, code_of(kind));
}

BOOST_AUTO_TEST_CASE(already_exists_and_invalid_replica_config_answer_500_as_in_ticdc) {
  BOOST_TEST(http_status_of(api_error::changefeed_already_exists) == 500u);
  BOOST_TEST(http_status_of(api_error::invalid_replica_config) == 500u);
  BOOST_TEST(http_status_of(api_error::cluster_is_unhealthy) == 500u);
}

BOOST_AUTO_TEST_CASE(not_ready_is_503_and_auth_errors_are_401) {
  BOOST_TEST(http_status_of(api_error::server_is_not_ready) == 503u);
  BOOST_TEST(http_status_of(api_error::credential_not_found) == 401u);
  BOOST_TEST(http_status_of(api_error::unauthorized) == 401u);
}

BOOST_AUTO_TEST_CASE(request_reading_errors_use_413_and_408) {
  BOOST_TEST(http_status_of(api_error::request_body_too_large) == 413u);
  BOOST_TEST(http_status_of(api_error::request_read_timeout) == 408u);
  BOOST_TEST(fail(api_error::request_read_timeout, {"body", "30s"}).message
             == "request body was not received within 30s");
}

BOOST_AUTO_TEST_CASE(routing_errors_use_404_and_405) {
  BOOST_TEST(http_status_of(api_error::route_not_found) == 404u);
  BOOST_TEST(http_status_of(api_error::method_not_allowed) == 405u);
}

BOOST_AUTO_TEST_CASE(every_code_is_unique_and_findable) {
  std::set<std::string_view> seen;
  for (const auto& spec : all_api_errors()) {
    BOOST_TEST(seen.insert(spec.code).second, spec.code);
    BOOST_TEST(find_spec(spec.code) == &spec_of(spec.kind));
  }
  BOOST_TEST(find_spec("CDC:ErrNoSuchThing") == nullptr);
}

BOOST_AUTO_TEST_CASE(ticdc_codes_carry_the_cdc_prefix) {
  BOOST_TEST(code_of(api_error::changefeed_not_exists) == "CDC:ErrChangeFeedNotExists");
  BOOST_TEST(code_of(api_error::api_invalid_param) == "CDC:ErrAPIInvalidParam");
  BOOST_TEST(code_of(api_error::meta_op_failed) == "DFLOW:ErrMetaOpFailed");
}

BOOST_AUTO_TEST_CASE(template_verbs_are_filled_left_to_right) {
  auto f = fail(api_error::start_ts_before_gc, {"5", "7"});
  BOOST_TEST(f.message
             == "fail to create or maintain changefeed because start-ts 5 is earlier than or equal to GC safepoint at 7");
}

BOOST_AUTO_TEST_CASE(missing_arguments_leave_verbs_verbatim_like_go) {
  auto f = fail(api_error::invalid_replica_config);
  BOOST_TEST(f.message == "invalid replica config, %s");
}

BOOST_AUTO_TEST_CASE(full_message_prefixes_the_code_in_brackets) {
  auto f = fail(api_error::changefeed_not_exists, {"default/cf-1"});
  BOOST_TEST(full_message(f) == "[CDC:ErrChangeFeedNotExists]changefeed not exists, default/cf-1");
}

BOOST_AUTO_TEST_CASE(fail_with_replaces_the_template) {
  auto f = fail_with(api_error::api_invalid_param, "invalid changefeed_id: a_b");
  BOOST_TEST(full_message(f) == "[CDC:ErrAPIInvalidParam]invalid changefeed_id: a_b");
}

BOOST_AUTO_TEST_CASE(a_percent_sign_that_is_not_a_verb_is_kept) {
  BOOST_TEST(format_template("100% %s", {"done"}) == "100% done");
  BOOST_TEST(format_template("%", {"x"}) == "%");
}

BOOST_AUTO_TEST_SUITE_END()
