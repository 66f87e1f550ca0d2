// The meta store on a real etcd: what goes in comes back equal, under
// TiCDC's keys and in TiCDC's JSON; a batch is one transaction; progress
// never brings back a removed feed; and a batch etcd would refuse is refused
// whole before it is sent.
#include <atomic>
#include <set>
#include <thread>

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include "model/changefeed/status_codec.hpp"
#include "tests/store/etcd_fixture.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/printers.hpp"
#include "tests/support/process.hpp"
#include "tests/support/subprocess.hpp"

using namespace cdc;
using namespace cdc::store;
using test::make_info;
using test::stored;

namespace {

std::string endpoint() {
  return test::shared_etcd().endpoint();
}

std::set<std::string> ids_of(const meta_snapshot& s) {
  std::set<std::string> ids;
  for (const auto& r : s.records)
    ids.insert(r.info.key.id);
  return ids;
}

/// Writes feed `id`'s progress alone; whether it was written.
bool put_progress_of(etcd_backend& b, const std::string& id, model::tso_t ts) {
  std::vector<meta_op> batch{put_progress{{"default", id}, {ts, ts}}};
  return b.apply(batch).has_value();
}

} // namespace

BOOST_AUTO_TEST_SUITE(etcd_backend_on_etcd)

BOOST_AUTO_TEST_CASE(info_and_status_come_back_equal) {
  auto b = test::etcd_backend_on(endpoint(), "round-trip");
  auto info = make_info("cf-1", model::feed_state::stopped, 4000);
  info.sink_uri = "mysql://root:secret@127.0.0.1:3306/";
  info.error = model::running_error{std::nullopt, "127.0.0.1:8300", "CDC:ErrSinkWriteFailed", "boom"};
  auto rev = put(*b, info, {4100, 4200});
  BOOST_REQUIRE_MESSAGE(rev.has_value(), rev.error().message);

  auto got = b->get({"default", "cf-1"});
  BOOST_REQUIRE(got.has_value() && got->has_value());
  BOOST_TEST(stored((*got)->info) == stored(info));
  BOOST_TEST((*got)->progress.checkpoint_ts == 4100u);
  BOOST_TEST((*got)->progress.resolved_ts == 4200u);
  BOOST_TEST((*got)->mod_revision == *rev);

  // A second backend (a restarted server) reads the same.
  auto snap = test::etcd_backend_on(endpoint(), "round-trip")->list();
  BOOST_REQUIRE(snap.has_value());
  BOOST_REQUIRE(snap->records.size() == 1u);
  BOOST_TEST(stored(snap->records[0].info) == stored(info));
  BOOST_TEST(snap->records[0].progress.resolved_ts == 4200u);
  BOOST_TEST(snap->revision >= *rev);
  BOOST_TEST(!b->get({"default", "missing"}).value().has_value());
}

BOOST_AUTO_TEST_CASE(the_keys_and_values_are_ticdcs) {
  auto b = test::etcd_backend_on(endpoint(), "layout");
  BOOST_REQUIRE(put(*b, make_info("cf-1", model::feed_state::stopped), {1500, 1600}).has_value());
  auto kvs = test::raw_prefix(endpoint(), "/tidb/cdc/layout/");
  BOOST_REQUIRE(kvs.size() == 2u);
  BOOST_TEST(kvs[0].key == "/tidb/cdc/layout/default/changefeed/info/cf-1");
  BOOST_TEST(kvs[1].key == "/tidb/cdc/layout/default/changefeed/status/cf-1");
  auto info = boost::json::parse(kvs[0].value);
  BOOST_TEST(info.at("changefeed-id").as_string() == "cf-1");
  BOOST_TEST(info.at("state").as_string() == "stopped");
  auto status = boost::json::parse(kvs[1].value);
  BOOST_TEST(status.at("checkpoint-ts").to_number<std::uint64_t>() == 1500u);
  BOOST_TEST(status.at("min-table-barrier-ts").to_number<std::uint64_t>() == 1600u);
  // A stopped feed's status says AdminStop, as TiCDC's owner writes it.
  BOOST_TEST(status.at("admin-job-type").to_number<int>() == 1);

  // etcd's own tool shows the same keys (what a TiCDC operator would run).
  auto [code, out] = test::run_command(test::find_program("etcdctl", "etcd-client"),
                                       {"--endpoints=" + endpoint(), "get", "--prefix", "/tidb/cdc/layout/"});
  BOOST_TEST(code == 0, out);
  BOOST_TEST(out.find("/tidb/cdc/layout/default/changefeed/info/cf-1\n{") != std::string::npos, out);
  BOOST_TEST(out.find("/tidb/cdc/layout/default/changefeed/status/cf-1\n{\"checkpoint-ts\":1500,") != std::string::npos,
             out);
}

