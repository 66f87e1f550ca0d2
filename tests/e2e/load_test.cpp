// cdc-load against a real `cdc server`: a create run, a short mixed run with
// its JSON summary and progress lines, and an unreachable server.
#include <signal.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/http_client.hpp"
#include "tests/support/process.hpp"

using namespace cdc::test;
namespace fs = std::filesystem;

namespace {

struct running_server {
  running_server()
    : dir(fs::temp_directory_path() / ("cdc-e2e-load-" + std::to_string(::getpid()))),
      proc(cdc_binary(), {"server", "--addr=127.0.0.1:0", "--data-dir=" + dir.string(), "--log-level=warn"}) {
    auto addrs = listening_addresses(proc, 1);
    BOOST_REQUIRE(addrs.size() == 1u);
    address = addrs[0];
  }
  ~running_server() {
    proc.signal(SIGTERM);
    proc.wait();
    fs::remove_all(dir);
  }

  fs::path dir;
  child_process proc;
  std::string address;
};

boost::json::object read_json(const fs::path& file) {
  std::ifstream in(file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return boost::json::parse(text).as_object();
}

} // namespace

BOOST_AUTO_TEST_SUITE(cdc_load_program)

BOOST_AUTO_TEST_CASE(create_makes_every_changefeed_and_reports_it) {
  running_server srv;
  auto json = srv.dir / "create.json";
  auto [status, out] = run_command(cdc_load_binary(), {"create", "20", "--addr=" + srv.address, "-c", "4",
                                                   "--json=" + json.string(), "--fail-on-error", "--progress=none"});
  BOOST_TEST(status == 0, out);
  BOOST_TEST(out.find("requests     20 in") != std::string::npos, out);
  auto summary = read_json(json);
  BOOST_TEST(summary.at("requests").to_number<std::uint64_t>() == 20u);
  BOOST_TEST(summary.at("errors").to_number<std::uint64_t>() == 0u);
  auto list = http_client{srv.address}.get("/api/v2/changefeeds").json();
  BOOST_TEST(list.at("total").as_int64() == 20);
}

BOOST_AUTO_TEST_CASE(a_mixed_run_lasts_its_duration_and_reports_every_operation) {
  running_server srv;
  auto json = srv.dir / "mixed.json";
  auto [status, out] =
    run_command(cdc_load_binary(), {"mixed", "--addr=" + srv.address, "-c", "4", "--feeds=8", "-d", "2s",
                                "--interval=500ms", "--json=" + json.string(), "--progress=plain"});
  BOOST_TEST(status == 0, out);
  // Not a terminal: one plain progress line per interval.
  BOOST_TEST(out.find("\nmixed  0.5s") != std::string::npos, out);
  auto summary = read_json(json);
  BOOST_TEST(summary.at("requests").to_number<std::uint64_t>() > 20u);
  BOOST_TEST(summary.at("elapsed_s").to_number<double>() >= 2.0);
  BOOST_TEST(summary.at("elapsed_s").to_number<double>() < 5.0);
  const auto& ops = summary.at("operations").as_object();
  for (auto name : {"status", "list", "get", "processors", "pause", "update", "resume"})
    BOOST_TEST(ops.contains(name), name << " missing in " << out);
  BOOST_TEST(summary.at("latency_ms").at("p99").to_number<double>() > 0.0);
  BOOST_TEST(summary.at("timeline").as_array().size() >= 3u);
}

BOOST_AUTO_TEST_CASE(an_unreachable_server_exits_1) {
  auto [status, out] = run_command(cdc_load_binary(), {"read", "--addr=127.0.0.1:1", "-d", "1s"});
  BOOST_TEST(status == 1, out);
  BOOST_TEST(out.find("cannot connect to 127.0.0.1:1") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(a_usage_error_exits_2) {
  auto [status, out] = run_command(cdc_load_binary(), {"create"});
  BOOST_TEST(status == 2, out);
  BOOST_TEST(out.find("Usage: cdc-load") != std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()
