// Where `cdc server` lets file:// sinks write: below the data dir and the
// system temp dir by default, below exactly the directories of
// --sink-file-allowed-dirs when it is given.
#include <signal.h>

#include <filesystem>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/http_client.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"

using namespace cdc::test;
namespace fs = std::filesystem;

namespace {

/// A server on `data` with `extra` flags, stopped at scope end.
struct server {
  server(const fs::path& data, std::vector<std::string> extra = {})
    : p(cdc_binary(), args(data, std::move(extra))), addrs(listening_addresses(p, 1)) {}
  ~server() {
    p.signal(SIGTERM);
    p.wait();
  }

  static std::vector<std::string> args(const fs::path& data, std::vector<std::string> extra) {
    std::vector<std::string> a{"server", "--addr=127.0.0.1:0", "--data-dir=" + data.string(), "--log-level=warn"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }

  http_response create(const std::string& id, const fs::path& dir) {
    http_client c{addrs.at(0)};
    auto r = c.post("/api/v2/changefeeds",
                    R"({"changefeed_id":")" + id + R"(","sink_uri":"file://)" + dir.string() + R"(?protocol=csv"})");
    c.del("/api/v2/changefeeds/" + id);
    return r;
  }

  child_process p;
  std::vector<std::string> addrs;
};

} // namespace

BOOST_AUTO_TEST_SUITE(sink_dirs)

BOOST_AUTO_TEST_CASE(by_default_file_sinks_write_below_the_data_dir_and_the_temp_dir) {
  temp_dir base{"sink-dirs-default"};
  server s{base.path / "data"};
  BOOST_REQUIRE(s.addrs.size() == 1u);
  BOOST_TEST(s.create("in-data", base.path / "data" / "out").status == 200u);
  BOOST_TEST(s.create("in-tmp", base.path / "out").status == 200u);
  auto r = s.create("outside", "/var/tmp/cdc-sink-dirs-default");
  BOOST_TEST(r.status == 400u, r.body);
  BOOST_TEST(r.error_code() == "CDC:ErrSinkURIInvalid", r.body);
  BOOST_TEST(!fs::exists("/var/tmp/cdc-sink-dirs-default"));
}

BOOST_AUTO_TEST_CASE(the_flag_replaces_the_allowed_directories) {
  temp_dir base{"sink-dirs-flag"};
  auto allowed = base.path / "allowed";
  fs::create_directories(allowed);
  server s{base.path / "data", {"--sink-file-allowed-dirs=" + allowed.string() + ",/nonexistent-cdc"}};
  BOOST_REQUIRE(s.addrs.size() == 1u);
  BOOST_TEST(s.create("allowed", allowed / "out").status == 200u);
  auto r = s.create("tmp", base.path / "out");
  BOOST_TEST(r.status == 400u, r.body);
  BOOST_TEST(r.body.find("below " + allowed.string() + ", /nonexistent-cdc (") != std::string::npos, r.body);
  BOOST_TEST(!fs::exists(base.path / "out"));
}

BOOST_AUTO_TEST_CASE(an_empty_directory_in_the_flag_exits_2) {
  auto [status, out] = run_command(cdc_binary(), {"server", "--addr=127.0.0.1:0", "--sink-file-allowed-dirs=/a,,/b"});
  BOOST_TEST(status == 2, out);
  BOOST_TEST(out.find("--sink-file-allowed-dirs needs directories separated by commas") != std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()