BOOST_AUTO_TEST_CASE(the_revision_is_etcds_commit_revision) {
  auto b = test::etcd_backend_on(endpoint(), "revision");
  auto rev = put(*b, make_info("a"), {1, 1});
  BOOST_REQUIRE(rev.has_value());
  auto kvs = test::raw_prefix(endpoint(), "/tidb/cdc/revision/");
  BOOST_REQUIRE(kvs.size() == 2u);
  BOOST_TEST(static_cast<std::uint64_t>(kvs[0].mod_revision) == *rev);
  BOOST_TEST(static_cast<std::uint64_t>(kvs[1].mod_revision) == *rev);
}

BOOST_AUTO_TEST_CASE(a_delete_removes_both_keys) {
  auto b = test::etcd_backend_on(endpoint(), "delete");
  BOOST_REQUIRE(put(*b, make_info("a"), {1, 1}).has_value());
  BOOST_REQUIRE(put(*b, make_info("b"), {1, 1}).has_value());
  BOOST_REQUIRE(remove(*b, {"default", "a"}).has_value());
  BOOST_TEST(ids_of(b->list().value()) == (std::set<std::string>{"b"}));
  BOOST_TEST(test::raw_keys(endpoint(), "/tidb/cdc/delete/")
             == (std::vector<std::string>{"/tidb/cdc/delete/default/changefeed/info/b",
                                          "/tidb/cdc/delete/default/changefeed/status/b"}));
  // Deleting what is gone is no error.
  BOOST_TEST(remove(*b, {"default", "a"}).has_value());
}

BOOST_AUTO_TEST_CASE(a_fenced_backend_writes_only_while_its_owner_campaign_stands) {
  auto fence = std::make_shared<owner_fence>();
  etcd_options options;
  options.fence = fence;
  auto b = test::etcd_backend_on(endpoint(), "fenced", options);
  const std::string prefix = "/tidb/cdc/fenced/default/";
  auto refused = [&](const std::string& id) {
    auto r = put(*b, make_info(id), {1, 1});
    return !r && r.error().kind == model::api_error::not_owner;
  };
  // Never owned: nothing is written.
  BOOST_TEST(refused("early"));
  BOOST_TEST(test::raw_keys(endpoint(), prefix).empty());

  // Its campaign stands: writes go through.
  const std::string campaign = model::etcd_keys::owner_key("fenced", 0x1234);
  auto raw = test::etcd_client_for(endpoint());
  auto won = raw.txn({.success = {etcd::put_request{.key = campaign, .value = "capture-a"}}});
  BOOST_REQUIRE(won.has_value());
  fence->hold(campaign, won->revision);
  BOOST_TEST(put(*b, make_info("a"), {1, 1}).has_value());
  BOOST_TEST(put_progress_of(*b, "a", 50));

  // The campaign ended (a resign deletes it): a write in flight from the
  // old owner fails and writes nothing.
  BOOST_REQUIRE(raw.txn({.success = {etcd::delete_request{.key = campaign}}}).has_value());
  BOOST_TEST(refused("late"));
  BOOST_TEST(!put_progress_of(*b, "a", 60));
  // The same key campaigning again is another term: still fenced.
  BOOST_REQUIRE(raw.txn({.success = {etcd::put_request{.key = campaign, .value = "capture-a"}}}).has_value());
  BOOST_TEST(refused("later"));
  BOOST_TEST(test::raw_keys(endpoint(), prefix)
             == (std::vector<std::string>{prefix + "changefeed/info/a", prefix + "changefeed/status/a"}));
  BOOST_TEST(b->get({"default", "a"}).value()->progress.checkpoint_ts == 50u);
}

BOOST_AUTO_TEST_CASE(progress_of_a_missing_feed_writes_nothing) {
  auto b = test::etcd_backend_on(endpoint(), "progress-missing");
  BOOST_REQUIRE(put(*b, make_info("kept"), {1, 1}).has_value());
  std::vector<meta_op> batch{put_progress{{"default", "kept"}, {50, 60}}, put_progress{{"default", "never"}, {7, 7}}};
  auto rev = b->apply(batch);
  BOOST_REQUIRE_MESSAGE(rev.has_value(), rev.error().message);
  BOOST_TEST(b->get({"default", "kept"}).value()->progress.checkpoint_ts == 50u);
  BOOST_TEST(test::raw_keys(endpoint(), "/tidb/cdc/progress-missing/default/changefeed/status/never").empty());
}

