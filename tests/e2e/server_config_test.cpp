// `cdc server --config=FILE`: TiCDC's server TOML sets the address, data
// dir, log level and log file; flags given override it; a key TiCDC does
// not know or a bad value stops the server with a message naming it; the
// log file rotates by [log.file] max-size, max-backups and max-days.
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "tests/support/http_client.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"
#include "tests/support/subprocess.hpp"
#include "tests/support/time_zone.hpp"

using namespace cdc::test;
namespace fs = std::filesystem;

namespace {

fs::path write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path) << text;
  return path;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Stops `p` as a user would; the log is complete once it has exited.
void stop(child_process& p) {
  p.signal(SIGTERM);
  auto status = p.wait();
  BOOST_TEST((status && *status == 0));
}

std::string toml_string(const fs::path& p) { return "\"" + p.string() + "\""; }

} // namespace

BOOST_AUTO_TEST_SUITE(server_config)

BOOST_AUTO_TEST_CASE(the_file_sets_address_data_dir_log_level_and_log_file) {
  temp_dir dir{"config-file"};
  auto port = std::to_string(free_port());
  auto data = dir.path / "data";
  auto log = dir.path / "logs" / "cdc.log";
  // TiCDC's keys this server has no use for are accepted all the same.
  auto config = write_file(dir.path / "cdc.toml", "addr = \"127.0.0.1:" + port + "\"\n"
                                                  "data-dir = " + toml_string(data) + "\n"
                                                  "log-level = \"debug\"\n"
                                                  "log-file = " + toml_string(log) + "\n"
                                                  "gc-ttl = 3600\n"
                                                  "tz = \"UTC\"\n"
                                                  "per-table-memory-quota = 10485760\n"
                                                  "[sorter]\nsort-dir = \"/tmp/sorter\"\n"
                                                  "[kv-client]\nworker-concurrent = 8\n"
                                                  "[security]\ncert-allowed-cn = [\"a\", \"b\"]\n"
                                                  "[debug.anything]\nnested = true\n");
  child_process p{cdc_binary(), {"server", "--config=" + config.string()}};
  auto addrs = listening_addresses(p, 1);
  BOOST_REQUIRE_MESSAGE(addrs.size() == 1u, p.err());
  BOOST_TEST(addrs[0] == "127.0.0.1:" + port);
  BOOST_TEST(http_client(addrs[0]).get("/api/v2/status").status == 200u);
  stop(p);
  BOOST_TEST(!fs::is_empty(data)); // the meta store lives there
  // Debug level: the access log's line for the request above.
  auto text = read_file(log);
  BOOST_TEST(has(text, "[debug] api request: GET /api/v2/status status=200"), text);
}

BOOST_AUTO_TEST_CASE(flags_given_override_the_file_whatever_their_order) {
  temp_dir dir{"config-flags"};
  auto from_file = std::to_string(free_port());
  auto from_flag = std::to_string(free_port());
  auto config = write_file(dir.path / "cdc.toml", "addr = \"127.0.0.1:" + from_file + "\"\n"
                                                  "data-dir = " + toml_string(dir.path / "file-data") + "\n");
  child_process p{cdc_binary(), {"server", "--addr=127.0.0.1:" + from_flag, "--config", config.string(),
                                 "--data-dir=" + (dir.path / "flag-data").string(), "--log-level=warn"}};
  auto addrs = listening_addresses(p, 1);
  BOOST_REQUIRE_MESSAGE(addrs.size() == 1u, p.err());
  BOOST_TEST(addrs[0] == "127.0.0.1:" + from_flag);
  stop(p);
  BOOST_TEST(fs::exists(dir.path / "flag-data"));
  BOOST_TEST(!fs::exists(dir.path / "file-data"));
}

BOOST_AUTO_TEST_CASE(an_unknown_key_stops_the_server_naming_it_as_ticdc_does) {
  temp_dir dir{"config-unknown"};
  auto config = write_file(dir.path / "cdc.toml", "addr = \"127.0.0.1:0\"\n"
                                                  "bogus-key = 1\n"
                                                  "[log.file]\nmax-sizes = 3\n");
  auto [status, out] = run_command(cdc_binary(), {"server", "--config=" + config.string()});
  BOOST_TEST(status != 0);
  BOOST_TEST(has(out, "component TiCDC server's config file " + config.string()
                        + " contained unknown configuration options: bogus-key, log.file.max-sizes"),
             out);
}

