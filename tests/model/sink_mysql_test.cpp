// MySQL/TiDB sink parameters (reference 7.4; TiCDC pkg/sink/mysql/config.go).
#include <boost/test/unit_test.hpp>

#include "model/sink/validate.hpp"

using namespace cdc::model;
using namespace cdc::model::sink;
using namespace std::chrono_literals;

namespace {

result<mysql_params> mysql(std::string_view text, const sink_config_view& cfg = {}) {
  auto params = validate_sink(text, cfg);
  if (!params)
    return params.error();
  return std::get<mysql_params>(*params);
}

void expect_invalid(std::string_view text, std::string_view message) {
  auto r = mysql(text);
  BOOST_REQUIRE_MESSAGE(r.has_error(), text);
  BOOST_TEST((r.error().kind == api_error::mysql_invalid_config));
  BOOST_TEST(http_status_of(r.error().kind) == 400u);
  BOOST_TEST(r.error().message == message);
}

} // namespace

BOOST_AUTO_TEST_SUITE(sink_mysql)

BOOST_AUTO_TEST_CASE(defaults_follow_ticdc) {
  auto p = mysql("mysql://127.0.0.1/");
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST(p->user == "root");
  BOOST_TEST(p->password == "");
  BOOST_TEST(p->host == "127.0.0.1");
  BOOST_TEST(p->port == 4000);
  BOOST_TEST(p->worker_count == 16);
  BOOST_TEST(p->max_txn_row == 256);
  BOOST_TEST(p->max_multi_update_row == 40);
  BOOST_TEST(p->max_multi_update_row_size == 1024);
  BOOST_TEST(p->tidb_txn_mode == "optimistic");
  BOOST_TEST(!p->safe_mode);
  BOOST_TEST(p->batch_dml_enable);
  BOOST_TEST(p->multi_stmt_enable);
  BOOST_TEST(p->cache_prep_stmts);
  BOOST_TEST(p->read_timeout.count() == std::chrono::nanoseconds{2min}.count());
  BOOST_TEST(!p->tls);
}

BOOST_AUTO_TEST_CASE(userinfo_host_and_port_are_taken_from_the_uri) {
  auto p = mysql("mysql+ssl://app:s%40cret@[::1]:3306/");
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST(p->user == "app");
  BOOST_TEST(p->password == "s@cret");
  BOOST_TEST(p->host == "::1");
  BOOST_TEST(p->port == 3306);
  BOOST_TEST(p->tls);
}

BOOST_AUTO_TEST_CASE(port_out_of_range_is_rejected) {
  expect_invalid("mysql://h:70000/", "invalid port 70000 in sink uri, a port must be between 1 and 65535");
}

BOOST_AUTO_TEST_CASE(worker_count_must_be_positive) {
  BOOST_TEST(mysql("mysql://h/?worker-count=8")->worker_count == 8);
  expect_invalid("mysql://h/?worker-count=0",
                 "MySQL config invalid: invalid worker-count 0, which must be greater than 0");
}

BOOST_AUTO_TEST_CASE(worker_count_is_capped_at_1024) {
  BOOST_TEST(mysql("mysql://h/?worker-count=5000")->worker_count == 1024);
}

BOOST_AUTO_TEST_CASE(empty_worker_count_binds_as_zero) {
  expect_invalid("mysql://h/?worker-count=",
                 "MySQL config invalid: invalid worker-count 0, which must be greater than 0");
}

BOOST_AUTO_TEST_CASE(worker_count_must_be_a_number) {
  expect_invalid("mysql://h/?worker-count=many",
                 R"(MySQL config invalid: strconv.ParseInt: parsing "many": invalid syntax)");
}

BOOST_AUTO_TEST_CASE(max_txn_row_is_positive_and_capped) {
  BOOST_TEST(mysql("mysql://h/?max-txn-row=100")->max_txn_row == 100);
  BOOST_TEST(mysql("mysql://h/?max-txn-row=99999")->max_txn_row == 2048);
  expect_invalid("mysql://h/?max-txn-row=-1",
                 "MySQL config invalid: invalid max-txn-row -1, which must be greater than 0");
}

