// The strict reader: Go's encoding/json decoding rules with errors that name
// the field path.
#include <type_traits>

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include "model/config/replica_config.hpp"
#include "model/json/reader.hpp"

using namespace cdc::model;
using json::path;

namespace {

boost::json::value js(std::string_view text) {
  return boost::json::parse(text);
}

template <class T>
std::string error_reading(T& out, std::string_view text, const path& at) {
  auto st = json::read(out, js(text), at);
  BOOST_TEST_REQUIRE(!st.has_value(), "reading " << text << " should fail");
  BOOST_TEST((st.error().kind == api_error::api_invalid_param));
  return st.error().message;
}

template <class T>
T read_ok(std::string_view text, T start = {}) {
  auto st = json::read(start, js(text), path{"x"});
  BOOST_TEST_REQUIRE(st.has_value(), "reading " << text << ": " << (st ? "" : st.error().message));
  return start;
}

} // namespace

BOOST_AUTO_TEST_SUITE(json_reader)

BOOST_AUTO_TEST_CASE(paths_print_keys_with_dots_and_indexes_in_brackets) {
  path root{"replica_config"};
  path sink{root, "sink"};
  path rules{sink, "dispatchers"};
  path first{rules, std::size_t{0}};
  path topic{first, "topic"};
  BOOST_TEST(topic.str() == "replica_config.sink.dispatchers[0].topic");
}

BOOST_AUTO_TEST_CASE(a_path_cannot_hang_off_a_temporary_parent) {
  static_assert(!std::is_constructible_v<path, path&&, std::string_view>);
  static_assert(!std::is_constructible_v<path, path&&, std::size_t>);
  static_assert(std::is_constructible_v<path, const path&, std::string_view>);
  BOOST_TEST(true);
}

BOOST_AUTO_TEST_CASE(an_unnamed_root_adds_nothing_to_the_path) {
  path root;
  path key{root, "start_ts"};
  BOOST_TEST(key.str() == "start_ts");
  BOOST_TEST(root.str() == "");
}

BOOST_AUTO_TEST_CASE(wrong_type_names_the_path_and_both_kinds) {
  std::string s;
  path root{"replica_config"};
  path sink{root, "sink"};
  path csv{sink, "csv"};
  path at{csv, "delimiter"};
  BOOST_TEST(error_reading(s, "1", at)
             == "invalid api parameter: replica_config.sink.csv.delimiter: expected string, got number");
}

BOOST_AUTO_TEST_CASE(root_errors_have_no_path_part) {
  config::mounter_config m;
  BOOST_TEST(error_reading(m, "[]", path{}) == "invalid api parameter: expected object, got array");
}

BOOST_AUTO_TEST_CASE(bool_accepts_only_true_and_false) {
  BOOST_TEST(read_ok<bool>("true"));
  bool b = false;
  BOOST_TEST(error_reading(b, "1", path{"x"}) == "invalid api parameter: x: expected bool, got number");
  BOOST_TEST(error_reading(b, "\"true\"", path{"x"}) == "invalid api parameter: x: expected bool, got string");
}

BOOST_AUTO_TEST_CASE(uint64_accepts_its_largest_value) {
  BOOST_TEST(read_ok<std::uint64_t>("18446744073709551615") == UINT64_MAX);
}

BOOST_AUTO_TEST_CASE(uint64_rejects_two_to_the_64) {
  std::uint64_t u = 0;
  auto msg = error_reading(u, "18446744073709551616", path{"memory_quota"});
  BOOST_TEST(msg.starts_with("invalid api parameter: memory_quota: "));
  BOOST_TEST(msg.ends_with(" is out of range for uint64"));
}

BOOST_AUTO_TEST_CASE(uint64_rejects_negative_one) {
  std::uint64_t u = 0;
  BOOST_TEST(error_reading(u, "-1", path{"start_ts"})
             == "invalid api parameter: start_ts: -1 is out of range for uint64");
}

BOOST_AUTO_TEST_CASE(whole_doubles_read_as_integers) {
  BOOST_TEST(read_ok<std::uint64_t>("1.0") == 1u);
  BOOST_TEST(read_ok<std::int64_t>("-2e3") == -2000);
}

BOOST_AUTO_TEST_CASE(fractional_numbers_are_not_integers) {
  std::int64_t i = 0;
  BOOST_TEST(error_reading(i, "1.5", path{"n"}) == "invalid api parameter: n: 1.5 is not an integer (int64)");
}

BOOST_AUTO_TEST_CASE(int32_range_is_enforced) {
  BOOST_TEST(read_ok<std::int32_t>("2147483647") == INT32_MAX);
  BOOST_TEST(read_ok<std::int32_t>("-2147483648") == INT32_MIN);
  std::int32_t i = 0;
  BOOST_TEST(error_reading(i, "2147483648", path{"n"}) == "invalid api parameter: n: 2147483648 is out of range for int32");
  BOOST_TEST(error_reading(i, "-2147483649", path{"n"}) == "invalid api parameter: n: -2147483649 is out of range for int32");
}

BOOST_AUTO_TEST_CASE(int16_range_is_enforced) {
  BOOST_TEST(read_ok<std::int16_t>("-32768") == INT16_MIN);
  std::int16_t i = 0;
  BOOST_TEST(error_reading(i, "32768", path{"n"}) == "invalid api parameter: n: 32768 is out of range for int16");
}

