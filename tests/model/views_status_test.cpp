// /synced's verdict (TiCDC's rule, reference 9.4) and /status's error
// rule, as pure functions of the progress and PD's time.
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include "model/changefeed/views_status.hpp"
#include "model/tso.hpp"

using namespace cdc::model;

namespace {

constexpr std::int64_t now = 1'700'000'000'000;

changefeed_progress at(std::int64_t checkpoint_ms, std::int64_t resolved_ms, std::int64_t synced_ms) {
  return {compose_tso(checkpoint_ms, 0), compose_tso(resolved_ms, 0), compose_tso(synced_ms, 0)};
}

} // namespace

BOOST_AUTO_TEST_SUITE(views_status)

BOOST_AUTO_TEST_CASE(quiet_for_the_check_interval_with_a_fresh_checkpoint_is_synced) {
  auto s = decide_synced(at(now - 1000, now - 500, now - 301'000), std::nullopt, now);
  BOOST_TEST(s.synced);
  BOOST_TEST(s.info == "Data syncing is finished");
}

BOOST_AUTO_TEST_CASE(recent_writes_are_not_synced) {
  auto s = decide_synced(at(now - 1000, now - 500, now - 10'000), std::nullopt, now);
  BOOST_TEST(!s.synced);
  BOOST_TEST(s.info == "The data syncing is not finished, please wait");
}

BOOST_AUTO_TEST_CASE(quiet_but_a_stale_checkpoint_points_at_pd_or_tikv) {
  // The puller is close to the checkpoint: upstream trouble is the likely cause.
  auto s = decide_synced(at(now - 60'000, now - 59'000, now - 400'000), std::nullopt, now);
  BOOST_TEST(!s.synced);
  BOOST_TEST(s.info.starts_with("Please check whether PD is online"));
  // The puller is far ahead of the checkpoint: the sink is behind.
  auto behind = decide_synced(at(now - 60'000, now - 1'000, now - 400'000), std::nullopt, now);
  BOOST_TEST(behind.info == "The data syncing is not finished, please wait");
}

BOOST_AUTO_TEST_CASE(the_feeds_intervals_count_only_when_both_are_set) {
  auto p = at(now - 1000, now - 500, now - 5'000);
  BOOST_TEST(decide_synced(p, config::synced_status_config{2, 15}, now).synced);
  BOOST_TEST(!decide_synced(p, config::synced_status_config{2, 0}, now).synced);
}

BOOST_AUTO_TEST_CASE(now_ts_is_truncated_to_the_second) {
  auto s = decide_synced(at(now, now, now), std::nullopt, now + 789);
  auto js = to_json(s).as_object();
  BOOST_TEST(std::string(js.at("now_ts").as_string()).ends_with(".000"));
  BOOST_TEST(js.size() == 6u);
}

BOOST_AUTO_TEST_CASE(status_shows_an_error_only_after_the_checkpoint) {
  changefeed_info info;
  info.state = feed_state::error;
  info.error = running_error{tso_to_time(compose_tso(now, 0)), "a", "CDC:ErrX", "boom"};
  auto before = status_json(info, at(now - 1000, now, 0)).as_object();
  BOOST_TEST(before.at("last_error").at("code").as_string() == "CDC:ErrX");
  BOOST_TEST(before.at("state").as_string() == "error");
  auto past = status_json(info, at(now + 1000, now + 1000, 0)).as_object();
  BOOST_TEST(!past.contains("last_error"));
}

BOOST_AUTO_TEST_SUITE_END()