BOOST_AUTO_TEST_CASE(a_bad_value_stops_the_server_saying_which_and_why) {
  temp_dir dir{"config-bad"};
  struct bad_case {
    std::string toml, expected;
  };
  for (const auto& [toml, expected] : std::vector<bad_case>{
         {"log-level = \"loud\"", "log-level must be debug, info, warn, error, dpanic, panic or fatal, got 'loud'"},
         {"gc-ttl = \"1d\"", "gc-ttl must be an integer, got string"},
         {"gc-ttl = 0", "gc-ttl must be a positive number of seconds, got '0'"},
         {"tz = \"Mars/Olympus\"", "can not load timezone 'Mars/Olympus'"},
         {"addr = \"nowhere\"", "addr must be HOST:PORT"},
         {"[log.file]\nmax-backups = -1", "log.file.max-backups must not be negative"},
         {"addr = ", "config file"}}) {
    auto config = write_file(dir.path / "cdc.toml", toml + "\n");
    auto [status, out] = run_command(cdc_binary(), {"server", "--config=" + config.string()});
    BOOST_TEST(status != 0, toml);
    BOOST_TEST(has(out, expected), toml << ": " << out);
  }
  auto [status, out] = run_command(cdc_binary(), {"server", "--config=" + (dir.path / "missing.toml").string()});
  BOOST_TEST(status != 0);
  BOOST_TEST(has(out, (dir.path / "missing.toml").string()), out);
}

BOOST_AUTO_TEST_CASE(the_log_rotates_at_max_size_keeping_max_backups) {
  temp_dir dir{"config-rotate"};
  auto log = dir.path / "cdc.log";
  // A backup from days ago: max-days removes it when the log opens.
  auto stale = write_file(dir.path / "cdc.7.log", "old\n");
  fs::last_write_time(stale, fs::file_time_type::clock::now() - std::chrono::hours(24 * 3));
  auto config = write_file(dir.path / "cdc.toml", "addr = \"127.0.0.1:0\"\n"
                                                  "data-dir = " + toml_string(dir.path / "data") + "\n"
                                                  "log-level = \"debug\"\n"
                                                  "log-file = " + toml_string(log) + "\n"
                                                  "[log.file]\nmax-size = 1\nmax-backups = 2\nmax-days = 1\n");
  child_process p{cdc_binary(), {"server", "--config=" + config.string()}};
  auto addrs = listening_addresses(p, 1);
  BOOST_REQUIRE_MESSAGE(addrs.size() == 1u, p.err());
  BOOST_TEST(!fs::exists(stale));
  // Each request's access-log line carries its 4 KB query: 1,100 of them
  // write about 4.5 MB, four rotations at 1 MB.
  http_client c{addrs[0]};
  const std::string query = "?pad=" + std::string(4000, 'x');
  for (int i = 0; i < 1100; ++i)
    BOOST_REQUIRE(c.get("/api/v2/status" + query).status == 200u);
  stop(p);
  BOOST_TEST(fs::exists(log));
  BOOST_TEST(fs::exists(dir.path / "cdc.1.log"));
  BOOST_TEST(fs::exists(dir.path / "cdc.2.log"));
  BOOST_TEST(!fs::exists(dir.path / "cdc.3.log")); // only max-backups are kept
  for (const auto& name : {"cdc.log", "cdc.1.log", "cdc.2.log"})
    BOOST_TEST(fs::file_size(dir.path / name) <= std::uintmax_t{1} << 20, name);
  BOOST_TEST(fs::file_size(dir.path / "cdc.1.log") > std::uintmax_t{900} << 10);
}

BOOST_AUTO_TEST_CASE(tz_sets_the_zone_times_are_shown_in) {
  temp_dir dir{"config-tz"};
  in_time_zone utc{"UTC"}; // the server starts in UTC unless tz says otherwise
  auto config = write_file(dir.path / "cdc.toml", "addr = \"127.0.0.1:0\"\n"
                                                  "data-dir = " + toml_string(dir.path / "data") + "\n"
                                                  "log-level = \"warn\"\n"
                                                  "tz = \"Asia/Shanghai\"\n");
  child_process p{cdc_binary(), {"server", "--config=" + config.string()}};
  auto addrs = listening_addresses(p, 1);
  BOOST_REQUIRE_MESSAGE(addrs.size() == 1u, p.err());
  http_client c{addrs[0]};
  auto r = c.post("/api/v2/changefeeds", R"({"changefeed_id":"tz","sink_uri":"blackhole://"})");
  BOOST_REQUIRE_MESSAGE(r.status == 200u, r.body);
  // Shanghai keeps +08:00 all year.
  std::string created(r.json().at("create_time").as_string());
  BOOST_TEST(created.ends_with("+08:00"), created);
  stop(p);
}

BOOST_AUTO_TEST_SUITE_END()
