// Folding a batch into one write per changefeed (etcd refuses a txn that
// names a key twice): the result has the effect of the ops in order.
#include <boost/test/unit_test.hpp>

#include "actors/store/backend/etcd_batch.hpp"
#include "tests/support/meta_records.hpp"

using namespace cdc;
using namespace cdc::store;
using test::make_info;
using kind = feed_write::kind;

namespace {

model::changefeed_key key(const std::string& id) {
  return {"default", id};
}

} // namespace

BOOST_AUTO_TEST_SUITE(etcd_batch_folding)

BOOST_AUTO_TEST_CASE(one_write_per_feed_in_order_of_first_appearance) {
  std::vector<meta_op> ops{put_progress{key("b"), {1, 1}}, put_record{make_info("a"), {2, 2}},
                           put_progress{key("b"), {3, 3}}, delete_record{key("c")}};
  auto w = fold_batch(ops);
  BOOST_REQUIRE(w.size() == 3u);
  BOOST_TEST(w[0].key.id == "b");
  BOOST_TEST((w[0].what == kind::put_status_if_kept));
  BOOST_TEST(w[0].progress.checkpoint_ts == 3u);
  BOOST_TEST((w[1].what == kind::put_record));
  BOOST_TEST((w[2].what == kind::remove));
  BOOST_TEST(w[0].etcd_ops() + w[1].etcd_ops() + w[2].etcd_ops() == 5u);
}

BOOST_AUTO_TEST_CASE(progress_after_a_put_joins_the_put) {
  std::vector<meta_op> ops{put_record{make_info("a"), {1, 1}}, put_progress{key("a"), {5, 6}}};
  auto w = fold_batch(ops);
  BOOST_REQUIRE(w.size() == 1u);
  BOOST_TEST((w[0].what == kind::put_record));
  BOOST_TEST(w[0].progress.resolved_ts == 6u);
}

BOOST_AUTO_TEST_CASE(progress_after_a_delete_does_not_bring_the_feed_back) {
  std::vector<meta_op> ops{delete_record{key("a")}, put_progress{key("a"), {5, 5}}};
  auto w = fold_batch(ops);
  BOOST_REQUIRE(w.size() == 1u);
  BOOST_TEST((w[0].what == kind::remove));
}

BOOST_AUTO_TEST_CASE(the_last_put_or_delete_wins) {
  std::vector<meta_op> ops{put_record{make_info("a"), {1, 1}}, delete_record{key("a")},
                           put_record{make_info("a", model::feed_state::stopped), {2, 2}}};
  auto w = fold_batch(ops);
  BOOST_REQUIRE(w.size() == 1u);
  BOOST_TEST((w[0].what == kind::put_record));
  BOOST_TEST((w[0].info->state == model::feed_state::stopped));
  ops.push_back(delete_record{key("a")});
  BOOST_TEST((fold_batch(ops)[0].what == kind::remove));
}

BOOST_AUTO_TEST_SUITE_END()
