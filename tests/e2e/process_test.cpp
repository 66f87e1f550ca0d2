// The `cdc` binary as users run it: flags, version, start-up failures, and
// graceful shutdown on SIGTERM/SIGINT.
#include <signal.h>

#include <boost/test/unit_test.hpp>

#include "tests/support/http_client.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"

using namespace cdc::test;

BOOST_AUTO_TEST_SUITE(cdc_program)

BOOST_AUTO_TEST_CASE(version_prints_release_and_git_hash) {
  auto [status, out] = run_command(cdc_binary(), {"version"});
  BOOST_TEST(status == 0);
  BOOST_TEST(out.find("Release Version: v") != std::string::npos, out);
  BOOST_TEST(out.find("Git Commit Hash: ") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(unknown_flag_exits_2_with_usage) {
  auto [status, out] = run_command(cdc_binary(), {"server", "--bogus=1"});
  BOOST_TEST(status == 2);
  BOOST_TEST(out.find("unknown flag --bogus") != std::string::npos, out);
  BOOST_TEST(out.find("--captures=N") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(a_port_range_past_65535_exits_2_before_binding) {
  // Capture i listens on PORT+i: 65535 with three captures would need 65537.
  auto [status, out] = run_command(cdc_binary(), {"server", "--addr=127.0.0.1:65535", "--captures=3"});
  BOOST_TEST(status == 2);
  BOOST_TEST(out.find("--addr=127.0.0.1:65535 with --captures=3 needs ports 65535 to 65537") != std::string::npos,
             out);
  // The last port that fits is accepted by the flags (binding it is another matter).
  auto [fits, fits_out] = run_command(cdc_binary(), {"server", "--addr=127.0.0.1:65533", "--captures=3", "--log-level=loud"});
  BOOST_TEST(fits == 1, fits_out);
}

BOOST_AUTO_TEST_CASE(bad_log_level_exits_1) {
  auto [status, out] = run_command(cdc_binary(), {"server", "--log-level=loud", "--addr=127.0.0.1:0"});
  BOOST_TEST(status == 1);
  BOOST_TEST(out.find("invalid --log-level 'loud'") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(unusable_data_dir_exits_1_naming_the_path) {
  auto [status, out] = run_command(cdc_binary(), {"server", "--addr=127.0.0.1:0", "--data-dir=/proc/cdc-no"});
  BOOST_TEST(status == 1);
  BOOST_TEST(out.find("/proc/cdc-no") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(a_taken_port_exits_1) {
  temp_dir dir{"e2e-port"};
  child_process first{cdc_binary(), server_args(dir.path)};
  auto addrs = listening_addresses(first, 1);
  BOOST_REQUIRE(addrs.size() == 1u);
  // Its own data dir: the first server holds the lock on this one.
  temp_dir other{"e2e-port-2"};
  auto [status, out] = run_command(cdc_binary(), {"server", "--addr=" + addrs[0], "--data-dir=" + other.path.string()});
  BOOST_TEST(status == 1);
  BOOST_TEST(out.find("cannot listen on") != std::string::npos, out);
  first.signal(SIGTERM);
  BOOST_TEST(first.wait().value_or(-1) == 0);
}

BOOST_AUTO_TEST_CASE(sigterm_stops_the_server_with_exit_0) {
  temp_dir dir{"e2e-term"};
  child_process p{cdc_binary(), server_args(dir.path, 3)};
  auto addrs = listening_addresses(p, 3);
  BOOST_REQUIRE(addrs.size() == 3u);
  for (const auto& a : addrs)
    BOOST_TEST(http_client{a}.get("/api/v2/status").status == 200u);
  p.signal(SIGTERM);
  BOOST_TEST(p.wait().value_or(-1) == 0, p.err());
}

BOOST_AUTO_TEST_CASE(sigint_stops_the_server_with_exit_0) {
  temp_dir dir{"e2e-int"};
  child_process p{cdc_binary(), server_args(dir.path)};
  auto addrs = listening_addresses(p, 1);
  BOOST_REQUIRE(addrs.size() == 1u);
  p.signal(SIGINT);
  BOOST_TEST(p.wait().value_or(-1) == 0, p.err());
}

BOOST_AUTO_TEST_CASE(an_open_keep_alive_connection_does_not_delay_exit) {
  temp_dir dir{"e2e-idle"};
  child_process p{cdc_binary(), server_args(dir.path)};
  auto addrs = listening_addresses(p, 1);
  BOOST_REQUIRE(addrs.size() == 1u);
  http_client idle{addrs[0]};
  BOOST_TEST(idle.get("/api/v2/status").status == 200u);
  auto start = std::chrono::steady_clock::now();
  p.signal(SIGTERM);
  BOOST_TEST(p.wait().value_or(-1) == 0);
  BOOST_TEST((std::chrono::steady_clock::now() - start < std::chrono::seconds(5)));
}

BOOST_AUTO_TEST_SUITE_END()
