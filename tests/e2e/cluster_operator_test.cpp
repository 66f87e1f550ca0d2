// Operators' table moves across real processes: a capture drained through
// another node's API gives up every table and keeps serving, a SIGTERM then
// loses nothing, and v1's move_table puts a table on another process.
#include <signal.h>

#include <chrono>
#include <set>
#include <thread>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/cdc_cluster.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/process.hpp"

using namespace cdc;
using namespace cdc::test;
using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

namespace {

std::vector<std::int64_t> tables_on(http_client& c, const std::string& feed, const std::string& capture) {
  std::vector<std::int64_t> out;
  auto r = c.get("/api/v2/processors/" + feed + "/" + capture);
  if (r.status != 200)
    return out;
  auto body = r.json();
  if (const auto* ids = body.as_object().if_contains("table_ids"); ids && ids->is_array())
    for (const auto& t : ids->as_array())
      out.push_back(t.to_number<std::int64_t>());
  return out;
}

template <class Pred>
bool within(std::chrono::milliseconds limit, Pred pred) {
  for (auto until = clock_type::now() + limit; clock_type::now() < until; std::this_thread::sleep_for(100ms))
    if (pred())
      return true;
  return pred();
}

} // namespace

BOOST_AUTO_TEST_SUITE(cluster_operator)

BOOST_AUTO_TEST_CASE(a_drained_capture_gives_up_its_tables_keeps_serving_and_stops_clean) {
  cdc_cluster c{"cluster-drain"};
  auto owner = c.one_owner(10s);
  BOOST_REQUIRE(owner.has_value());
  std::size_t victim = (*owner + 1) % 3, other = (*owner + 2) % 3;
  http_client at_other(c.nodes[other].address);
  BOOST_REQUIRE(at_other.post("/api/v2/changefeeds", R"({"changefeed_id":"f","sink_uri":"blackhole://"})").status
                == 200u);
  auto victim_id = c.id_of(victim);
  BOOST_REQUIRE(within(5s, [&] { return !tables_on(at_other, "f", victim_id).empty(); }));

  // Drained through a node that is neither the owner nor the victim.
  auto first = at_other.post("/api/v2/captures/" + victim_id + "/drain");
  BOOST_TEST(first.status == 202u, first.body);
  BOOST_TEST(within(10s, [&] {
    auto r = at_other.post("/api/v2/captures/" + victim_id + "/drain");
    return r.status == 202u && r.json().at("current_table_count").as_int64() == 0;
  }));
  BOOST_TEST(within(3s, [&] { return tables_on(at_other, "f", victim_id).empty(); }));
  std::multiset<std::int64_t> placed;
  for (auto i : {*owner, other})
    for (auto t : tables_on(at_other, "f", c.id_of(i)))
      placed.insert(t);
  BOOST_TEST(placed.size() == 32u);
  BOOST_TEST(std::set<std::int64_t>(placed.begin(), placed.end()).size() == 32u, "each table exactly once");
  http_client at_victim(c.nodes[victim].address);
  BOOST_TEST(at_victim.get("/api/v2/status").status == 200u);
  BOOST_TEST(c.captures(other).size() == 3u);

  // v1's move_table puts one of the owner's tables on the other process.
  auto table = tables_on(at_other, "f", c.id_of(*owner)).front();
  auto moved = at_victim.post("/api/v1/changefeeds/f/tables/move_table", R"({"capture_id":")" + c.id_of(other)
                                                                            + R"(","table_id":)" + std::to_string(table)
                                                                            + "}");
  BOOST_TEST(moved.status == 202u, moved.body);
  BOOST_TEST(within(5s, [&] {
    auto on_other = tables_on(at_other, "f", c.id_of(other));
    return std::find(on_other.begin(), on_other.end(), table) != on_other.end();
  }));

  // The drained node stops: it held nothing, so no table moves.
  auto before = tables_on(at_other, "f", c.id_of(other));
  c.nodes[victim].process->signal(SIGTERM);
  BOOST_TEST(c.nodes[victim].process->wait(20s).value_or(-1) == 0);
  c.nodes[victim].running = false;
  BOOST_TEST(within(3s, [&] { return c.captures(other).size() == 2u; }));
  BOOST_TEST(tables_on(at_other, "f", c.id_of(other)) == before, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