BOOST_AUTO_TEST_CASE(progress_of_a_feed_removed_behind_the_backends_back_writes_nothing) {
  auto b = test::etcd_backend_on(endpoint(), "progress-race");
  BOOST_REQUIRE(put(*b, make_info("a"), {1, 1}).has_value());
  // Another owner removes the feed; this backend still believes it exists.
  BOOST_REQUIRE(remove(*test::etcd_backend_on(endpoint(), "progress-race"), {"default", "a"}).has_value());
  std::vector<meta_op> batch{put_progress{{"default", "a"}, {9, 9}}};
  BOOST_REQUIRE(b->apply(batch).has_value());
  BOOST_TEST(test::raw_keys(endpoint(), "/tidb/cdc/progress-race/").empty());
}

BOOST_AUTO_TEST_CASE(progress_keeps_the_admin_job_of_the_feeds_state) {
  auto writer = test::etcd_backend_on(endpoint(), "progress-job");
  BOOST_REQUIRE(put(*writer, make_info("a", model::feed_state::finished), {1, 1}).has_value());
  // A fresh backend has not read the feed yet: it learns the state first.
  auto b = test::etcd_backend_on(endpoint(), "progress-job");
  std::vector<meta_op> batch{put_progress{{"default", "a"}, {30, 40}}};
  BOOST_REQUIRE(b->apply(batch).has_value());
  auto kvs = test::raw_prefix(endpoint(), "/tidb/cdc/progress-job/default/changefeed/status/a");
  BOOST_REQUIRE(kvs.size() == 1u);
  auto status = model::parse_status(kvs[0].value);
  BOOST_REQUIRE(status.has_value());
  BOOST_TEST(status->progress.checkpoint_ts == 30u);
  BOOST_TEST(status->admin_job_type == model::admin_job::finish);
}

BOOST_AUTO_TEST_CASE(other_keys_of_the_cluster_read_as_ticdc_reads_them) {
  const std::string cluster = "foreign-keys";
  auto c = test::etcd_client_for(endpoint());
  auto put_raw = [&](const std::string& key, const std::string& value) {
    BOOST_REQUIRE(c.put({.key = key, .value = value}).has_value());
  };
  auto info = make_info("no-status", model::feed_state::normal, 777);
  put_raw(model::etcd_keys::info_key(cluster, info.key), model::serialize_info(info));
  put_raw(model::etcd_keys::status_key(cluster, {"default", "orphan"}), R"({"checkpoint-ts":1})");
  put_raw("/tidb/cdc/" + cluster + "/__cdc_meta__/capture/6f2c", R"({"id":"6f2c"})");
  auto b = test::etcd_backend_on(endpoint(), cluster);
  auto snap = b->list();
  BOOST_REQUIRE_MESSAGE(snap.has_value(), snap.error().message);
  // A status without its info is no changefeed; an info without a status
  // starts at its start TS, as TiCDC's owner does.
  BOOST_REQUIRE(snap->records.size() == 1u);
  BOOST_TEST(snap->records[0].progress.checkpoint_ts == 777u);

  put_raw(model::etcd_keys::info_key(cluster, {"default", "bad"}), "{not json");
  auto r = b->list();
  BOOST_REQUIRE(!r.has_value());
  BOOST_TEST(r.error().kind == model::api_error::meta_store_failed);
  BOOST_TEST(r.error().message.find("corrupt record /tidb/cdc/foreign-keys/default/changefeed/info/bad")
               != std::string::npos,
             r.error().message);
}

BOOST_AUTO_TEST_CASE(a_batch_is_applied_in_order_as_one_transaction) {
  auto b = test::etcd_backend_on(endpoint(), "in-order");
  BOOST_REQUIRE(put(*b, make_info("gone"), {1, 1}).has_value());
  std::vector<meta_op> batch{put_record{make_info("a"), {1, 1}}, put_progress{{"default", "a"}, {5, 6}},
                             delete_record{{"default", "gone"}}, put_progress{{"default", "gone"}, {9, 9}},
                             put_record{make_info("b"), {2, 2}}, delete_record{{"default", "b"}},
                             put_record{make_info("b"), {3, 3}}};
  auto rev = b->apply(batch);
  BOOST_REQUIRE_MESSAGE(rev.has_value(), rev.error().message);
  auto snap = b->list().value();
  BOOST_TEST(ids_of(snap) == (std::set<std::string>{"a", "b"}));
  BOOST_TEST(b->get({"default", "a"}).value()->progress.checkpoint_ts == 5u);
  BOOST_TEST(b->get({"default", "b"}).value()->progress.checkpoint_ts == 3u);
  for (const auto& r : snap.records)
    BOOST_TEST(r.mod_revision == *rev);
}

