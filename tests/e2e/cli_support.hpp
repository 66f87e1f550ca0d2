// Running `cdc cli` as users do: the real binary as a subprocess against a
// real server, with its stdout, stderr and exit status kept apart.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "model/tso.hpp"
#include "tests/support/process.hpp"
#include "tests/support/subprocess.hpp"
#include "tests/support/server_fixture.hpp"

namespace cdc::test {

struct cli_result {
  int status = -1;
  std::string out;
  std::string err;

  boost::json::value json() const { return boost::json::parse(out); }
};

/// A server, a directory for config files, and `cdc cli` pointed at them.
struct cli_fixture {
  server_fixture srv;
  std::filesystem::path dir;

  cli_fixture() {
    dir = std::filesystem::temp_directory_path() / ("cdc-cli-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  ~cli_fixture() { std::filesystem::remove_all(dir); }

  /// `cdc cli <args> --server=<this server>`, answering prompts with `input`.
  cli_result cli(std::vector<std::string> args, const std::string& input = "") const {
    args.insert(args.begin(), "cli");
    args.push_back("--server=http://" + srv.address());
    return run_cli(args, input);
  }

  static cli_result run_cli(const std::vector<std::string>& args, const std::string& input = "") {
    child_options opts;
    opts.stdin_text = input;
    child_process p{cdc_binary(), args, opts};
    // A needle no line has: reads stdout to its end, when the cli exits.
    p.wait_for_line("\x01", std::chrono::seconds(60));
    cli_result r;
    r.status = p.wait(std::chrono::seconds(30)).value_or(-1);
    r.out = p.out();
    r.err = p.err();
    return r;
  }

  /// A file in the fixture's directory with `text`; returns its path.
  std::string write_file(const std::string& name, const std::string& text) const {
    auto path = dir / name;
    std::ofstream(path) << text;
    return path.string();
  }

  /// A blackhole changefeed made through the API (not the cli), for the
  /// verbs that need one to exist.
  void create_feed(const std::string& id, std::uint64_t target_ts = 0, const std::string& sink = "blackhole://") {
    boost::json::object body{{"changefeed_id", id}, {"sink_uri", sink}};
    if (target_ts != 0)
      body["target_ts"] = target_ts;
    auto res = srv.client().post("/api/v2/changefeeds", boost::json::serialize(body));
    BOOST_TEST_REQUIRE(res.status == 200u, res.body);
    BOOST_TEST_REQUIRE(eventually([&] { return srv.client().get("/api/v2/changefeeds/" + id).status == 200; }, 10));
  }

  /// The changefeed's state as `changefeed query` prints it.
  std::string state_of(const std::string& id) const {
    auto r = cli({"changefeed", "query", "-c", id});
    return r.status == 0 ? std::string(r.json().at("state").as_string()) : "";
  }
};

} // namespace cdc::test
