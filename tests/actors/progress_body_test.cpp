// A feed that follows the upstream is read at a new checkpoint on every
// tick: its body, written from the one serialized, must be exactly the body
// serialized afresh at that checkpoint.
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <boost/test/unit_test.hpp>

#include "actors/published/feed_directory.hpp"
#include "actors/published/progress_body.hpp"
#include "model/config/defaults.hpp"
#include "model/tso.hpp"

using namespace cdc;
using namespace cdc::actors;

namespace {

feed_view a_feed(model::feed_state state) {
  auto info = std::make_shared<model::changefeed_info>();
  info->key = {"default", "feed-1"};
  // Keys the fields' names inside a value must not be taken for the fields.
  info->sink_uri = "blackhole://?x=\"checkpoint_ts\":1&y=\"resolved_ts\":2";
  info->config = std::make_shared<const model::config::replica_config>(model::config::default_replica_config());
  info->state = state;
  info->error = model::running_error{std::nullopt, "127.0.0.1:8300", "CDC:ErrSinkURIInvalid",
                                     "\"checkpoint_time\":\"2020-01-01 00:00:00.000\""};
  feed_view v;
  v.info = info;
  v.progress = {model::compose_tso(1'700'000'000'000, 5), model::compose_tso(1'700'000'000'100, 0)};
  v.task_status = std::make_shared<const std::vector<model::capture_task_status>>(
    std::vector<model::capture_task_status>{{"capture-1", {1, 2, 3}}});
  return v;
}

std::string fresh_detail(feed_view v, const model::changefeed_progress& p) {
  v.progress = p;
  return boost::json::serialize(boost::json::value_from(v.detail()));
}

std::string fresh_item(feed_view v, const model::changefeed_progress& p) {
  v.progress = p;
  return boost::json::serialize(boost::json::value_from(v.item()));
}

} // namespace

BOOST_AUTO_TEST_SUITE(progress_body_suite)

BOOST_AUTO_TEST_CASE(a_body_written_at_another_progress_is_the_body_made_there) {
  for (auto state : {model::feed_state::normal, model::feed_state::error, model::feed_state::failed}) {
    auto v = a_feed(state);
    progress_body detail(fresh_detail(v, v.progress), v.progress);
    progress_body item(fresh_item(v, v.progress), v.progress);
    for (model::tso_t checkpoint : {v.progress.checkpoint_ts, v.progress.checkpoint_ts + 1,
                                    model::compose_tso(1'700'000'123'456, 0), model::tso_t{7},
                                    model::compose_tso(99'999'999'999'999, 3)}) {
      model::changefeed_progress p{checkpoint, checkpoint + 10};
      BOOST_TEST(detail.at(p) == fresh_detail(v, p));
      BOOST_TEST(item.at(p) == fresh_item(v, p));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_following_snapshot_reads_as_if_published_at_the_resolved_ts) {
  auto v = a_feed(model::feed_state::normal);
  v.progress.follow_through = model::compose_tso(1'800'000'000'000, 0);
  feed_snapshot s{v};
  for (model::tso_t resolved : {model::tso_t{1}, model::compose_tso(1'700'000'000'050, 0),
                                model::compose_tso(1'700'000'555'000, 0), model::compose_tso(1'900'000'000'000, 0)}) {
    BOOST_TEST(s.detail_json(resolved) == fresh_detail(v, v.progress.at(resolved)));
    std::string item;
    s.append_item_json(item, resolved);
    BOOST_TEST(item == fresh_item(v, v.progress.at(resolved)));
  }
}

BOOST_AUTO_TEST_SUITE_END()
