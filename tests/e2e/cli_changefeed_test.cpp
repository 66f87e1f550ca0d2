// `cdc cli changefeed ...` against a real server: what a user sees on
// stdout and stderr, and the exit status, for every changefeed verb.
#include <regex>

#include "tests/e2e/cli_support.hpp"

using namespace cdc::test;

namespace {

const char* const feed_toml = R"(force-replicate = true
[filter]
rules = ['test.*']
[sink]
protocol = "canal-json"
[[sink.dispatchers]]
matcher = ['test.*']
partition = "ts"
)";

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

} // namespace

BOOST_FIXTURE_TEST_SUITE(cli_changefeed, cli_fixture)

// Needs POST /api/v2/tso and /api/v2/verify_table.
BOOST_AUTO_TEST_CASE(create_applies_the_config_file_and_query_shows_it) {
  auto toml = write_file("c.toml", feed_toml);
  auto r = cli({"changefeed", "create", "--sink-uri=blackhole://", "-c", "cf-toml", "--config=" + toml, "--no-confirm"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  // Ineligible tables in the upstream would come first, as a warning
  // (force-replicate is on, so there is no question).
  BOOST_TEST(r.out.find("Create changefeed successfully!\nID: cf-toml\nInfo: {\"upstream_id\":") != std::string::npos,
             r.out);
  BOOST_TEST(r.out.find("[Y/N]") == std::string::npos, r.out);
  BOOST_TEST(r.err.empty(), r.err);

  BOOST_TEST_REQUIRE(eventually([&] { return state_of("cf-toml") == "normal"; }, 10));
  auto q = cli({"changefeed", "query", "--changefeed-id=cf-toml"});
  BOOST_TEST_REQUIRE(q.status == 0, q.err);
  // TiCDC's cli indents with two spaces, keys in its own order.
  BOOST_TEST(starts_with(q.out, "{\n  \"upstream_id\": "), q.out);
  auto info = q.json();
  BOOST_TEST(info.at("id").as_string() == "cf-toml");
  BOOST_TEST(info.at("sink_uri").as_string() == "blackhole://");
  const auto& config = info.at("config");
  BOOST_TEST(config.at("force_replicate").as_bool());
  BOOST_TEST(boost::json::serialize(config.at("filter").at("rules")) == R"(["test.*"])");
  BOOST_TEST(config.at("sink").at("protocol").as_string() == "canal-json");
  BOOST_TEST(config.at("sink").at("dispatchers").at(0).at("partition").as_string() == "ts");
  // create_time as TiCDC's JSONTime prints it.
  std::string created(info.at("create_time").as_string());
  BOOST_TEST(std::regex_match(created, std::regex(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})")), created);
}

BOOST_AUTO_TEST_CASE(list_shows_summaries_and_all_adds_finished_changefeeds) {
  create_feed("cf-live");
  // A target a few seconds from now: the blackhole sink reaches it and
  // the changefeed finishes.
  auto now = cdc::model::time_to_tso(std::chrono::system_clock::now());
  create_feed("cf-done", now + (std::uint64_t{3000} << 18));
  BOOST_TEST_REQUIRE(eventually(
    [&] {
      auto r = cli({"changefeed", "list", "--all"});
      return r.out.find("\"finished\"") != std::string::npos;
    },
    30));

  auto r = cli({"changefeed", "list"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto list = r.json().as_array();
  BOOST_TEST_REQUIRE(list.size() == 1u, r.out);
  BOOST_TEST(list[0].at("id").as_string() == "cf-live");
  BOOST_TEST(list[0].at("namespace").as_string() == "default");
  const auto& summary = list[0].at("summary");
  BOOST_TEST(summary.at("state").as_string() == "normal");
  BOOST_TEST(summary.at("tso").is_number());
  BOOST_TEST(summary.at("checkpoint").is_string());
  BOOST_TEST(summary.at("error").is_null());

  auto all = cli({"changefeed", "list", "-a"});
  BOOST_TEST_REQUIRE(all.status == 0, all.err);
  BOOST_TEST(all.json().as_array().size() == 2u, all.out);
}

BOOST_AUTO_TEST_CASE(query_escapes_as_gos_json_does) {
  create_feed("cf-amp", 0, "blackhole://?a=1&b=2");
  auto r = cli({"changefeed", "query", "-c", "cf-amp"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("\n  \"sink_uri\": \"blackhole://?a=1\\u0026b=2\",\n") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(query_simple_prints_the_list_item) {
  create_feed("cf-simple");
  auto r = cli({"changefeed", "query", "-s", "-c", "cf-simple"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto item = r.json().as_object();
  std::vector<std::string> keys;
  for (const auto& kv : item)
    keys.emplace_back(kv.key());
  BOOST_TEST((keys == std::vector<std::string>{"upstream_id", "namespace", "id", "state", "checkpoint_tso",
                                               "checkpoint_time", "error"}),
             r.out);
  BOOST_TEST(item.at("id").as_string() == "cf-simple");

  auto missing = cli({"changefeed", "query", "-s", "-c", "nope"});
  BOOST_TEST(missing.status == 1);
  BOOST_TEST(missing.err == "Error: [CDC:ErrChangeFeedNotExists]changefeed not exists, nope\n");
}

BOOST_AUTO_TEST_CASE(update_needs_a_stopped_changefeed_and_shows_its_diff) {
  create_feed("cf-upd");
  auto start = cli({"changefeed", "query", "-c", "cf-upd"}).json().at("start_ts").to_number<std::uint64_t>();
  auto target = std::to_string(start + (std::uint64_t{3600} * 1000 << 18));

  auto refused = cli({"changefeed", "update", "-c", "cf-upd", "--target-ts=" + target, "--no-confirm"});
  BOOST_TEST(refused.status == 1);
  BOOST_TEST(starts_with(refused.err, "Error: [CDC:ErrChangefeedUpdateRefused]"), refused.err);

  auto paused = cli({"changefeed", "pause", "-c", "cf-upd"});
  BOOST_TEST(paused.status == 0, paused.err);
  BOOST_TEST(paused.out.empty(), paused.out);
  BOOST_TEST_REQUIRE(eventually([&] { return state_of("cf-upd") == "stopped"; }, 10));

  // Answering "n" changes nothing.
  auto declined = cli({"changefeed", "update", "-c", "cf-upd", "--target-ts=" + target}, "n\n");
  BOOST_TEST(declined.status == 0, declined.err);
  BOOST_TEST(declined.out.find("Diff of changefeed config:\n{Type:update Path:[target_ts] From:0 To:" + target + "}\n")
               != std::string::npos,
             declined.out);
  BOOST_TEST(declined.out.find("No update to changefeed.\n") != std::string::npos, declined.out);
  BOOST_TEST(cli({"changefeed", "query", "-c", "cf-upd"}).json().at("target_ts").to_number<std::uint64_t>() == 0u);

  auto updated = cli({"changefeed", "update", "-c", "cf-upd", "--target-ts=" + target}, "y\n");
  BOOST_TEST_REQUIRE(updated.status == 0, updated.err);
  BOOST_TEST(updated.out.find("Update changefeed config successfully! \nID: cf-upd\nInfo: {") != std::string::npos,
             updated.out);
  BOOST_TEST(std::to_string(cli({"changefeed", "query", "-c", "cf-upd"}).json().at("target_ts").to_number<std::uint64_t>())
             == target);

  auto same = cli({"changefeed", "update", "-c", "cf-upd", "--target-ts=" + target, "--no-confirm"});
  BOOST_TEST(same.status == 0, same.err);
  BOOST_TEST(same.out == "changefeed config is the same with the old one, do nothing\n");
}

BOOST_AUTO_TEST_CASE(update_applies_a_config_file_to_the_changefeeds_own_config) {
  create_feed("cf-updcfg");
  BOOST_TEST(cli({"changefeed", "pause", "-c", "cf-updcfg"}).status == 0);
  BOOST_TEST_REQUIRE(eventually([&] { return state_of("cf-updcfg") == "stopped"; }, 10));
  auto toml = write_file("u.toml", "[filter]\nrules = ['db1.*']\n");
  auto r = cli({"changefeed", "update", "-c", "cf-updcfg", "--config", toml, "--no-confirm"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("Path:[config filter rules") != std::string::npos, r.out);
  auto config = cli({"changefeed", "query", "-c", "cf-updcfg"}).json().at("config");
  BOOST_TEST(boost::json::serialize(config.at("filter").at("rules")) == R"(["db1.*"])");
}

// Needs POST /api/v2/tso (resume reads the current TSO first).
BOOST_AUTO_TEST_CASE(resume_restarts_a_paused_changefeed) {
  create_feed("cf-res");
  BOOST_TEST(cli({"changefeed", "pause", "-c", "cf-res"}).status == 0);
  BOOST_TEST_REQUIRE(eventually([&] { return state_of("cf-res") == "stopped"; }, 10));

  auto bad = cli({"changefeed", "resume", "-c", "cf-res", "--overwrite-checkpoint-ts=abc", "--no-confirm"});
  BOOST_TEST(bad.status == 1);
  BOOST_TEST(bad.err == "Error: [CDC:ErrCliInvalidCheckpointTs]invalid overwrite-checkpoint-ts abc, "
                        "overwrite-checkpoint-ts only accept 'now' or a valid timestamp in integer\n");

  // Overwriting the checkpoint asks first; "n" aborts quietly.
  auto declined = cli({"changefeed", "resume", "-c", "cf-res", "--overwrite-checkpoint-ts=now"}, "n\n");
  BOOST_TEST(declined.status == 0, declined.err);
  BOOST_TEST(declined.out.find("You are overwriting the checkpoint of changefeed(cf-res)") != std::string::npos,
             declined.out);
  BOOST_TEST(declined.out.find("Abort changefeed resume.\n") != std::string::npos, declined.out);
  BOOST_TEST(state_of("cf-res") == "stopped");

  auto r = cli({"changefeed", "resume", "-c", "cf-res", "--overwrite-checkpoint-ts=now", "--no-confirm"});
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.empty(), r.out);
  BOOST_TEST(eventually([&] { return state_of("cf-res") == "normal"; }, 10));
}

BOOST_AUTO_TEST_CASE(remove_reports_the_checkpoint_then_not_found) {
  create_feed("cf-rm");
  auto checkpoint = cli({"changefeed", "query", "-c", "cf-rm"}).json().at("checkpoint_tso").to_number<std::uint64_t>();
  auto r = cli({"changefeed", "remove", "-c", "cf-rm"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  std::string prefix = "Changefeed remove successfully.\nID: cf-rm\nCheckpointTs: ";
  BOOST_TEST(starts_with(r.out, prefix), r.out);
  BOOST_TEST(r.out.find("\nSinkURI: blackhole://\n") != std::string::npos, r.out);
  BOOST_TEST(std::stoull(r.out.substr(prefix.size())) >= checkpoint);

  auto again = cli({"changefeed", "remove", "-c", "cf-rm"});
  BOOST_TEST(again.status == 0, again.err);
  BOOST_TEST(again.out == "Changefeed not found.\nID: cf-rm\n");
}

BOOST_AUTO_TEST_CASE(an_unknown_changefeed_is_ticdcs_error_on_stderr) {
  auto r = cli({"changefeed", "query", "-c", "nope"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.out.empty(), r.out);
  BOOST_TEST(starts_with(r.err, "Error: [CDC:ErrChangeFeedNotExists]changefeed not exists"), r.err);
  auto p = cli({"changefeed", "pause", "-c", "nope"});
  BOOST_TEST(p.status == 1);
  BOOST_TEST(starts_with(p.err, "Error: [CDC:ErrChangeFeedNotExists]"), p.err);
}

BOOST_AUTO_TEST_CASE(a_bad_or_unknown_toml_key_is_refused_before_anything_is_created) {
  auto unknown = write_file("u.toml", "[sink]\nprotocal = \"canal-json\"\n");
  auto r = cli({"changefeed", "create", "--sink-uri=blackhole://", "-c", "cf-bad", "--config=" + unknown});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "Error: component TiCDC changefeed's config file " + unknown
                        + " contained unknown configuration options: sink.protocal\n");

  auto broken = write_file("b.toml", "force-replicate = \n");
  auto b = cli({"changefeed", "create", "--sink-uri=blackhole://", "-c", "cf-bad", "--config=" + broken});
  BOOST_TEST(b.status == 1);
  BOOST_TEST(starts_with(b.err, "Error: toml: line 1, column "), b.err);

  auto typed = write_file("t.toml", "force-replicate = \"yes\"\n");
  auto t = cli({"changefeed", "create", "--sink-uri=blackhole://", "-c", "cf-bad", "--config=" + typed});
  BOOST_TEST(t.status == 1);
  BOOST_TEST(starts_with(t.err, "Error: toml: force-replicate: "), t.err);

  auto absent = cli({"changefeed", "create", "--sink-uri=blackhole://", "--config=/nonexistent/c.toml"});
  BOOST_TEST(absent.status == 1);
  BOOST_TEST(absent.err == "Error: open /nonexistent/c.toml: no such file or directory\n");

  BOOST_TEST(srv.client().get("/api/v2/changefeeds/cf-bad").status == 400u);
}

BOOST_AUTO_TEST_SUITE_END()