BOOST_AUTO_TEST_CASE(int64_range_is_enforced) {
  BOOST_TEST(read_ok<std::int64_t>("-9223372036854775808") == INT64_MIN);
  std::int64_t i = 0;
  BOOST_TEST(error_reading(i, "9223372036854775808", path{"n"})
             == "invalid api parameter: n: 9223372036854775808 is out of range for int64");
}

BOOST_AUTO_TEST_CASE(numbers_in_strings_are_not_numbers) {
  std::uint64_t u = 0;
  BOOST_TEST(error_reading(u, "\"5\"", path{"n"}) == "invalid api parameter: n: expected uint64, got string");
}

BOOST_AUTO_TEST_CASE(null_leaves_a_scalar_unchanged) {
  BOOST_TEST(read_ok<std::uint64_t>("null", 42) == 42u);
  BOOST_TEST(read_ok<std::string>("null", "keep") == "keep");
  BOOST_TEST(read_ok<bool>("null", true));
}

BOOST_AUTO_TEST_CASE(null_resets_an_optional) {
  BOOST_TEST((!read_ok<std::optional<std::string>>("null", "set").has_value()));
}

BOOST_AUTO_TEST_CASE(null_clears_a_vector) {
  BOOST_TEST(read_ok<std::vector<std::string>>("null", {"a", "b"}).empty());
}

BOOST_AUTO_TEST_CASE(arrays_replace_the_whole_vector) {
  auto v = read_ok<std::vector<std::string>>(R"(["c"])", {"a", "b"});
  BOOST_TEST(v == std::vector<std::string>{"c"});
}

BOOST_AUTO_TEST_CASE(array_elements_report_their_index) {
  std::vector<std::uint64_t> v;
  BOOST_TEST(error_reading(v, "[1, \"x\"]", path{"ignore_txn_start_ts"})
             == "invalid api parameter: ignore_txn_start_ts[1]: expected uint64, got string");
}

BOOST_AUTO_TEST_CASE(a_non_array_for_a_list_is_rejected) {
  std::vector<std::string> v;
  BOOST_TEST(error_reading(v, "\"*.*\"", path{"rules"}) == "invalid api parameter: rules: expected array, got string");
}

BOOST_AUTO_TEST_CASE(objects_merge_into_an_existing_optional) {
  std::optional<config::scheduler_config> s = config::scheduler_config{true, 7, 9};
  auto st = json::read(s, js(R"({"region_threshold": 8})"), path{"scheduler"});
  BOOST_TEST_REQUIRE(st.has_value());
  BOOST_TEST(s->enable_table_across_nodes);
  BOOST_TEST(s->region_threshold == 8);
  BOOST_TEST(s->write_key_threshold == 9);
}

BOOST_AUTO_TEST_CASE(an_absent_optional_struct_starts_from_zero) {
  std::optional<config::scheduler_config> s;
  auto st = json::read(s, js(R"({"region_threshold": 8})"), path{"scheduler"});
  BOOST_TEST_REQUIRE(st.has_value());
  BOOST_TEST(!s->enable_table_across_nodes);
  BOOST_TEST(s->region_threshold == 8);
}

BOOST_AUTO_TEST_CASE(keys_match_fields_ignoring_case) {
  config::mounter_config m;
  auto st = json::read(m, js(R"({"Worker_NUM": 3})"), path{});
  BOOST_TEST_REQUIRE(st.has_value());
  BOOST_TEST(m.worker_num == 3);
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_ignored) {
  config::mounter_config m{5};
  auto st = json::read(m, js(R"({"enable_old_value": true, "worker": "x"})"), path{});
  BOOST_TEST_REQUIRE(st.has_value());
  BOOST_TEST(m.worker_num == 5);
}

BOOST_AUTO_TEST_CASE(a_non_object_for_a_struct_is_rejected) {
  config::mounter_config m;
  BOOST_TEST(error_reading(m, "16", path{"mounter"}) == "invalid api parameter: mounter: expected object, got number");
}

BOOST_AUTO_TEST_CASE(error_paths_use_the_field_name_not_the_keys_case) {
  config::mounter_config m;
  BOOST_TEST(error_reading(m, R"({"WORKER_NUM": "x"})", path{"mounter"})
             == "invalid api parameter: mounter.worker_num: expected int64, got string");
}

BOOST_AUTO_TEST_CASE(find_key_prefers_exact_then_any_case) {
  auto obj = js(R"({"Sink_URI": "a"})").as_object();
  BOOST_TEST_REQUIRE(json::find_key(obj, "sink_uri") != nullptr);
  BOOST_TEST(json::find_key(obj, "sink_uri")->as_string() == "a");
  BOOST_TEST(json::find_key(obj, "target_ts") == nullptr);
}

BOOST_AUTO_TEST_CASE(with_prefix_swaps_the_message_prefix) {
  auto f = json::invalid_at(path{"log_level"}, "expected string, got number");
  auto g = json::with_prefix(f, "invalid log level: ");
  BOOST_TEST(g.message == "invalid log level: log_level: expected string, got number");
  BOOST_TEST((g.kind == api_error::api_invalid_param));
}

BOOST_AUTO_TEST_SUITE_END()
