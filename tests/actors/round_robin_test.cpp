// Periodic work spread over many keys: each round takes the next few in key
// order, wraps past the end, and keeps its place when keys come and go.
#include <map>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "actors/round_robin.hpp"

using cdc::actors::visit_round_robin;

namespace {

std::vector<int> round(const std::set<int>& ring, int& cursor, std::size_t count) {
  std::vector<int> seen;
  visit_round_robin(ring, cursor, count, [&](int key) { seen.push_back(key); });
  return seen;
}

} // namespace

BOOST_AUTO_TEST_SUITE(round_robin)

BOOST_AUTO_TEST_CASE(rounds_continue_where_the_last_stopped_and_wrap) {
  std::set<int> ring{1, 2, 3, 4, 5};
  int cursor = 0;
  BOOST_TEST(round(ring, cursor, 2) == (std::vector<int>{1, 2}));
  BOOST_TEST(round(ring, cursor, 2) == (std::vector<int>{3, 4}));
  BOOST_TEST(round(ring, cursor, 2) == (std::vector<int>{5, 1}));
  BOOST_TEST(cursor == 2);
}

BOOST_AUTO_TEST_CASE(no_entry_is_visited_twice_in_one_round) {
  std::set<int> ring{1, 2, 3};
  int cursor = 2;
  BOOST_TEST(round(ring, cursor, 10) == (std::vector<int>{2, 3, 1}));
  BOOST_TEST(cursor == 2);
  std::set<int> empty;
  BOOST_TEST(round(empty, cursor, 10).empty());
}

BOOST_AUTO_TEST_CASE(a_removed_cursor_key_resumes_at_the_next_one) {
  std::set<int> ring{1, 2, 3, 4};
  int cursor = 0;
  round(ring, cursor, 2);
  ring.erase(3);
  BOOST_TEST(round(ring, cursor, 1) == (std::vector<int>{4}));
  ring.erase(1);
  BOOST_TEST(round(ring, cursor, 1) == (std::vector<int>{2}));
}

BOOST_AUTO_TEST_CASE(maps_are_visited_by_entry) {
  std::map<std::string, int> ring{{"a", 1}, {"b", 2}, {"c", 3}};
  std::string cursor = "b";
  std::vector<int> seen;
  visit_round_robin(ring, cursor, 2, [&](const auto& entry) { seen.push_back(entry.second); });
  BOOST_TEST(seen == (std::vector<int>{2, 3}));
  BOOST_TEST(cursor == "a");
}

BOOST_AUTO_TEST_SUITE_END()