BOOST_AUTO_TEST_CASE(max_multi_update_row_is_positive_and_capped) {
  BOOST_TEST(mysql("mysql://h/?max-multi-update-row=10")->max_multi_update_row == 10);
  BOOST_TEST(mysql("mysql://h/?max-multi-update-row=1000")->max_multi_update_row == 256);
  expect_invalid("mysql://h/?max-multi-update-row=0",
                 "MySQL config invalid: invalid max-multi-update-row 0, which must be greater than 0");
}

BOOST_AUTO_TEST_CASE(max_multi_update_row_size_may_be_zero_and_is_capped) {
  BOOST_TEST(mysql("mysql://h/?max-multi-update-row-size=0")->max_multi_update_row_size == 0);
  BOOST_TEST(mysql("mysql://h/?max-multi-update-row-size=100000")->max_multi_update_row_size == 8192);
  expect_invalid("mysql://h/?max-multi-update-row-size=-5",
                 "MySQL config invalid: invalid max-multi-update-row-size -5, "
                 "which must be greater than or equal to 0");
}

BOOST_AUTO_TEST_CASE(tidb_txn_mode_accepts_two_modes_and_ignores_others) {
  BOOST_TEST(mysql("mysql://h/?tidb-txn-mode=Pessimistic")->tidb_txn_mode == "pessimistic");
  BOOST_TEST(mysql("mysql://h/?tidb-txn-mode=chaotic")->tidb_txn_mode == "optimistic");
}

BOOST_AUTO_TEST_CASE(boolean_switches_parse_go_booleans) {
  auto p = mysql("mysql://h/?safe-mode=true&batch-dml-enable=0&multi-stmt-enable=F&cache-prep-stmts=false");
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST(p->safe_mode);
  BOOST_TEST(!p->batch_dml_enable);
  BOOST_TEST(!p->multi_stmt_enable);
  BOOST_TEST(!p->cache_prep_stmts);
}

BOOST_AUTO_TEST_CASE(boolean_switch_rejects_other_words) {
  expect_invalid("mysql://h/?safe-mode=yes", R"(MySQL config invalid: strconv.ParseBool: parsing "yes": invalid syntax)");
  expect_invalid("mysql://h/?batch-dml-enable=on",
                 R"(MySQL config invalid: strconv.ParseBool: parsing "on": invalid syntax)");
}

BOOST_AUTO_TEST_CASE(timeouts_are_go_durations) {
  auto p = mysql("mysql://h/?read-timeout=30s&write-timeout=1m&timeout=500ms");
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST(p->read_timeout.count() == std::chrono::nanoseconds{30s}.count());
  BOOST_TEST(p->write_timeout.count() == std::chrono::nanoseconds{1min}.count());
  BOOST_TEST(p->dial_timeout.count() == std::chrono::nanoseconds{500ms}.count());
  expect_invalid("mysql://h/?read-timeout=soon", R"(MySQL config invalid: time: invalid duration "soon")");
  expect_invalid("mysql://h/?timeout=10", R"(MySQL config invalid: time: missing unit in duration "10")");
}

BOOST_AUTO_TEST_CASE(binding_errors_come_before_range_errors) {
  // gin binds every field before TiCDC checks any.
  expect_invalid("mysql://h/?worker-count=0&cache-prep-stmts=maybe",
                 R"(MySQL config invalid: strconv.ParseBool: parsing "maybe": invalid syntax)");
}

BOOST_AUTO_TEST_CASE(tls_files_and_time_zone_are_kept) {
  auto p = mysql("mysql://h/?ssl-ca=/ca.pem&ssl-cert=/c.pem&ssl-key=/k.pem&time-zone=UTC");
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST(p->ssl_ca == "/ca.pem");
  BOOST_TEST(p->ssl_key == "/k.pem");
  BOOST_TEST(*p->time_zone == "UTC");
}

BOOST_AUTO_TEST_CASE(config_values_apply_when_the_uri_has_none) {
  sink_config_view cfg;
  cfg.config_params = {{"worker-count", "4"}, {"safe-mode", "true"}};
  auto p = mysql("mysql://h/?worker-count=8", cfg);
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST(p->worker_count == 8);
  BOOST_TEST(p->safe_mode);
}

BOOST_AUTO_TEST_CASE(table_atomicity_reaches_the_parameters) {
  BOOST_TEST((mysql("mysql://h/?transaction-atomicity=table")->atomicity == txn_atomicity::table));
}

BOOST_AUTO_TEST_SUITE_END()
