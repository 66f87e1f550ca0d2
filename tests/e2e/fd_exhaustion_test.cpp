// A server out of file descriptors backs off instead of spinning: more
// connections than its RLIMIT_NOFILE allows cost neither a core nor a flood
// of log lines, the connections it has keep being served, and once some
// close it accepts again.
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/http_client.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc::test;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// Enough for the server's own files (store, log, epoll, CAF's threads) and
// a handful of connections; the flood below is well past it.
constexpr std::uint64_t fd_limit = 64;
constexpr std::size_t flood = 100;

/// User plus system CPU time the process has used, in seconds.
double cpu_seconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Fields after the command's closing parenthesis: state is the 3rd field,
  // utime the 14th and stime the 15th.
  std::istringstream rest(stat.substr(stat.rfind(')') + 2));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14)
      utime = std::stoull(field);
    if (i == 15)
      stime = std::stoull(field);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

/// UBSAN_OPTIONS for a child that will run out of descriptors: ours, but
/// reports do not end it. UBSan learns whether memory is mapped by writing
/// it to a pipe; with no descriptor left the pipe fails, and a first check
/// of a type reports an "invalid vptr" that is not (a freed object would be
/// ASan's report, which stays fatal). No suppression helps: matching one
/// needs a descriptor too. The test then allows reports of that kind only.
std::string ubsan_options_without_descriptors() {
  std::string options = std::getenv("UBSAN_OPTIONS") ? std::getenv("UBSAN_OPTIONS") : "";
  return "UBSAN_OPTIONS=" + options + ":halt_on_error=0";
}

/// The UBSan reports in `err` that are not the one a lack of descriptors
/// causes (a Release build has none at all).
std::vector<std::string> real_reports(const std::string& err) {
  std::vector<std::string> lines, out;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].find("runtime error:") == std::string::npos)
      continue;
    bool blind = i + 1 < lines.size() && lines[i + 1].find("object has invalid vptr") != std::string::npos;
    if (!blind)
      out.push_back(lines[i]);
  }
  return out;
}

std::uintmax_t size_of(const std::filesystem::path& p) {
  std::error_code ec;
  auto n = std::filesystem::file_size(p, ec);
  return ec ? 0 : n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(fd_exhaustion)

BOOST_AUTO_TEST_CASE(running_out_of_descriptors_backs_off_and_keeps_serving) {
  temp_dir dir{"fds"};
  auto log = dir.path / "cdc.log";
  child_options opts;
  opts.max_open_files = fd_limit;
  opts.env.push_back(ubsan_options_without_descriptors());
  auto args = server_args(dir.path / "data");
  args.push_back("--log-file=" + log.string());
  child_process p{cdc_binary(), args, opts};
  auto addrs = listening_addresses(p, 1);
  BOOST_REQUIRE_MESSAGE(addrs.size() == 1u, p.err());
  auto colon = addrs[0].rfind(':');
  tcp::endpoint ep{net::ip::make_address(addrs[0].substr(0, colon)),
                   static_cast<unsigned short>(std::stoi(addrs[0].substr(colon + 1)))};

  http_client kept{addrs[0]};
  BOOST_REQUIRE(kept.get("/api/v2/status").status == 200u);

  // The kernel completes these handshakes into the listen backlog whether
  // or not the server can accept them.
  net::io_context ioc;
  std::vector<tcp::socket> conns;
  for (std::size_t i = 0; i < flood; ++i) {
    conns.emplace_back(ioc);
    conns.back().connect(ep);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));

  auto cpu_before = cpu_seconds(p.pid());
  auto log_before = size_of(log);
  std::this_thread::sleep_for(std::chrono::seconds(1));
  auto cpu_used = cpu_seconds(p.pid()) - cpu_before;
  auto logged = size_of(log) - log_before;
  BOOST_TEST_MESSAGE("out of descriptors for 1 s: " << cpu_used << " s of CPU, " << logged << " bytes of log");
  BOOST_TEST(cpu_used < 0.2);
  BOOST_TEST(logged < 1024u);
  BOOST_TEST(size_of(log) < 4096u);

  BOOST_TEST(kept.get("/api/v2/status").status == 200u);

  for (auto& s : conns)
    s.close();
  BOOST_TEST(eventually([&] {
    try {
      return http_client{addrs[0]}.get("/api/v2/status").status == 200u;
    } catch (const std::exception&) {
      return false;
    }
  }, 10.0));

  p.signal(SIGTERM);
  BOOST_TEST(p.wait().value_or(-1) == 0);
  for (const auto& report : real_reports(p.err()))
    BOOST_ERROR("sanitizer: " << report);
}

BOOST_AUTO_TEST_SUITE_END()
