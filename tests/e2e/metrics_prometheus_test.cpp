// The real cdc binary scraped by a real Prometheus: what GET /metrics serves
// is accepted by Prometheus' own parser and linter, and a changefeed's lag
// can be queried from Prometheus as a user's dashboard would.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/http_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/prometheus_server.hpp"
#include "tests/support/subprocess.hpp"

using namespace cdc::test;
namespace fs = std::filesystem;

namespace {

struct scraped_server {
  scraped_server()
    : dir(fs::temp_directory_path() / ("cdc-e2e-metrics-" + std::to_string(::getpid()))),
      server((fs::remove_all(dir), fs::create_directories(dir), cdc_binary()), server_args(dir.string())),
      address(listening_addresses(server, 1).at(0)) {}

  ~scraped_server() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  fs::path dir;
  child_process server;
  std::string address;
};

/// The samples Prometheus answers for `promql` right now.
boost::json::array query(const std::string& prometheus, const std::string& encoded_promql) {
  auto r = http_client{prometheus}.get("/api/v1/query?query=" + encoded_promql);
  BOOST_REQUIRE_MESSAGE(r.status == 200u, r.body);
  return r.json().at("data").at("result").as_array();
}

/// promtool's findings on `text`, other than those about names TiCDC itself
/// exports and dashboards query (they predate Prometheus' naming lints).
std::string promtool_problems(const std::string& text, const fs::path& dir) {
  auto file = dir / "scrape.txt";
  std::ofstream(file) << text;
  auto [status, out] =
    run_command("/bin/sh", {"-c", find_program("promtool", "prometheus") + " check metrics < " + file.string()});
  if (status == 0)
    return "";
  std::istringstream lines(out);
  std::string line, problems;
  for (; std::getline(lines, line);)
    if (!line.starts_with("ticdc_owner_ownership_counter ") && !line.starts_with("ticdc_sink_execution_error "))
      problems += line + "\n";
  // 3 is promtool's "lint findings" status; anything else is a parse failure.
  return status == 3 ? problems : "promtool exited " + std::to_string(status) + ": " + out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(metrics_prometheus)

BOOST_FIXTURE_TEST_CASE(prometheus_scrapes_a_changefeeds_lag_and_promtool_accepts_the_text, scraped_server) {
  http_client c{address};
  auto created = c.post("/api/v2/changefeeds", R"({"changefeed_id":"a","sink_uri":"blackhole://"})");
  BOOST_REQUIRE_MESSAGE(created.status == 200u, created.body);

  auto scrape = c.get("/metrics");
  BOOST_REQUIRE_EQUAL(scrape.status, 200u);
  BOOST_TEST(promtool_problems(scrape.body, dir).empty(), promtool_problems(scrape.body, dir));

  prometheus_server prometheus{address};
  // ticdc_owner_checkpoint_ts_lag{changefeed="a"}, URL-encoded.
  const std::string lag_of_a = "ticdc_owner_checkpoint_ts_lag%7Bchangefeed%3D%22a%22%7D";
  boost::json::array samples;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while ((samples = query(prometheus.address(), lag_of_a)).empty() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  BOOST_REQUIRE_MESSAGE(samples.size() == 1u, "no sample within 60 s; prometheus log:\n" + prometheus.log());
  const auto& metric = samples[0].at("metric").as_object();
  BOOST_TEST(metric.at("namespace").as_string() == "default");
  BOOST_TEST(metric.at("changefeed").as_string() == "a");
  // The value is the lag in seconds: a fresh feed is seconds behind, not hours.
  auto lag = std::stod(std::string(samples[0].at("value").as_array().at(1).as_string()));
  BOOST_TEST(lag >= 0.0);
  BOOST_TEST(lag < 600.0);
  prometheus.stop();
}

BOOST_AUTO_TEST_SUITE_END()
