// State names, the list filter and where errors are shown (api.md "States",
// reference 5.2, 5.3, 5.7, 5.8).
#include <boost/test/unit_test.hpp>

#include "model/changefeed/state.hpp"

using namespace cdc::model;
using enum feed_state;

namespace {

constexpr feed_state all_states[] = {normal, error, stopped, failed, finished, removed};

} // namespace

BOOST_AUTO_TEST_SUITE(state_filter)

BOOST_AUTO_TEST_CASE(absent_filter_lists_everything_but_finished_and_removed) {
  for (auto s : all_states)
    BOOST_TEST(matches_state_filter(s, std::nullopt) == (s != finished && s != removed), to_string(s));
}

BOOST_AUTO_TEST_CASE(empty_filter_is_the_same_as_absent) {
  for (auto s : all_states)
    BOOST_TEST(matches_state_filter(s, "") == matches_state_filter(s, std::nullopt));
}

BOOST_AUTO_TEST_CASE(all_lists_every_state) {
  for (auto s : all_states)
    BOOST_TEST(matches_state_filter(s, "all"));
}

BOOST_AUTO_TEST_CASE(a_state_name_lists_only_that_state) {
  for (auto wanted : all_states)
    for (auto s : all_states)
      BOOST_TEST(matches_state_filter(s, to_string(wanted)) == (s == wanted));
}

BOOST_AUTO_TEST_CASE(warning_and_pending_are_aliases_of_error) {
  for (auto alias : {"warning", "pending"})
    for (auto s : all_states)
      BOOST_TEST(matches_state_filter(s, alias) == (s == error));
}

BOOST_AUTO_TEST_CASE(unknown_or_differently_cased_filter_matches_nothing) {
  for (auto q : {"Normal", "running", "ALL", " normal"})
    for (auto s : all_states)
      BOOST_TEST(!matches_state_filter(s, q));
}

BOOST_AUTO_TEST_CASE(error_is_shown_only_while_retrying_or_failed) {
  for (auto s : all_states)
    BOOST_TEST(error_shown(s) == (s == error || s == failed), to_string(s));
}

BOOST_AUTO_TEST_CASE(admin_job_types_follow_ticdc) {
  BOOST_TEST((admin_job_of(normal) == admin_job::none));
  BOOST_TEST((admin_job_of(error) == admin_job::none));
  BOOST_TEST((admin_job_of(stopped) == admin_job::stop));
  BOOST_TEST((admin_job_of(failed) == admin_job::stop));
  BOOST_TEST((admin_job_of(finished) == admin_job::finish));
  BOOST_TEST((admin_job_of(removed) == admin_job::remove));
}

BOOST_AUTO_TEST_CASE(wire_strings_round_trip) {
  for (auto s : all_states)
    BOOST_TEST((parse_feed_state(to_string(s)) == s));
}

BOOST_AUTO_TEST_SUITE_END()
