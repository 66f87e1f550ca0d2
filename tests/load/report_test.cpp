// Counting outcomes and reporting them: error codes from bodies, errors by
// status and code, the JSON summary, the progress line.
#include <boost/test/unit_test.hpp>

#include <boost/json/serialize.hpp>

#include "tools/load/plot.hpp"
#include "tools/load/report.hpp"

using namespace cdc::load;

namespace {

outcome answer(op kind, unsigned status, std::string_view code, int micros) {
  return {kind, status, code, std::chrono::microseconds(micros)};
}

} // namespace

BOOST_AUTO_TEST_SUITE(load_report)

BOOST_AUTO_TEST_CASE(the_error_code_is_read_from_a_ticdc_error_body) {
  BOOST_TEST(extract_error_code(R"({"error_msg":"[CDC:ErrX]boom","error_code":"CDC:ErrX"})") == "CDC:ErrX");
  BOOST_TEST(extract_error_code(R"({"error_code" : "CDC:ErrY"})") == "CDC:ErrY");
  BOOST_TEST(extract_error_code(R"({"id":"cf-1"})").empty());
  BOOST_TEST(extract_error_code(R"({"error_code": 5})").empty());
  BOOST_TEST(extract_error_code(R"({"error_code":"unterminated)").empty());
}

BOOST_AUTO_TEST_CASE(only_answers_of_400_and_above_and_broken_connections_are_errors) {
  BOOST_TEST(!answer(op::get, 200, "", 1).failed());
  BOOST_TEST(!answer(op::get, 302, "", 1).failed());
  BOOST_TEST(answer(op::get, 400, "", 1).failed());
  BOOST_TEST(answer(op::get, 0, "timeout", 1).failed());
}

BOOST_AUTO_TEST_CASE(totals_count_errors_by_status_and_code) {
  totals t;
  t.add(answer(op::get, 200, "", 100));
  t.add(answer(op::get, 400, "CDC:ErrChangeFeedNotExists", 200));
  t.add(answer(op::create, 500, "CDC:ErrChangeFeedAlreadyExists", 300));
  t.add(answer(op::create, 0, "connection refused", 0));
  t.add(answer(op::status, 503, "", 50));
  BOOST_TEST(t.requests == 5u);
  BOOST_TEST(t.errors == 4u);
  BOOST_TEST(t.errors_by_status.at("400") == 1u);
  BOOST_TEST(t.errors_by_status.at("500") == 1u);
  BOOST_TEST(t.errors_by_status.at("transport") == 1u);
  BOOST_TEST(t.errors_by_code.at("CDC:ErrChangeFeedNotExists") == 1u);
  BOOST_TEST(t.errors_by_code.at("connection refused") == 1u);
  BOOST_TEST(t.errors_by_code.at("(none)") == 1u);
  BOOST_TEST(t.by_op[static_cast<std::size_t>(op::create)].errors == 2u);
}

BOOST_AUTO_TEST_CASE(recorders_merge_into_totals_and_drain_their_intervals) {
  recorder a, b;
  a.record(answer(op::get, 200, "", 1000));
  b.record(answer(op::get, 404, "CDC:ErrX", 3000));
  interval_stats interval;
  a.drain_interval(interval);
  b.drain_interval(interval);
  BOOST_TEST(interval.requests == 2u);
  BOOST_TEST(interval.errors == 1u);
  interval_stats again;
  a.drain_interval(again);
  BOOST_TEST(again.requests == 0u);
  totals t;
  a.add_totals(t);
  b.add_totals(t);
  BOOST_TEST(t.requests == 2u);
  BOOST_TEST(t.latency.max() == 3000u);
}

BOOST_AUTO_TEST_CASE(the_summary_has_rate_percentiles_and_operations) {
  totals t;
  for (int i = 1; i <= 1000; ++i)
    t.add(answer(i % 2 ? op::get : op::list, 200, "", i * 10));
  auto s = make_summary("read", "127.0.0.1:8300", 16, 0, 2.0, t, {});
  BOOST_TEST(s.requests_per_second == 500.0);
  BOOST_TEST(std::abs(s.latency.p50_ms - 5.0) < 0.05);
  BOOST_TEST(std::abs(s.latency.p99_ms - 9.9) < 0.1);
  BOOST_TEST(s.latency.max_ms == 10.0);
  BOOST_REQUIRE(s.ops.size() == 2u);
  BOOST_TEST((s.ops[0].kind == op::list));
  BOOST_TEST(s.ops[0].requests == 500u);
}

BOOST_AUTO_TEST_CASE(the_json_summary_carries_every_figure) {
  totals t;
  t.add(answer(op::create, 201, "", 1500));
  t.add(answer(op::create, 500, "CDC:ErrChangeFeedAlreadyExists", 2500));
  interval_stats one;
  one.requests = 2;
  one.latency.record(std::uint64_t{1500});
  auto s = make_summary("create", "h:1", 4, 100, 1.0, t, {make_row(1.0, 1.0, one)});
  auto j = to_json(s).as_object();
  BOOST_TEST(j.at("requests").to_number<std::uint64_t>() == 2u);
  BOOST_TEST(j.at("errors").to_number<std::uint64_t>() == 1u);
  BOOST_TEST(j.at("requests_per_second").to_number<double>() == 2.0);
  for (auto k : {"min", "mean", "p50", "p90", "p99", "p999", "max"})
    BOOST_TEST(j.at("latency_ms").as_object().contains(k), k);
  BOOST_TEST(j.at("errors_by_status").at("500").to_number<std::uint64_t>() == 1u);
  BOOST_TEST(j.at("errors_by_code").at("CDC:ErrChangeFeedAlreadyExists").to_number<std::uint64_t>() == 1u);
  BOOST_TEST(j.at("operations").at("create").at("requests").to_number<std::uint64_t>() == 2u);
  BOOST_TEST(j.at("timeline").as_array().size() == 1u);
  BOOST_TEST(j.at("timeline").at(0).at("requests_per_second").to_number<double>() == 2.0);
}

BOOST_AUTO_TEST_CASE(the_text_summary_lists_errors_by_status_and_code) {
  totals t;
  t.add(answer(op::get, 400, "CDC:ErrChangeFeedNotExists", 100));
  auto text = format_text(make_summary("read", "h:1", 1, 0, 1.0, t, {}));
  BOOST_TEST(text.find("errors by status      400: 1") != std::string::npos, text);
  BOOST_TEST(text.find("CDC:ErrChangeFeedNotExists: 1") != std::string::npos, text);
  BOOST_TEST(text.find("p999") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(the_progress_line_shows_count_goal_rate_and_errors) {
  progress_view v;
  v.phase = "create";
  v.elapsed_s = 3;
  v.requests = 2950;
  v.goal = 10000;
  v.last_rps = 983.4;
  v.last_p50_ms = 12.1;
  v.last_p99_ms = 30.2;
  v.errors = 2;
  BOOST_TEST(format_progress(v) == "create  3.0s  2,950/10,000 req  983 req/s  p50 12.1 ms  p99 30.2 ms  errors 2");
}

BOOST_AUTO_TEST_CASE(digits_are_grouped_in_thousands) {
  BOOST_TEST(group_digits(0) == "0");
  BOOST_TEST(group_digits(999) == "999");
  BOOST_TEST(group_digits(1000) == "1,000");
  BOOST_TEST(group_digits(1234567) == "1,234,567");
}

BOOST_AUTO_TEST_CASE(the_plot_script_draws_percentiles_and_throughput) {
  summary s;
  s.scenario = "read";
  auto script = plot_script(s, "/tmp/it's.data", "/tmp/out.png");
  BOOST_TEST(script.find("set output '/tmp/out.png'") != std::string::npos, script);
  BOOST_TEST(script.find("'/tmp/it''s.data' using 1:6") != std::string::npos, script);
  BOOST_TEST(script.find("axes x1y2") != std::string::npos, script);
}

BOOST_AUTO_TEST_SUITE_END()
