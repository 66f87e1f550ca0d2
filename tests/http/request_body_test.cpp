// The budget bodies are read under: what a body allocates is what it takes
// from the budget (and its owner gives back), a body that does not fit stops
// the read with its own error, and the budget is shared by every body.
#include <boost/test/unit_test.hpp>

#include <string_view>

#include "http/request_body.hpp"

using namespace cdc::http;

namespace {

/// Parses `bytes` as one request under `budget`; the parser keeps the body.
struct parsed {
  bhttp::request_parser<budgeted_body> parser;
  beast::error_code ec;

  parsed(std::string_view bytes, body_budget& budget) {
    parser.get().body().budget = &budget;
    parser.eager(true);
    while (!bytes.empty() && !parser.is_done()) {
      auto used = parser.put(net::buffer(bytes.data(), bytes.size()), ec);
      if (ec)
        return;
      bytes.remove_prefix(used);
    }
  }
  const budgeted_body::value_type& body() { return parser.get().body(); }
};

std::string post(std::size_t declared, std::string_view body) {
  return "POST /x HTTP/1.1\r\nContent-Length: " + std::to_string(declared) + "\r\n\r\n" + std::string(body);
}

/// std::string's room inside itself: never allocated, never taken.
constexpr std::size_t in_place = 15;

} // namespace

BOOST_AUTO_TEST_SUITE(request_body_budget)

BOOST_AUTO_TEST_CASE(a_body_takes_what_it_allocates_and_its_owner_gives_it_back) {
  body_budget budget(1 << 20);
  {
    // The first byte of a body that announced 95 (found by the fuzzer: the
    // reservation for the declared length counts, not the byte that came).
    parsed p(post(95, "{"), budget);
    BOOST_TEST(!p.ec);
    BOOST_TEST(budget.held() == p.body().taken);
    BOOST_TEST(p.body().text.capacity() <= p.body().taken + in_place);
    BOOST_TEST(p.body().taken >= 95 - in_place);
    budget.give_back(p.body().taken);
  }
  parsed whole(post(100'000, std::string(100'000, 'x')), budget);
  BOOST_TEST(whole.parser.is_done());
  BOOST_TEST(whole.body().text.size() == 100'000u);
  BOOST_TEST(budget.held() == whole.body().taken);
  BOOST_TEST(whole.body().text.capacity() <= whole.body().taken + in_place);
}

BOOST_AUTO_TEST_CASE(a_body_that_does_not_fit_stops_the_read_with_no_buffer_space) {
  body_budget budget(64 * 1024);
  parsed big(post(200'000, std::string(200'000, 'x')), budget);
  BOOST_TEST(big.ec == net::error::no_buffer_space);
  BOOST_TEST(big.body().over_budget);
  BOOST_TEST(budget.held() == big.body().taken);
  BOOST_TEST(budget.held() <= 64u * 1024u);
}

BOOST_AUTO_TEST_CASE(bodies_share_the_budget_and_one_given_back_makes_room) {
  body_budget budget(100 * 1024);
  parsed first(post(60'000, std::string(60'000, 'a')), budget);
  BOOST_TEST(first.parser.is_done());
  parsed second(post(60'000, std::string(60'000, 'b')), budget);
  BOOST_TEST(second.body().over_budget);
  budget.give_back(second.body().taken);
  budget.give_back(first.body().taken);
  BOOST_TEST(budget.held() == 0u);
  parsed third(post(60'000, std::string(60'000, 'c')), budget);
  BOOST_TEST(third.parser.is_done());
}

BOOST_AUTO_TEST_SUITE_END()
