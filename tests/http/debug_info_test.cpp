// GET /debug/info: a node's view as TiCDC's debug page prints it, as text:
// the owner's changefeeds (state, tables per capture) and captures, then
// the processors this capture runs with their tables.
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/server_fixture.hpp"

using namespace cdc::test;
namespace json = boost::json;

namespace {

struct debug_page : server_fixture {
  debug_page() : server_fixture(2) {
    auto c = client();
    auto r = c.post("/api/v2/changefeeds", R"({"changefeed_id":"cf","sink_uri":"blackhole://"})");
    BOOST_REQUIRE_MESSAGE(r.status == 200u, r.body);
    // Both captures hold some of the feed's tables.
    BOOST_REQUIRE(eventually([&] {
      auto d = c.get("/api/v2/changefeeds/cf").json().as_object();
      return d.contains("task_status") && d.at("task_status").as_array().size() == 2u;
    }));
    auto detail = c.get("/api/v2/changefeeds/cf").json();
    for (const auto& t : detail.at("task_status").as_array())
      tables[std::string(t.at("capture_id").as_string())] = t.at("table_ids").as_array();
    for (const auto& n : srv->nodes())
      (n->owns() ? owner : follower) = {n->capture_id(), n->address};
    BOOST_REQUIRE(!owner.id.empty() && !follower.id.empty());
  }

  struct node {
    std::string id, address;
  };

  http_response page(const node& n) { return http_client(n.address).get("/debug/info"); }

  /// The start of TiCDC's processor line for `table`.
  static std::string table_line(std::int64_t table) { return "tableID: " + std::to_string(table) + ", "; }

  std::map<std::string, json::array> tables;
  node owner, follower;
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

BOOST_AUTO_TEST_SUITE(debug_info)

BOOST_FIXTURE_TEST_CASE(the_owner_shows_its_feeds_with_tables_per_capture_and_the_captures, debug_page) {
  auto r = page(owner);
  BOOST_TEST(r.status == 200u);
  BOOST_TEST(r.content_type.starts_with("text/plain"), r.content_type);
  const auto& text = r.body;
  BOOST_TEST(has(text, "*** owner info ***"), text);
  BOOST_TEST(has(text, "default/cf state=normal"), text);
  for (const auto& [capture, ids] : tables) {
    std::string listed = "capture " + capture + " tables [";
    for (std::size_t i = 0; i < ids.size(); ++i)
      listed += (i == 0 ? "" : ", ") + std::to_string(ids[i].as_int64());
    BOOST_TEST(has(text, listed + "]"), listed << "\n" << text);
  }
  BOOST_TEST(has(text, "id=" + owner.id + " address=" + owner.address + " is_owner=true"), text);
  BOOST_TEST(has(text, "id=" + follower.id + " address=" + follower.address + " is_owner=false"), text);
  // Its own processor, with its own tables only.
  BOOST_TEST(has(text, "*** processors info ***"), text);
  BOOST_TEST(has(text, "changefeedID: default/cf"), text);
  for (const auto& t : tables.at(owner.id))
    BOOST_TEST(has(text, table_line(t.as_int64())), text);
  auto processors = text.substr(text.find("*** processors info ***"));
  for (const auto& t : tables.at(follower.id))
    BOOST_TEST(!has(processors, table_line(t.as_int64())), processors);
}

BOOST_FIXTURE_TEST_CASE(a_capture_that_does_not_own_shows_only_its_processors, debug_page) {
  auto text = page(follower).body;
  BOOST_TEST(!has(text, "*** owner info ***"), text);
  BOOST_TEST(has(text, "changefeedID: default/cf"), text);
  for (const auto& t : tables.at(follower.id))
    BOOST_TEST(has(text, table_line(t.as_int64())), text);
  for (const auto& t : tables.at(owner.id))
    BOOST_TEST(!has(text, table_line(t.as_int64())), text);
}

BOOST_AUTO_TEST_SUITE_END()