BOOST_AUTO_TEST_CASE(a_transaction_etcd_refuses_leaves_nothing) {
  auto b = test::etcd_backend_on(endpoint(), "all-or-nothing");
  BOOST_REQUIRE(put(*b, make_info("before"), {1, 1}).has_value());
  // The second create is larger than etcd's request limit (1.5 MiB by
  // default), so etcd refuses the whole transaction.
  auto huge = make_info("huge");
  huge.sink_uri = "blackhole://?pad=" + std::string(2 << 20, 'x');
  std::vector<meta_op> batch{put_record{make_info("small"), {1, 1}}, put_record{huge, {1, 1}},
                             delete_record{{"default", "before"}}};
  auto r = b->apply(batch);
  BOOST_REQUIRE(!r.has_value());
  BOOST_TEST(r.error().kind == model::api_error::pd_etcd_api_error);
  BOOST_TEST(r.error().message.find("/v3/kv/txn") != std::string::npos, r.error().message);
  BOOST_TEST(ids_of(b->list().value()) == (std::set<std::string>{"before"}));
}

BOOST_AUTO_TEST_CASE(a_batch_over_128_etcd_operations_is_refused_whole) {
  auto b = test::etcd_backend_on(endpoint(), "max-ops");
  // 64 creates are 128 puts (info and status): etcd's limit, accepted.
  std::vector<meta_op> batch;
  for (int i = 0; i < 64; ++i)
    batch.push_back(put_record{make_info("f" + std::to_string(i)), {1, 1}});
  BOOST_REQUIRE_MESSAGE(b->apply(batch).has_value(), "64 creates");
  BOOST_TEST(b->list().value().records.size() == 64u);

  // One more op is 130 puts: refused before anything is sent.
  batch.push_back(put_record{make_info("f64"), {1, 1}});
  auto r = b->apply(batch);
  BOOST_REQUIRE(!r.has_value());
  BOOST_TEST(r.error().kind == model::api_error::meta_store_failed);
  BOOST_TEST(r.error().message.find("needs 130 etcd operations, more than the 128") != std::string::npos,
             r.error().message);
  BOOST_TEST(!b->get({"default", "f64"}).value().has_value());

  // The limit is etcd's: a backend told a higher one gets etcd's refusal.
  auto unbounded = test::etcd_backend_on(endpoint(), "max-ops", {.max_txn_ops = 1000});
  auto refused = unbounded->apply(batch);
  BOOST_REQUIRE(!refused.has_value());
  BOOST_TEST(refused.error().message.find("too many operations in txn request") != std::string::npos,
             refused.error().message);
}

BOOST_AUTO_TEST_CASE(a_list_reads_one_revision_while_others_write) {
  auto b = test::etcd_backend_on(endpoint(), "one-revision", {.list_page_keys = 1});
  for (int i = 0; i < 20; ++i)
    BOOST_REQUIRE(put(*b, make_info("f" + std::to_string(i)), {1, 1}).has_value());
  // Another writer creates feeds and moves checkpoints while the list
  // reads its pages one key at a time.
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::thread writer([&] {
    auto w = test::etcd_backend_on(endpoint(), "one-revision");
    for (int i = 100; !stop; ++i) {
      std::vector<meta_op> ops{put_record{make_info("f" + std::to_string(i)), {1, 1}},
                               put_progress{{"default", "f0"}, {model::tso_t(i), model::tso_t(i)}}};
      if (!w->apply(ops))
        break;
      ++written;
    }
  });
  while (written == 0)
    std::this_thread::yield();
  auto snap = b->list();
  stop = true;
  writer.join();
  BOOST_REQUIRE(snap.has_value());
  // Exactly what etcd held at the snapshot's revision: no feed created
  // later, no checkpoint written later.
  auto at = test::raw_prefix(endpoint(), "/tidb/cdc/one-revision/default/changefeed/info/",
                             static_cast<std::int64_t>(snap->revision));
  BOOST_TEST(snap->records.size() == at.size());
  BOOST_TEST(snap->records.size() > 20u);
  auto latest = b->list().value();
  BOOST_TEST(latest.records.size() > snap->records.size());
  for (const auto& r : snap->records)
    BOOST_TEST(r.mod_revision <= snap->revision);
  auto f0_status = test::raw_prefix(endpoint(), "/tidb/cdc/one-revision/default/changefeed/status/f0",
                                    static_cast<std::int64_t>(snap->revision));
  BOOST_REQUIRE(f0_status.size() == 1u);
  BOOST_TEST(snap->records[0].info.key.id == "f0");
  BOOST_TEST(snap->records[0].progress.checkpoint_ts
             == model::parse_status(f0_status[0].value)->progress.checkpoint_ts);
}

BOOST_AUTO_TEST_SUITE_END()
