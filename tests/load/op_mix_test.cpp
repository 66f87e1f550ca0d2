// The weighted blend: parsing --mix, drawing in proportion to the weights.
#include <boost/test/unit_test.hpp>

#include <map>
#include <random>

#include "tools/load/op_mix.hpp"

using namespace cdc::load;

BOOST_AUTO_TEST_SUITE(load_op_mix)

BOOST_AUTO_TEST_CASE(draws_cover_each_entry_in_proportion_to_its_weight) {
  op_mix mix{{{pick::status, 1}, {pick::get, 3}}};
  std::map<pick, int> seen;
  for (std::uint64_t r = 0; r < mix.total() * 100; ++r)
    ++seen[mix.choose(r)];
  BOOST_TEST(seen[pick::status] == 100);
  BOOST_TEST(seen[pick::get] == 300);
}

BOOST_AUTO_TEST_CASE(random_draws_approach_the_weights) {
  auto mix = default_mix(scenario::read); // status 1, list 1, get 4, processors 1
  std::mt19937_64 rng{7};
  std::map<pick, int> seen;
  const int n = 70'000;
  for (int i = 0; i < n; ++i)
    ++seen[mix.choose(rng())];
  BOOST_TEST(std::abs(seen[pick::get] - 40'000) < 800);
  BOOST_TEST(std::abs(seen[pick::list] - 10'000) < 500);
  BOOST_TEST(seen[pick::churn] == 0);
}

BOOST_AUTO_TEST_CASE(zero_weights_are_never_drawn) {
  op_mix mix{{{pick::status, 0}, {pick::list, 2}}};
  BOOST_TEST(mix.total() == 2u);
  for (std::uint64_t r = 0; r < 10; ++r)
    BOOST_TEST((mix.choose(r) == pick::list));
  BOOST_TEST(!mix.has(pick::status));
}

BOOST_AUTO_TEST_CASE(parse_reads_names_and_weights) {
  std::string error;
  auto mix = parse_mix("status:2,get,churn:5", error);
  BOOST_REQUIRE(mix);
  BOOST_TEST(mix->to_string() == "status:2,get:1,churn:5");
  BOOST_TEST(mix->total() == 8u);
}

BOOST_AUTO_TEST_CASE(parse_refuses_an_unknown_operation) {
  std::string error;
  BOOST_TEST(!parse_mix("status:1,delete:2", error));
  BOOST_TEST(error.find("unknown operation 'delete'") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(parse_refuses_a_bad_weight) {
  std::string error;
  BOOST_TEST(!parse_mix("get:x", error));
  BOOST_TEST(error.find("weight of 'get'") != std::string::npos, error);
  BOOST_TEST(!parse_mix("get:-1", error));
}

BOOST_AUTO_TEST_CASE(parse_refuses_a_repeated_operation) {
  std::string error;
  BOOST_TEST(!parse_mix("get:1,get:2", error));
  BOOST_TEST(error.find("twice") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(parse_refuses_all_zero_weights) {
  std::string error;
  BOOST_TEST(!parse_mix("get:0,list:0", error));
  BOOST_TEST(error.find("above 0") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(mixed_default_adds_churn_to_the_reads) {
  BOOST_TEST(default_mix(scenario::mixed).to_string() == "status:1,list:1,get:4,processors:1,churn:2");
  BOOST_TEST(default_mix(scenario::churn).to_string() == "churn:1");
}

BOOST_AUTO_TEST_CASE(names_round_trip) {
  for (std::size_t i = 0; i < op_count; ++i) {
    auto o = static_cast<op>(i);
    BOOST_TEST((op_from(to_string(o)) == o));
  }
  BOOST_TEST((scenario_from("mixed") == scenario::mixed));
  BOOST_TEST(!scenario_from("write"));
}

BOOST_AUTO_TEST_SUITE_END()
