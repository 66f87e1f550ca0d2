// No secret leaves the server: the password in a MySQL sink URI, and the
// ones in Basic credentials (right or wrong), appear in no answer (but the
// two routes TiCDC keeps for reading the stored URI), no line of the log at
// debug level (the access log included), no metric and nothing the process
// prints.
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "model/codec/base64.hpp"
#include "tests/e2e/sink_e2e_support.hpp"
#include "tests/support/mariadb.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"
#include "tests/support/subprocess.hpp"

using namespace cdc::test;
namespace fs = std::filesystem;

namespace {

/// `curl -sS <args> <url>`: what it printed, answer included (-i: headers too).
std::string curl(std::vector<std::string> args, const std::string& url) {
  std::vector<std::string> all{"-sS", "-i", "--max-time", "30"};
  all.insert(all.end(), args.begin(), args.end());
  all.push_back(url);
  return run_command(find_program("curl", "curl"), all).second;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

BOOST_AUTO_TEST_SUITE(secrets)

BOOST_AUTO_TEST_CASE(no_password_appears_in_answers_logs_or_metrics) {
  temp_dir dir{"secrets"};
  mariadb_server db{e2e_dir("secrets-mariadb")};
  db.start();
  const std::string sink_password = "cdc-pw"; // in db.sink_uri()
  const std::string basic_password = "basic-auth-secret";
  const std::string wrong_password = "wrong-auth-secret";
  auto upstream = dir.path / "upstream.json";
  std::ofstream(upstream) << R"({"schemas": [{"name": "secretdb", "tables": [{"name": "t", "rows_per_second": 5}]}],
    "users": [{"name": "root", "password": ""}, {"name": "ops", "password": ")" << basic_password << R"("}]})";
  auto config = dir.path / "cdc.toml";
  std::ofstream(config) << "[security]\nclient-user-required = true\nclient-allowed-user = [\"ops\"]\n";
  auto log = dir.path / "cdc.log";
  auto args = server_args((dir.path / "data").string());
  for (const auto& a : std::vector<std::string>{"--log-level=debug", "--log-file=" + log.string(), "--config=" + config.string(),
                        "--upstream-config=" + upstream.string()})
    args.push_back(a);
  child_process server{cdc_binary(), args};
  auto addrs = listening_addresses(server, 1);
  BOOST_REQUIRE_MESSAGE(addrs.size() == 1u, server.err());
  auto base = "http://" + addrs[0];
  std::vector<std::string> ops{"-u", "ops:" + basic_password};
  auto json = [](std::vector<std::string> a, const std::string& body) {
    a.insert(a.end(), {"-H", "Content-Type: application/json", "-d", body});
    return a;
  };
  auto with = [](std::vector<std::string> a, std::vector<std::string> b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };

  std::string seen;
  auto feed = R"({"changefeed_id": "secret-feed", "sink_uri": ")" + db.sink_uri() + R"("})";
  auto created = curl(json(with(ops, {"-X", "POST"}), feed), base + "/api/v2/changefeeds");
  BOOST_TEST(created.find("200 OK") != std::string::npos, created);
  seen += created;
  seen += curl(json({"-X", "POST", "-u", "ops:" + wrong_password}, feed), base + "/api/v2/changefeeds");
  auto v1_feed = R"({"changefeed_id": "secret-v1", "sink_uri": ")" + db.sink_uri() + R"("})";
  seen += curl(json(with(ops, {"-X", "POST"}), v1_feed), base + "/api/v1/changefeeds");
  // A sink that cannot be reached: its error names the URI, masked.
  auto unreachable = R"({"changefeed_id": "secret-bad", "sink_uri": "mysql://cdc:cdc-pw@127.0.0.1:1/"})";
  seen += curl(json(with(ops, {"-X", "POST"}), unreachable), base + "/api/v2/changefeeds");
  for (const auto* path : {"/api/v2/changefeeds", "/api/v2/changefeeds/secret-feed",
                           "/api/v2/changefeeds/secret-feed/status", "/api/v2/changefeeds/secret-feed/meta_info",
                           "/api/v2/changefeeds/secret-feed/synced", "/api/v1/changefeeds",
                           "/api/v1/changefeeds/secret-feed", "/api/v1/changefeeds/secret-v1", "/api/v2/processors",
                           "/api/v2/captures", "/debug/info", "/metrics", "/status"})
    seen += curl({}, base + path);
  auto metadata = curl(ops, base + "/api/v2/unsafe/metadata"); // a write route: credentials
  BOOST_TEST(metadata.find("changefeed/info/secret-feed") != std::string::npos, metadata);
  seen += metadata;
  seen += curl(with(ops, {"-X", "POST"}), base + "/api/v2/changefeeds/secret-feed/pause");
  seen += curl(json(with(ops, {"-X", "PUT"}), R"({"sink_uri": ")" + db.sink_uri() + R"(?safe-mode=true"})"),
               base + "/api/v2/changefeeds/secret-feed");
  seen += curl(with(ops, {"-X", "POST"}), base + "/api/v2/changefeeds/secret-feed/resume");
  seen += curl({}, base + "/metrics");
  auto [status, cli_out] =
    run_command(cdc_binary(), {"cli", "changefeed", "query", "-c", "secret-feed", "--server=" + base});
  BOOST_TEST(status == 0, cli_out);
  seen += cli_out;
  seen += curl(with(ops, {"-X", "DELETE"}), base + "/api/v2/changefeeds/secret-feed");

  server.signal(SIGTERM);
  server.wait();
  seen += server.out() + server.err();
  auto logged = read_file(log);
  BOOST_TEST(logged.find("api request: POST /api/v2/changefeeds") != std::string::npos); // the access log ran

  for (const auto& secret : std::vector<std::string>{sink_password, basic_password, wrong_password,
                             cdc::model::base64_encode("ops:" + basic_password)}) {
    BOOST_TEST(seen.find(secret) == std::string::npos, "an answer holds " << secret << ":\n" << seen);
    BOOST_TEST(logged.find(secret) == std::string::npos, "the log holds " << secret << ":\n" << logged);
  }
}

BOOST_AUTO_TEST_SUITE_END()
