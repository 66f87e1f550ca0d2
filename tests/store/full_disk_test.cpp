// The embedded store on a full disk: removing a changefeed or pausing one
// still commits, so an operator can free space by removing feeds; creates are
// refused until there is room again, and nothing acknowledged is lost.
#include <boost/test/unit_test.hpp>

#include "actors/store/backend/sqlite_backend.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/printers.hpp"
#include "tests/support/small_disk_vfs.hpp"

using namespace cdc;
using namespace cdc::store;
using test::make_info;

namespace {

constexpr std::int64_t roomy = std::int64_t{256} << 20;

model::changefeed_key key(const std::string& id) { return {"default", id}; }

struct full_disk {
  full_disk() {
    auto opened = sqlite_backend::open(dir.path);
    BOOST_REQUIRE_MESSAGE(opened.has_value(), (opened.has_error() ? opened.error().message : std::string()));
    b = std::move(*opened);
    for (int i = 0; i < 50; ++i)
      BOOST_REQUIRE(put(*b, make_info("cf-" + std::to_string(i)), {1000, 1000}).has_value());
    // Something else takes the rest of the disk.
    disk.free_bytes = 0;
  }

  /// Creates new feeds until the store says the disk is full.
  void create_until_refused() {
    for (int i = 0; i < 5000; ++i)
      if (!put(*b, make_info("more-" + std::to_string(i)), {1000, 1000}))
        return;
    BOOST_FAIL("creates never failed on a full disk");
  }

  test::temp_dir dir{"full-disk"};
  test::small_disk_vfs disk{roomy};
  std::unique_ptr<sqlite_backend> b;
};

} // namespace

BOOST_AUTO_TEST_SUITE(sqlite_backend_full_disk)

BOOST_FIXTURE_TEST_CASE(a_remove_commits_on_a_full_disk, full_disk) {
  create_until_refused();
  auto r = remove(*b, key("cf-0"));
  BOOST_TEST(r.has_value(), (r ? std::string() : r.error().message));
  BOOST_TEST(!b->get(key("cf-0")).value().has_value());
}

BOOST_FIXTURE_TEST_CASE(a_pause_commits_on_a_full_disk, full_disk) {
  create_until_refused();
  auto r = put(*b, make_info("cf-1", model::feed_state::stopped), {1000, 1000});
  BOOST_TEST(r.has_value(), (r ? std::string() : r.error().message));
  BOOST_TEST((b->get(key("cf-1")).value()->info.state == model::feed_state::stopped));
}

BOOST_FIXTURE_TEST_CASE(many_removes_and_pauses_commit_on_a_full_disk, full_disk) {
  create_until_refused();
  for (int i = 0; i < 25; ++i) {
    BOOST_REQUIRE(remove(*b, key("cf-" + std::to_string(i))).has_value());
    BOOST_REQUIRE(put(*b, make_info("cf-" + std::to_string(i + 25), model::feed_state::stopped), {2000, 2000}).has_value());
  }
}

BOOST_FIXTURE_TEST_CASE(creates_stay_refused_until_there_is_room_again, full_disk) {
  create_until_refused();
  BOOST_REQUIRE(remove(*b, key("cf-0")).has_value());
  // The room the remove needed is kept for more removes and pauses.
  for (int i = 0; i < 3; ++i) {
    auto r = put(*b, make_info("new"), {1000, 1000});
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error().kind == model::api_error::meta_store_failed);
  }
  disk.free_bytes = roomy;
  BOOST_TEST(put(*b, make_info("new"), {1000, 1000}).has_value());
  BOOST_TEST(remove(*b, key("cf-1")).has_value());
}

BOOST_FIXTURE_TEST_CASE(what_committed_on_a_full_disk_is_there_after_reopening, full_disk) {
  create_until_refused();
  BOOST_REQUIRE(remove(*b, key("cf-0")).has_value());
  BOOST_REQUIRE(put(*b, make_info("cf-1", model::feed_state::stopped), {1000, 1000}).has_value());
  b.reset();
  disk.free_bytes = roomy;
  auto reopened = sqlite_backend::open(dir.path);
  BOOST_REQUIRE(reopened.has_value());
  BOOST_TEST(!(*reopened)->get(key("cf-0")).value().has_value());
  BOOST_TEST(((*reopened)->get(key("cf-1")).value()->info.state == model::feed_state::stopped));
  BOOST_TEST((*reopened)->get(key("cf-2")).value().has_value());
}

BOOST_AUTO_TEST_SUITE_END()
