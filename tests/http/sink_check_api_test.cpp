// A create or update whose sink cannot be opened is refused, as TiCDC's
// (which opens the sink to check): an unreachable MySQL answers 400
// CDC:ErrMySQLConnectionError within seconds, a file:// directory that cannot
// be created answers CDC:ErrFailToCreateExternalStorage, one outside the
// allowed directories 400 CDC:ErrSinkURIInvalid; nothing is stored.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/api_checks.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc;
using namespace cdc::test;
using namespace std::chrono_literals;

namespace {

/// A loopback port nothing listens on: bound once to learn a free one, then closed.
std::uint16_t closed_port() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor a{io, {boost::asio::ip::make_address("127.0.0.1"), 0}};
  return a.local_endpoint().port();
}

std::string unreachable_mysql() { return "mysql://root:secret@127.0.0.1:" + std::to_string(closed_port()) + "/"; }

struct sink_check : server_fixture {
  sink_check() : c(client()) {}

  http_response create(const std::string& id, const std::string& uri) {
    return c.post("/api/v2/changefeeds", R"({"changefeed_id":")" + id + R"(","sink_uri":")" + uri + R"("})");
  }

  bool exists(const std::string& id) { return c.get("/api/v2/changefeeds/" + id).status == 200u; }

  http_client c;
};

} // namespace

BOOST_AUTO_TEST_SUITE(sink_check_api)

BOOST_FIXTURE_TEST_CASE(an_unreachable_mysql_sink_is_refused_at_create, sink_check) {
  auto started = std::chrono::steady_clock::now();
  auto r = create("m", unreachable_mysql());
  BOOST_TEST((std::chrono::steady_clock::now() - started < 5s));
  check_error(r, 400, "CDC:ErrMySQLConnectionError");
  BOOST_TEST(r.body.find("secret") == std::string::npos, r.body);
  BOOST_TEST(!exists("m"));
  // Nothing holds the ID: it can be created at once with a sink that works.
  BOOST_TEST(create("m", "blackhole://").status == 200u);
}

BOOST_FIXTURE_TEST_CASE(a_file_sink_whose_directory_cannot_be_created_is_refused, sink_check) {
  temp_dir base{"sink-under-file"};
  std::ofstream(base.path / "plain") << "a file where a directory should be";
  auto dir = base.path / "plain" / "sub";
  auto r = create("f", "file://" + dir.string() + "?protocol=csv");
  // TiCDC wraps the storage's error in this code, which is not on its
  // bad-request list: 500.
  check_error(r, 500, "CDC:ErrFailToCreateExternalStorage");
  BOOST_TEST(r.body.find(dir.string()) != std::string::npos, r.body);
  BOOST_TEST(r.body.find("Not a directory") != std::string::npos, r.body);
  BOOST_TEST(!exists("f"));
}

BOOST_FIXTURE_TEST_CASE(an_update_to_an_unreachable_mysql_sink_is_refused, sink_check) {
  BOOST_REQUIRE(create("u", "blackhole://").status == 200u);
  BOOST_REQUIRE(c.post("/api/v2/changefeeds/u/pause").status == 200u);
  auto r = c.put("/api/v2/changefeeds/u", R"({"sink_uri":")" + unreachable_mysql() + R"("})");
  check_error(r, 400, "CDC:ErrChangefeedUpdateRefused");
  BOOST_TEST(r.body.find("CDC:ErrMySQLConnectionError") != std::string::npos, r.body);
  BOOST_TEST(c.get("/api/v2/changefeeds/u").json().at("sink_uri").as_string() == "blackhole://");
}

BOOST_FIXTURE_TEST_CASE(an_update_to_a_file_sink_that_cannot_be_created_is_refused, sink_check) {
  temp_dir base{"update-under-file"};
  std::ofstream(base.path / "plain") << "x";
  BOOST_REQUIRE(create("u", "blackhole://").status == 200u);
  BOOST_REQUIRE(c.post("/api/v2/changefeeds/u/pause").status == 200u);
  auto uri = "file://" + (base.path / "plain" / "sub").string() + "?protocol=csv";
  auto r = c.put("/api/v2/changefeeds/u", R"({"sink_uri":")" + uri + R"("})");
  check_error(r, 400, "CDC:ErrChangefeedUpdateRefused");
  BOOST_TEST(r.body.find("CDC:ErrFailToCreateExternalStorage") != std::string::npos, r.body);
  BOOST_TEST(c.get("/api/v2/changefeeds/u").json().at("sink_uri").as_string() == "blackhole://");
}

