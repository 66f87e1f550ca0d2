// The API on a full disk, with the real SQLite store: removing and pausing
// changefeeds still answer 200, so an operator can free space, while a create
// answers 500 CDC:ErrMetaStoreFailed until there is room again.
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "actors/store/backend/sqlite_backend.hpp"
#include "tests/support/api_checks.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/server_fixture.hpp"
#include "tests/support/small_disk_vfs.hpp"

using namespace cdc;
using namespace cdc::test;

namespace {

constexpr std::int64_t roomy = std::int64_t{256} << 20;

/// Made before the server, which opens the store at construction.
struct disk_holder {
  temp_dir dir{"full-disk-api"};
  small_disk_vfs disk{roomy};
};

struct full_disk_api : disk_holder, server_fixture {
  full_disk_api() : server_fixture(on_sqlite(dir)), c(client()) {}

  static http::server_options on_sqlite(const temp_dir& dir) {
    auto o = options(1);
    auto b = store::sqlite_backend::open(dir.path);
    BOOST_REQUIRE(b.has_value());
    o.cluster.meta_backend = std::move(*b);
    return o;
  }

  http_response create(const std::string& id) {
    return c.post("/api/v2/changefeeds", R"({"changefeed_id":")" + id + R"(","sink_uri":"blackhole://"})");
  }

  http_client c;
};

} // namespace

BOOST_AUTO_TEST_SUITE(full_disk_api_suite)

BOOST_FIXTURE_TEST_CASE(removes_and_pauses_answer_200_and_creates_wait_for_room, full_disk_api) {
  for (int i = 0; i < 20; ++i)
    BOOST_REQUIRE(create("cf-" + std::to_string(i)).status == 200u);
  disk.free_bytes = 0;
  // Writes go on until the WAL has no frames left to reuse.
  for (int i = 0; i < 2000; ++i)
    if (create("more-" + std::to_string(i)).status != 200u)
      break;
  check_error(create("refused"), 500, "CDC:ErrMetaStoreFailed");
  BOOST_TEST(c.del("/api/v2/changefeeds/cf-0").status == 200u);
  BOOST_TEST(c.get("/api/v2/changefeeds/cf-0").status == 400u);
  BOOST_TEST(c.post("/api/v2/changefeeds/cf-1/pause").status == 200u);
  BOOST_TEST(c.get("/api/v2/changefeeds/cf-1").json().at("state").as_string() == "stopped");
  check_error(create("still-refused"), 500, "CDC:ErrMetaStoreFailed");
  disk.free_bytes = roomy;
  BOOST_TEST(eventually([&] { return create("room-again").status == 200u; }, 5));
}

BOOST_AUTO_TEST_SUITE_END()
