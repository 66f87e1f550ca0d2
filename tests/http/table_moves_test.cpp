// Operators' table moves over real sockets, on three captures in one
// process: draining a capture (v2's POST and v1's PUT), v1's move_table
// and rebalance_table, with TiCDC's answers and refusals.
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/api_checks.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc;
using namespace cdc::test;

namespace {

struct three_captures : server_fixture {
  three_captures() : server_fixture(3) {
    auto c = client();
    BOOST_REQUIRE(c.post("/api/v2/changefeeds", R"({"changefeed_id":"f","sink_uri":"blackhole://"})").status == 200u);
    BOOST_REQUIRE(eventually([&] { return tables_on(1).size() > 0; }));
  }

  std::string capture(std::size_t i) const { return srv->nodes()[i]->capture_id(); }

  std::vector<std::int64_t> tables_on(std::size_t i) const {
    auto r = client().get("/api/v2/processors/f/" + capture(i));
    std::vector<std::int64_t> out;
    if (r.status != 200u)
      return out;
    auto body = r.json();
    for (const auto& t : body.at("table_ids").as_array())
      out.push_back(t.as_int64());
    return out;
  }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(table_moves, three_captures)

BOOST_AUTO_TEST_CASE(drain_moves_every_table_away_and_the_capture_keeps_serving) {
  auto c = client(2);
  auto r = c.post("/api/v2/captures/" + capture(1) + "/drain");
  BOOST_TEST(r.status == 202u, r.body);
  BOOST_TEST(r.json().at("current_table_count").as_int64() >= 0);
  BOOST_TEST(eventually([&] {
    return c.post("/api/v2/captures/" + capture(1) + "/drain").json().at("current_table_count").as_int64() == 0;
  }));
  BOOST_TEST(tables_on(1).empty());
  BOOST_TEST(tables_on(0).size() + tables_on(2).size() == 32u);
  // Still a capture of the cluster, answering requests.
  BOOST_TEST(client(1).get("/api/v2/status").status == 200u);
  BOOST_TEST(c.get("/api/v2/captures").json().at("total").as_int64() == 3);
}

BOOST_AUTO_TEST_CASE(drain_refuses_the_owner_and_unknown_captures) {
  auto c = client(1);
  auto owner = c.post("/api/v2/captures/" + capture(0) + "/drain");
  check_error(owner, 400, "CDC:ErrSchedulerRequestFailed");
  BOOST_TEST(owner.body.find("cannot drain the owner") != std::string::npos, owner.body);
  auto unknown = c.post("/api/v2/captures/no-such-capture/drain");
  check_error(unknown, 400, "CDC:ErrCaptureNotExist");
  BOOST_TEST(unknown.body.find("no-such-capture") != std::string::npos, unknown.body);
}

BOOST_AUTO_TEST_CASE(v1_drain_takes_the_capture_in_its_body) {
  auto c = client();
  auto r = c.put("/api/v1/captures/drain", R"({"capture_id":")" + capture(2) + R"("})");
  BOOST_TEST(r.status == 202u, r.body);
  BOOST_TEST(r.json().as_object().contains("current_table_count"));
  BOOST_TEST(eventually([&] { return tables_on(2).empty(); }));
  check_error(c.put("/api/v1/captures/drain", R"({"capture_id":5})"), 400, "CDC:ErrAPIInvalidParam");
}

BOOST_AUTO_TEST_CASE(move_table_puts_the_table_where_asked_and_keeps_the_balance) {
  auto c = client(1);
  auto table = tables_on(0).front();
  auto r = c.post("/api/v1/changefeeds/f/tables/move_table",
                  R"({"capture_id":")" + capture(2) + R"(","table_id":)" + std::to_string(table) + "}");
  BOOST_TEST(r.status == 202u, r.body);
  BOOST_TEST(r.body.empty());
  BOOST_TEST(eventually([&] {
    auto on2 = tables_on(2);
    return std::find(on2.begin(), on2.end(), table) != on2.end();
  }));
  auto a = tables_on(0).size(), b = tables_on(1).size(), d = tables_on(2).size();
  BOOST_TEST(a + b + d == 32u);
  BOOST_TEST(std::max({a, b, d}) - std::min({a, b, d}) <= 1u);
}

BOOST_AUTO_TEST_CASE(move_and_rebalance_refuse_what_ticdc_refuses) {
  auto c = client();
  check_error(c.post("/api/v1/changefeeds/nope/tables/move_table", R"({"capture_id":"x","table_id":1})"), 400,
              "CDC:ErrChangeFeedNotExists");
  check_error(c.post("/api/v1/changefeeds/f/tables/move_table", R"({"capture_id":"bad id","table_id":1})"), 400,
              "CDC:ErrAPIInvalidParam");
  check_error(c.post("/api/v1/changefeeds/f/tables/move_table", "{"), 400, "CDC:ErrAPIInvalidParam");
  // A table the feed does not have is ignored, as TiCDC's scheduler does.
  BOOST_TEST(c.post("/api/v1/changefeeds/f/tables/move_table",
                    R"({"capture_id":")" + capture(1) + R"(","table_id":99999})")
               .status
             == 202u);
  auto r = c.post("/api/v1/changefeeds/f/tables/rebalance_table");
  BOOST_TEST(r.status == 202u, r.body);
  check_error(c.post("/api/v1/changefeeds/nope/tables/rebalance_table"), 400, "CDC:ErrChangeFeedNotExists");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(drain_with_one_capture_alive_is_refused) {
  server_fixture one;
  auto r = one.client().post("/api/v2/captures/" + one.srv->nodes()[0]->capture_id() + "/drain");
  check_error(r, 400, "CDC:ErrSchedulerRequestFailed");
  BOOST_TEST(r.body.find("only one capture alive") != std::string::npos, r.body);
}
