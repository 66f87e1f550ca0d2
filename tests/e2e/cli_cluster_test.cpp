// `cdc cli capture|processor|tso|unsafe ...` and the cli's own failures
// (flags, an unreachable server) against a real server.
#include "tests/e2e/cli_support.hpp"

using namespace cdc::test;

namespace {

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

} // namespace

BOOST_FIXTURE_TEST_SUITE(cli_cluster, cli_fixture)

BOOST_AUTO_TEST_CASE(capture_list_prints_ticdcs_hyphenated_keys) {
  auto r = cli({"capture", "list"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto list = r.json().as_array();
  BOOST_TEST_REQUIRE(list.size() == 1u, r.out);
  std::vector<std::string> keys;
  for (const auto& kv : list[0].as_object())
    keys.emplace_back(kv.key());
  BOOST_TEST((keys == std::vector<std::string>{"id", "is-owner", "address", "cluster-id"}), r.out);
  BOOST_TEST(list[0].at("is-owner").as_bool());
  BOOST_TEST(list[0].at("address").as_string() == srv.address());
}

BOOST_AUTO_TEST_CASE(processor_list_and_query) {
  create_feed("cf-proc");
  cli_result list;
  BOOST_TEST_REQUIRE(eventually(
    [&] {
      list = cli({"processor", "list"});
      return list.status == 0 && list.out.find("cf-proc") != std::string::npos;
    },
    10));
  auto processors = list.json();
  const auto& p = processors.as_array().at(0);
  BOOST_TEST(p.at("namespace").as_string() == "default");
  BOOST_TEST(p.at("changefeed_id").as_string() == "cf-proc");
  std::string capture(p.at("capture_id").as_string());

  auto q = cli({"processor", "query", "-c", "cf-proc", "-p", capture});
  BOOST_TEST_REQUIRE(q.status == 0, q.err);
  auto meta = q.json();
  BOOST_TEST(meta.at("status").at("tables").is_object(), q.out);
  BOOST_TEST(meta.at("status").at("admin-job-type").as_int64() == 0);
  BOOST_TEST(meta.at("position").is_null());

  auto missing = cli({"processor", "query", "-c", "cf-proc"});
  BOOST_TEST(missing.status == 1);
  BOOST_TEST(missing.err == "Error: required flag(s) \"capture-id\" not set\n");
}

// Needs POST /api/v2/tso.
BOOST_AUTO_TEST_CASE(tso_query_prints_a_current_tso) {
  auto r = cli({"tso", "query"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto ts = std::stoull(r.out);
  BOOST_TEST(r.out == std::to_string(ts) + "\n");
  auto now = cdc::model::time_to_tso(std::chrono::system_clock::now());
  // The same clock, give or take a day: a TSO, not a counter or seconds.
  BOOST_TEST(cdc::model::tso_physical_ms(ts) > cdc::model::tso_physical_ms(now) - 86400 * 1000);
}

// Needs GET /api/v2/unsafe/metadata.
BOOST_AUTO_TEST_CASE(unsafe_show_metadata_lists_the_stored_keys) {
  create_feed("cf-meta");
  auto r = cli({"unsafe", "show-metadata"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("Key: ") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("cf-meta") != std::string::npos, r.out);
  auto last = r.out.substr(r.out.rfind("Show "));
  BOOST_TEST(last != "Show 0 KVs\n", r.out);
}

// The confirmation comes first; the delete needs DELETE
// /api/v2/unsafe/service_gc_safepoint.
BOOST_AUTO_TEST_CASE(unsafe_delete_service_gc_safepoint_asks_first) {
  auto declined = cli({"unsafe", "delete-service-gc-safepoint"}, "n\n");
  BOOST_TEST(declined.status == 1);
  BOOST_TEST(declined.out
             == "Confirm that you know what this command will do and use it at your own risk [Y/N]\n");
  BOOST_TEST(declined.err == "Error: abort meta command\n");

  auto r = cli({"unsafe", "delete-service-gc-safepoint", "--no-confirm"});
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out == "CDC service GC safepoint truncated in PD!\n");
}

// The missing flag is the cli's own; the call needs POST
// /api/v2/unsafe/resolve_lock.
BOOST_AUTO_TEST_CASE(unsafe_resolve_lock_needs_a_region) {
  auto missing = cli({"unsafe", "resolve-lock"});
  BOOST_TEST(missing.status == 1);
  BOOST_TEST(missing.err == "Error: required flag(s) \"region\" not set\n");

  auto r = cli({"unsafe", "resolve-lock", "--region=1", "--ts=1"});
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.empty(), r.out);
}

BOOST_AUTO_TEST_CASE(a_bad_flag_is_cobras_error) {
  auto r = cli({"changefeed", "list", "--bogus"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "Error: unknown flag: --bogus\n");
  auto verb = cli({"changefeed", "frobnicate"});
  BOOST_TEST(verb.status == 1);
  BOOST_TEST(verb.err == "Error: unknown command \"frobnicate\" for \"cdc cli changefeed\"\n");
  auto number = cli({"changefeed", "create", "--sink-uri=blackhole://", "--start-ts=soon"});
  BOOST_TEST(number.status == 1);
  BOOST_TEST(starts_with(number.err, "Error: "), number.err);
  BOOST_TEST(number.err.find("--start-ts") != std::string::npos, number.err);
}

BOOST_AUTO_TEST_CASE(an_unreachable_server_is_gos_dial_error) {
  auto port = std::to_string(free_port());
  auto r = run_cli({"cli", "capture", "list", "--server=http://127.0.0.1:" + port});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "Error: Get \"http://127.0.0.1:" + port + "/api/v2/status\": dial tcp 127.0.0.1:" + port
                        + ": connect: connection refused\n");

  auto pd = run_cli({"cli", "capture", "list", "--pd=http://127.0.0.1:2379"});
  BOOST_TEST(pd.status == 1);
  BOOST_TEST(starts_with(pd.err, "Error: --pd is not supported"), pd.err);

  auto bad = run_cli({"cli", "capture", "list", "--server=ftp://x"});
  BOOST_TEST(bad.status == 1);
  BOOST_TEST(bad.err == "Error: --server ftp://x: expected http://host:port or https://host:port\n");
}

BOOST_AUTO_TEST_SUITE_END()
