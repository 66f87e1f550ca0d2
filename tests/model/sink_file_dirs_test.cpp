// The file:// allow-list: a file sink writes only below the directories the
// server allows, and a path that is relative or climbs with ".." is refused.
#include <boost/test/unit_test.hpp>

#include "model/sink/file_sink_dirs.hpp"
#include "tests/support/printers.hpp"

using namespace cdc::model;
using sink::check_file_sink_dir;
namespace fs = std::filesystem;

namespace {

const std::vector<fs::path> allowed{"/var/lib/cdc", "/tmp/"};

result<fs::path> check(std::string_view dir) { return check_file_sink_dir("file://" + std::string(dir), dir, allowed); }

} // namespace

BOOST_AUTO_TEST_SUITE(sink_file_dirs)

BOOST_AUTO_TEST_CASE(a_directory_below_or_at_an_allowed_one_passes_in_normal_form) {
  BOOST_TEST(check("/tmp/out").value() == fs::path("/tmp/out"));
  BOOST_TEST(check("/var/lib/cdc/a//b/./c/").value() == fs::path("/var/lib/cdc/a/b/c"));
  BOOST_TEST(check("/tmp").value() == fs::path("/tmp"));
  BOOST_TEST(check("/var/lib/cdc/").value() == fs::path("/var/lib/cdc"));
}

BOOST_AUTO_TEST_CASE(a_directory_elsewhere_is_refused_naming_the_allowed_ones) {
  for (auto dir : {"/etc/cdc", "/var/lib", "/", "/tmpx/out", "/var/lib/cdc2"}) {
    auto r = check(dir);
    BOOST_REQUIRE_MESSAGE(!r.has_value(), dir);
    BOOST_TEST(r.error().kind == api_error::sink_uri_invalid);
    BOOST_TEST(r.error().message.find("outside the allowed directories") != std::string::npos, r.error().message);
    BOOST_TEST(r.error().message.find("/var/lib/cdc, /tmp") != std::string::npos, r.error().message);
    BOOST_TEST(r.error().message.find("--sink-file-allowed-dirs") != std::string::npos, r.error().message);
  }
}

BOOST_AUTO_TEST_CASE(a_relative_directory_is_refused) {
  for (auto dir : {"../../x", "out", "localhost/tmp/out"}) {
    auto r = check(dir);
    BOOST_REQUIRE_MESSAGE(!r.has_value(), dir);
    BOOST_TEST(r.error().message.find("is not an absolute path") != std::string::npos, r.error().message);
  }
}

BOOST_AUTO_TEST_CASE(dot_dot_is_refused_even_when_it_stays_inside) {
  for (auto dir : {"/tmp/a/../b", "/tmp/../etc", "/var/lib/cdc/.."}) {
    auto r = check(dir);
    BOOST_REQUIRE_MESSAGE(!r.has_value(), dir);
    BOOST_TEST(r.error().message.find("'..'") != std::string::npos, r.error().message);
  }
}

BOOST_AUTO_TEST_CASE(the_message_names_the_sink_uri) {
  auto r = check_file_sink_dir("file:///etc/x?protocol=csv", "/etc/x", allowed);
  BOOST_REQUIRE(!r.has_value());
  BOOST_TEST(r.error().message.starts_with("sink uri invalid 'file:///etc/x?protocol=csv': "), r.error().message);
}

BOOST_AUTO_TEST_CASE(with_nothing_allowed_everything_is_refused) {
  auto r = check_file_sink_dir("file:///tmp/x", "/tmp/x", {});
  BOOST_REQUIRE(!r.has_value());
  BOOST_TEST(r.error().message.find("below none") != std::string::npos, r.error().message);
}

BOOST_AUTO_TEST_SUITE_END()