// file:// sinks write only below the allowed directories (by default the
// data dir and the system temp dir): anything else is refused with 400 and
// the allowed list, before anything is made on disk.
BOOST_FIXTURE_TEST_CASE(a_file_sink_outside_the_allowed_directories_is_refused, sink_check) {
  auto outside = std::filesystem::path("/var/tmp") / ("cdc-outside-" + std::to_string(::getpid()));
  auto r = create("o", "file://" + outside.string() + "?protocol=csv");
  check_error(r, 400, "CDC:ErrSinkURIInvalid");
  BOOST_TEST(r.body.find("below " + std::filesystem::temp_directory_path().string() + " (") != std::string::npos,
             r.body);
  BOOST_TEST(r.body.find("--sink-file-allowed-dirs") != std::string::npos, r.body);
  BOOST_TEST(!exists("o"));
  c.del("/api/v2/changefeeds/o");
  BOOST_TEST(!std::filesystem::exists(outside));
  std::filesystem::remove_all(outside);
}

BOOST_FIXTURE_TEST_CASE(a_file_sink_path_with_dot_dot_is_refused, sink_check) {
  auto inside = std::filesystem::temp_directory_path() / "x" / ".." / ".." / "var" / "tmp" / "cdc-dotdot";
  check_error(create("d1", "file://" + inside.string() + "?protocol=csv"), 400, "CDC:ErrSinkURIInvalid");
  check_error(create("d2", "file://../../cdc-relative?protocol=csv"), 400, "CDC:ErrSinkURIInvalid");
  BOOST_TEST(!exists("d1"));
  BOOST_TEST(!exists("d2"));
  c.del("/api/v2/changefeeds/d1");
  c.del("/api/v2/changefeeds/d2");
}

BOOST_FIXTURE_TEST_CASE(a_symlink_out_of_the_allowed_directories_is_refused, sink_check) {
  temp_dir base{"sink-symlink"};
  auto target = std::filesystem::path("/var/tmp") / ("cdc-link-target-" + std::to_string(::getpid()));
  std::filesystem::create_directories(target);
  std::filesystem::create_directory_symlink(target, base.path / "link");
  auto r = create("s", "file://" + (base.path / "link" / "sub").string() + "?protocol=csv");
  check_error(r, 400, "CDC:ErrSinkURIInvalid");
  BOOST_TEST(!exists("s"));
  c.del("/api/v2/changefeeds/s");
  BOOST_TEST(std::filesystem::is_empty(target));
  std::filesystem::remove_all(target);
}

BOOST_FIXTURE_TEST_CASE(an_update_to_a_file_sink_outside_the_allowed_directories_is_refused, sink_check) {
  BOOST_REQUIRE(create("u", "blackhole://").status == 200u);
  BOOST_REQUIRE(c.post("/api/v2/changefeeds/u/pause").status == 200u);
  auto r = c.put("/api/v2/changefeeds/u", R"({"sink_uri":"file:///var/tmp/cdc-update-outside?protocol=csv"})");
  check_error(r, 400, "CDC:ErrChangefeedUpdateRefused");
  BOOST_TEST(r.body.find("CDC:ErrSinkURIInvalid") != std::string::npos, r.body);
  BOOST_TEST(c.get("/api/v2/changefeeds/u").json().at("sink_uri").as_string() == "blackhole://");
}

// A file sink inside the temp dir is fine: created, and its directory made.
BOOST_FIXTURE_TEST_CASE(a_file_sink_in_the_temp_dir_is_created, sink_check) {
  temp_dir base{"sink-allowed"};
  auto r = create("ok", "file://" + (base.path / "out").string() + "?protocol=csv");
  BOOST_TEST(r.status == 200u, r.body);
  BOOST_TEST(std::filesystem::is_directory(base.path / "out"));
  c.del("/api/v2/changefeeds/ok");
}

BOOST_AUTO_TEST_SUITE_END()
