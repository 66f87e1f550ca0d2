// cdc-load's command line: scenarios, every flag, and the refusals.
#include <boost/test/unit_test.hpp>

#include "tools/load/options.hpp"

using namespace cdc::load;

namespace {

std::optional<load_options> parse(std::vector<std::string> args, std::string& error) {
  return parse_load_args(args, error);
}

/// Why `args` are refused ("" when they are accepted).
std::string refusal(std::vector<std::string> args) {
  std::string error;
  return parse_load_args(args, error) ? "" : error;
}

} // namespace

BOOST_AUTO_TEST_SUITE(load_options_parsing)

BOOST_AUTO_TEST_CASE(create_takes_the_number_of_changefeeds) {
  std::string error;
  auto o = parse({"create", "10000", "-c", "16"}, error);
  BOOST_REQUIRE_MESSAGE(o, error);
  BOOST_TEST((o->kind == scenario::create));
  BOOST_TEST(o->create_count == 10000u);
  BOOST_TEST(o->concurrency == 16u);
}

BOOST_AUTO_TEST_CASE(create_without_a_number_is_refused) {
  std::string error;
  BOOST_TEST(!parse({"create"}, error));
  BOOST_TEST(error.find("number of changefeeds") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(defaults_match_the_usage_text) {
  std::string error;
  auto o = parse({"read"}, error);
  BOOST_REQUIRE(o);
  BOOST_REQUIRE(o->servers.size() == 1u);
  BOOST_TEST(o->servers[0].text() == "127.0.0.1:8300");
  BOOST_TEST(o->concurrency == 16u);
  BOOST_TEST(o->duration.count() == 10'000);
  BOOST_TEST(o->rate == 0.0);
  BOOST_TEST(o->sink_uri == "blackhole://");
  BOOST_TEST(o->feed_count() == 16u);
  BOOST_TEST(o->mix.to_string() == "status:1,list:1,get:4,processors:1");
  BOOST_TEST(o->progress == "auto");
}

BOOST_AUTO_TEST_CASE(flags_take_values_after_equals_or_as_the_next_argument) {
  std::string error;
  auto o = parse({"mixed", "--addr=localhost:18300", "--duration", "1m30s", "--rate=2500.5", "--feeds", "64",
                  "--mix=get:3,churn:1", "--json=out.json", "--plot", "out.png", "--threads=2", "--timeout=2s",
                  "--interval=250ms", "--seed=9", "--fail-on-error", "--prefix=bench", "--progress=plain",
                  "--sink-uri=blackhole://?x=1", "--config=cfg.json", "-n", "500"},
                 error);
  BOOST_REQUIRE_MESSAGE(o, error);
  BOOST_TEST(o->servers.size() == 1u);
  BOOST_TEST(o->servers[0].text() == "127.0.0.1:18300");
  BOOST_TEST(o->duration.count() == 90'000);
  BOOST_TEST(o->rate == 2500.5);
  BOOST_TEST(o->feed_count() == 64u);
  BOOST_TEST(o->mix.to_string() == "get:3,churn:1");
  BOOST_TEST(o->json_file == "out.json");
  BOOST_TEST(o->plot_file == "out.png");
  BOOST_TEST(o->threads == 2u);
  BOOST_TEST(o->timeout.count() == 2000);
  BOOST_TEST(o->interval.count() == 250);
  BOOST_TEST(o->seed == 9u);
  BOOST_TEST(o->fail_on_error);
  BOOST_TEST(o->prefix == "bench");
  BOOST_TEST(o->progress == "plain");
  BOOST_TEST(o->sink_uri == "blackhole://?x=1");
  BOOST_TEST(o->config_file == "cfg.json");
  BOOST_TEST(o->count == 500u);
}

BOOST_AUTO_TEST_CASE(addr_accepts_an_http_url) {
  std::string error;
  auto o = parse({"read", "--addr=http://10.0.0.5:8301/"}, error);
  BOOST_REQUIRE_MESSAGE(o, error);
  BOOST_TEST(o->servers[0].host == "10.0.0.5");
  BOOST_TEST(o->servers[0].port == 8301);
}

BOOST_AUTO_TEST_CASE(a_bad_address_is_refused) {
  std::string error;
  BOOST_TEST(!parse({"read", "--addr=nowhere"}, error));
  BOOST_TEST(error.find("HOST:PORT") != std::string::npos, error);
  BOOST_TEST(!parse({"read", "--addr=h:99999"}, error));
}

BOOST_AUTO_TEST_CASE(addr_repeated_or_comma_separated_lists_every_node_in_order) {
  std::string error;
  auto o = parse({"churn", "--addr=127.0.0.1:8301,localhost:8302", "--addr", "http://10.0.0.5:8303/"}, error);
  BOOST_REQUIRE_MESSAGE(o, error);
  BOOST_REQUIRE(o->servers.size() == 3u); // the default 127.0.0.1:8300 is replaced, not kept
  BOOST_TEST(o->servers[0].text() == "127.0.0.1:8301");
  BOOST_TEST(o->servers[1].text() == "127.0.0.1:8302");
  BOOST_TEST(o->servers[2].text() == "10.0.0.5:8303");
}

BOOST_AUTO_TEST_CASE(an_empty_item_in_an_addr_list_is_refused) {
  BOOST_TEST(refusal({"churn", "--addr=127.0.0.1:8301,"}).find("HOST:PORT") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(history_is_taken_by_churn_mixed_and_verify) {
  std::string error;
  auto churn = parse({"churn", "--history=h.jsonl"}, error);
  BOOST_REQUIRE_MESSAGE(churn, error);
  BOOST_TEST(churn->history_file == "h.jsonl");
  BOOST_TEST(refusal({"mixed", "--history", "h.jsonl"}) == "");
  BOOST_TEST(refusal({"read", "--history=h.jsonl"}).find("churn, mixed and verify") != std::string::npos);
  BOOST_TEST(refusal({"create", "5", "--history=h.jsonl"}) != "");
}

BOOST_AUTO_TEST_CASE(verify_needs_a_history_and_re_lists_for_5_s_by_default) {
  BOOST_TEST(refusal({"verify"}).find("--history") != std::string::npos);
  std::string error;
  auto o = parse({"verify", "--history=h.jsonl", "--addr=127.0.0.1:8301,127.0.0.1:8302"}, error);
  BOOST_REQUIRE_MESSAGE(o, error);
  BOOST_TEST((o->kind == scenario::verify));
  BOOST_TEST(o->duration.count() == 5'000);
  BOOST_TEST(o->servers.size() == 2u);
  BOOST_TEST(parse({"verify", "--history=h.jsonl", "-d", "1s"}, error)->duration.count() == 1'000);
  BOOST_TEST(refusal({"verify", "--history=h.jsonl", "--mix=get:1"}) != "");
}

BOOST_AUTO_TEST_CASE(a_bad_duration_is_refused) {
  std::string error;
  BOOST_TEST(!parse({"read", "-d", "ten"}, error));
  BOOST_TEST(error.find("--duration must be a duration") != std::string::npos, error);
  BOOST_TEST(!parse({"read", "-d", "0s"}, error));
}

BOOST_AUTO_TEST_CASE(zero_connections_are_refused) {
  std::string error;
  BOOST_TEST(!parse({"read", "-c", "0"}, error));
  BOOST_TEST(error.find("--concurrency") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(a_negative_rate_is_refused) {
  std::string error;
  BOOST_TEST(!parse({"read", "--rate=-5"}, error));
  BOOST_TEST(error.find("--rate") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(unknown_scenario_and_flag_are_refused) {
  std::string error;
  BOOST_TEST(!parse({"write"}, error));
  BOOST_TEST(error.find("unknown scenario 'write'") != std::string::npos, error);
  BOOST_TEST(!parse({"read", "--bogus=1"}, error));
  BOOST_TEST(error.find("unknown flag --bogus") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(a_missing_scenario_is_refused) {
  std::string error;
  BOOST_TEST(!parse({"-c", "4"}, error));
  BOOST_TEST(error.find("a scenario is needed") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(churn_in_a_read_mix_is_refused) {
  std::string error;
  BOOST_TEST(!parse({"read", "--mix=get:1,churn:1"}, error));
  BOOST_TEST(error.find("mixed scenario") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(create_refuses_duration_and_count) {
  std::string error;
  BOOST_TEST(!parse({"create", "10", "-d", "5s"}, error));
  BOOST_TEST(error.find("do not apply") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(help_is_reported_as_help) {
  std::string error;
  BOOST_TEST(!parse({"read", "--help"}, error));
  BOOST_TEST(error == "help");
}

BOOST_AUTO_TEST_CASE(a_flag_without_its_value_is_refused) {
  std::string error;
  BOOST_TEST(!parse({"read", "--json"}, error));
  BOOST_TEST(error.find("needs a value") != std::string::npos, error);
}

BOOST_AUTO_TEST_SUITE_END()
