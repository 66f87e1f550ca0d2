// `cdc server` on a data dir it cannot use: it exits 1 at start, naming the
// path and the reason. Read-only cases run the server as nobody when the
// tests run as root (root writes through file modes).
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "actors/store/backend/sqlite_backend.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"

using namespace cdc;
using namespace cdc::test;
namespace fs = std::filesystem;

namespace {

/// Runs `cdc server` on `data` and returns (exit status, output). As root it
/// runs a copy of the binary as nobody, so file modes apply to it.
std::pair<int, std::string> start_unprivileged(const temp_dir& base, const fs::path& data) {
  std::vector<std::string> args{"server", "--addr=127.0.0.1:0", "--data-dir=" + data.string()};
  if (::geteuid() != 0)
    return run_command(cdc_binary(), args);
  // A copy in the test's own directory: the build tree may not be reachable for nobody.
  auto copy = base.path / "cdc";
  fs::copy_file(cdc_binary(), copy, fs::copy_options::overwrite_existing);
  fs::permissions(copy, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read
                          | fs::perms::others_exec);
  args.insert(args.begin(), {"--reuid=65534", "--regid=65534", "--clear-groups", copy.string()});
  return run_command("/usr/bin/setpriv", args);
}

void make_world_writable(const fs::path& p) { fs::permissions(p, fs::perms::all); }

} // namespace

BOOST_AUTO_TEST_SUITE(data_dir)

BOOST_AUTO_TEST_CASE(a_read_only_data_dir_exits_1_naming_the_path_and_reason) {
  temp_dir base{"ro-dir"};
  auto data = base.path / "data";
  fs::create_directories(data);
  fs::permissions(data, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read | fs::perms::group_exec
                          | fs::perms::others_read | fs::perms::others_exec);
  auto [status, out] = start_unprivileged(base, data);
  BOOST_TEST(status == 1, out);
  BOOST_TEST(out.find(data.string()) != std::string::npos, out);
  BOOST_TEST(out.find("Permission denied") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(a_read_only_meta_db_exits_1_naming_the_file_and_reason) {
  temp_dir base{"ro-db"};
  auto data = base.path / "data";
  fs::create_directories(data);
  { BOOST_REQUIRE(store::sqlite_backend::open(data).has_value()); }
  make_world_writable(data);
  fs::permissions(data / store::sqlite_backend::file_name,
                  fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  auto [status, out] = start_unprivileged(base, data);
  BOOST_TEST(status == 1, out);
  BOOST_TEST(out.find((data / "meta.db").string()) != std::string::npos, out);
  BOOST_TEST(out.find("for writing: Permission denied") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(a_data_dir_below_a_file_exits_1_naming_the_path_and_reason) {
  temp_dir base{"under-file"};
  std::ofstream(base.path / "plain") << "x";
  auto data = base.path / "plain" / "data";
  auto [status, out] = run_command(cdc_binary(), {"server", "--addr=127.0.0.1:0", "--data-dir=" + data.string()});
  BOOST_TEST(status == 1, out);
  BOOST_TEST(out.find("cannot create data dir " + data.string()) != std::string::npos, out);
  BOOST_TEST(out.find("Not a directory") != std::string::npos, out);
}

// A file-size limit of 0 stands in for a full disk: the server can create
// its write probe but not write it. SIGXFSZ is ignored (a full disk raises no
// signal), which exec keeps.
BOOST_AUTO_TEST_CASE(a_start_refused_for_an_unwritable_data_dir_leaves_nothing_in_it) {
  temp_dir base{"probe-left"};
  auto data = base.path / "data";
  auto [status, out] = run_command("/bin/sh", {"-c", "trap '' XFSZ; ulimit -f 0; exec \"$0\" server --addr=127.0.0.1:0 --data-dir=\"$1\"",
                                               cdc_binary(), data.string()});
  BOOST_TEST(status == 1, out);
  BOOST_TEST(out.find("data dir " + data.string() + " is not writable") != std::string::npos, out);
  BOOST_REQUIRE(fs::is_directory(data));
  for (const auto& e : fs::directory_iterator(data))
    BOOST_ERROR("left behind: " << e.path());
}

BOOST_AUTO_TEST_CASE(a_meta_db_that_is_not_a_database_exits_1_naming_the_file) {
  temp_dir base{"garbage-db"};
  std::ofstream(base.path / store::sqlite_backend::file_name) << std::string(4096, 'x');
  auto [status, out] = run_command(cdc_binary(), {"server", "--addr=127.0.0.1:0", "--data-dir=" + base.path.string()});
  BOOST_TEST(status == 1, out);
  BOOST_TEST(out.find((base.path / "meta.db").string()) != std::string::npos, out);
  BOOST_TEST(out.find("file is not a database") != std::string::npos, out);
}

// Sink URIs may hold passwords: the data dir the server makes is its user's
// alone, and so are the store's files, whatever the umask.
BOOST_AUTO_TEST_CASE(a_new_data_dir_and_the_store_files_are_private) {
  temp_dir base{"private"};
  auto data = base.path / "data";
  child_process server{"/bin/sh", {"-c", "umask 022; exec \"$0\" server --addr=127.0.0.1:0 --data-dir=\"$1\" --log-level=warn",
                                   cdc_binary(), data.string()}};
  auto addrs = listening_addresses(server, 1);
  BOOST_REQUIRE(addrs.size() == 1u);
  http_client c{addrs[0]};
  auto r = c.post("/api/v2/changefeeds", R"({"changefeed_id":"secret","sink_uri":"blackhole://"})");
  BOOST_REQUIRE_MESSAGE(r.status == 200u, r.body);
  auto mode = [](const fs::path& p) { return fs::status(p).permissions() & fs::perms::mask; };
  BOOST_TEST((mode(data) == fs::perms::owner_all));
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(data)) {
    ++files;
    BOOST_TEST((mode(e.path()) == (fs::perms::owner_read | fs::perms::owner_write)), e.path());
  }
  BOOST_TEST(files >= 2u); // meta.db and its WAL at least
  server.signal(SIGTERM);
  BOOST_TEST(server.wait().value_or(-1) == 0);
}

BOOST_AUTO_TEST_CASE(a_second_server_on_the_same_data_dir_exits_1) {
  temp_dir base{"shared"};
  std::vector<std::string> args{"server", "--addr=127.0.0.1:0", "--data-dir=" + base.path.string(), "--log-level=warn"};
  child_process first{cdc_binary(), args};
  BOOST_REQUIRE(listening_addresses(first, 1).size() == 1u);
  auto [status, out] = run_command(cdc_binary(), args);
  BOOST_TEST(status == 1, out);
  BOOST_TEST(out.find("database is locked (another cdc server holds this data dir)") != std::string::npos, out);
  first.signal(SIGTERM);
  BOOST_TEST(first.wait().value_or(-1) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
