// GET /changefeeds and GET /changefeeds/{id} are served from what the
// changefeeds published: every write is visible to the next read, and the
// bodies are those the actors would give.
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/server_fixture.hpp"

using namespace cdc::test;
namespace json = boost::json;

namespace {

struct reads : server_fixture {
  reads() : server_fixture(2), c(client()) {}

  json::object create(const std::string& id) {
    auto r = c.post("/api/v2/changefeeds", R"({"changefeed_id":")" + id + R"(","sink_uri":"blackhole://"})");
    BOOST_REQUIRE_MESSAGE(r.status == 200u, r.body);
    return r.json().as_object();
  }

  json::object get(const std::string& id) {
    auto r = c.get("/api/v2/changefeeds/" + id);
    BOOST_REQUIRE_MESSAGE(r.status == 200u, r.body);
    return r.json().as_object();
  }

  http_client c;
};

} // namespace

BOOST_AUTO_TEST_SUITE(published_reads)

BOOST_FIXTURE_TEST_CASE(a_get_after_create_shows_what_the_create_answered, reads) {
  auto created = create("cf");
  auto got = get("cf");
  for (auto k : {"upstream_id", "namespace", "id", "sink_uri", "create_time", "start_ts", "target_ts",
                 "admin_job_type", "config", "state", "error", "creator_version", "task_status"})
    BOOST_TEST(got.at(k) == created.at(k), k);
  BOOST_TEST(got.at("task_status").as_array().size() == 2u); // both captures hold tables
}

BOOST_FIXTURE_TEST_CASE(a_get_after_an_update_shows_the_new_target, reads) {
  create("up");
  BOOST_TEST(c.post("/api/v2/changefeeds/up/pause").status == 200u);
  BOOST_TEST(c.put("/api/v2/changefeeds/up", R"({"target_ts": 4611686018427387904})").status == 200u);
  BOOST_TEST(get("up").at("target_ts").to_number<std::uint64_t>() == 4611686018427387904u);
  BOOST_TEST(!get("up").contains("task_status")); // a stopped feed shows none
}

BOOST_FIXTURE_TEST_CASE(the_list_comes_in_id_order_with_its_total, reads) {
  for (auto id : {"b", "c", "a"})
    create(id);
  auto list = c.get("/api/v2/changefeeds").json().as_object();
  BOOST_TEST(list.at("total").as_int64() == 3);
  std::vector<std::string> ids;
  for (const auto& it : list.at("items").as_array())
    ids.emplace_back(it.at("id").as_string());
  BOOST_TEST(ids == (std::vector<std::string>{"a", "b", "c"}), boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(lists_of_many_feeds_see_every_write_before_them, reads) {
  // Past a few hundred feeds, lists are made on the bulk reads' thread.
  constexpr int feeds = 300;
  for (int i = 0; i < feeds; ++i)
    create("many-" + std::to_string(1000 + i));
  BOOST_REQUIRE_EQUAL(c.post("/api/v2/changefeeds/many-1007/pause", "").status, 200u);
  BOOST_REQUIRE_EQUAL(c.del("/api/v2/changefeeds/many-1008").status, 200u);
  auto list = c.get("/api/v2/changefeeds").json().as_object();
  BOOST_TEST(list.at("total").as_int64() == feeds - 1);
  BOOST_TEST(list.at("items").as_array().at(7).at("state").as_string() == "stopped");
  BOOST_TEST(list.at("items").as_array().at(8).at("id").as_string() == "many-1009");
  auto stopped = c.get("/api/v2/changefeeds?state=stopped").json().as_object();
  BOOST_TEST(stopped.at("total").as_int64() == 1);
  BOOST_TEST(c.get("/api/v2/changefeeds?namespace=other").json().at("total").as_int64() == 0);
  BOOST_TEST(c.get("/api/v1/changefeeds").json().as_array().size() == std::size_t{feeds - 1});
  auto processors = c.get("/api/v2/processors").json().as_object();
  BOOST_TEST(processors.at("total").as_int64() == 2 * (feeds - 2)); // both captures; not the paused feed
  for (const auto& p : processors.at("items").as_array())
    BOOST_TEST(p.at("changefeed_id").as_string() != "many-1007");
}

BOOST_FIXTURE_TEST_CASE(the_checkpoint_a_get_shows_moves_on, reads) {
  auto start = create("run").at("checkpoint_ts").to_number<std::uint64_t>();
  BOOST_TEST(eventually([&] { return get("run").at("checkpoint_ts").to_number<std::uint64_t>() > start; }, 3.0));
}

BOOST_AUTO_TEST_SUITE_END()
