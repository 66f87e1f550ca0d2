// A whole cluster on a meta store that fails on demand: every write the
// store refuses is answered ErrMetaStoreFailed and changes nothing in memory;
// once the store recovers the same operation succeeds.
#include <boost/test/unit_test.hpp>

#include "model/changefeed/bodies.hpp"
#include "tests/support/faulty_backend.hpp"
#include "tests/support/printers.hpp"
#include "tests/support/sim_cluster.hpp"

using namespace cdc;
using namespace cdc::actors;
using namespace std::chrono_literals;
using model::api_error;
using model::changefeed_key;

namespace {

struct failing_store_fixture : test::sim_cluster {
  explicit failing_store_fixture(std::shared_ptr<test::faulty_backend> b = std::make_shared<test::faulty_backend>())
    : sim_cluster(2, model::upstream::default_catalog(), actors::default_sink_factory(), b), backend(std::move(b)) {
    advance(200ms);
  }

  model::result<model::changefeed_detail> try_create(const std::string& id) {
    auto body = model::parse_create_body(R"({"changefeed_id":")" + id + R"(","sink_uri":"blackhole://"})");
    return ask_owner<model::changefeed_detail>(atom::create_v, std::move(*body));
  }

  std::shared_ptr<test::faulty_backend> backend;
};

} // namespace

BOOST_AUTO_TEST_SUITE(store_failures)

BOOST_AUTO_TEST_CASE(a_create_the_store_refuses_answers_meta_store_failed_and_leaves_no_feed) {
  failing_store_fixture f;
  f.backend->failing = true;
  auto r = f.try_create("cf1");
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().kind == api_error::meta_store_failed);
  BOOST_TEST(r.error().message == "meta store operation failed: cannot commit to faulty: disk full");
  BOOST_TEST(f.ask_owner<changefeed_actor>(atom::get_v, f.key("cf1")).error().kind == api_error::changefeed_not_exists);
  BOOST_TEST(f.ask_api<std::vector<model::processor_item>>(atom::processors_v).value().empty());
  // The ID is free: the same create succeeds once the store works again.
  f.backend->failing = false;
  BOOST_TEST(f.try_create("cf1").has_value());
}

BOOST_AUTO_TEST_CASE(a_pause_the_store_refuses_leaves_the_feed_replicating) {
  failing_store_fixture f;
  BOOST_REQUIRE(f.try_create("cf1").has_value());
  f.advance(300ms);
  f.backend->failing = true;
  auto r = f.ask_owner<bool>(atom::pause_v, f.key("cf1"));
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().kind == api_error::meta_store_failed);
  auto before = f.detail("cf1");
  BOOST_TEST(before.state == model::feed_state::normal);
  BOOST_TEST(f.processors("cf1") == 2u);
  f.advance(300ms);
  BOOST_TEST(f.detail("cf1").checkpoint_ts > before.checkpoint_ts);
}

BOOST_AUTO_TEST_CASE(a_resume_the_store_refuses_leaves_the_feed_stopped) {
  failing_store_fixture f;
  BOOST_REQUIRE(f.try_create("cf1").has_value());
  BOOST_REQUIRE(f.ask_owner<bool>(atom::pause_v, f.key("cf1")).value());
  f.backend->failing = true;
  auto r = f.ask_owner<bool>(atom::resume_v, f.key("cf1"), model::resume_config{});
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().kind == api_error::meta_store_failed);
  BOOST_TEST(f.detail("cf1").state == model::feed_state::stopped);
  BOOST_TEST(f.processors("cf1") == 0u);
  f.backend->failing = false;
  BOOST_TEST(f.ask_owner<bool>(atom::resume_v, f.key("cf1"), model::resume_config{}).value());
  BOOST_TEST(f.detail("cf1").state == model::feed_state::normal);
}

BOOST_AUTO_TEST_CASE(a_remove_the_store_refuses_leaves_the_feed_in_place) {
  failing_store_fixture f;
  BOOST_REQUIRE(f.try_create("cf1").has_value());
  f.backend->failing = true;
  auto r = f.ask_owner<bool>(atom::remove_v, f.key("cf1"));
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().kind == api_error::meta_store_failed);
  BOOST_TEST(f.detail("cf1").state == model::feed_state::normal);
  BOOST_TEST(f.processors("cf1") == 2u);
  f.backend->failing = false;
  BOOST_TEST(f.ask_owner<bool>(atom::remove_v, f.key("cf1")).value());
  BOOST_TEST(f.ask_owner<changefeed_actor>(atom::get_v, f.key("cf1")).error().kind == api_error::changefeed_not_exists);
}

BOOST_AUTO_TEST_CASE(an_update_the_store_refuses_keeps_the_old_config) {
  failing_store_fixture f;
  BOOST_REQUIRE(f.try_create("cf1").has_value());
  BOOST_REQUIRE(f.ask_owner<bool>(atom::pause_v, f.key("cf1")).value());
  auto target = model::compose_tso(test::sim_wall_start_ms + 3'600'000, 0);
  auto body = model::parse_update_body(R"({"target_ts":)" + std::to_string(target) + "}");
  BOOST_REQUIRE(body.has_value());
  f.backend->failing = true;
  auto r = f.ask_owner<model::changefeed_detail>(atom::update_v, f.key("cf1"), *body);
  BOOST_REQUIRE(r.has_error());
  BOOST_TEST(r.error().kind == api_error::meta_store_failed);
  BOOST_TEST(f.detail("cf1").target_ts == 0u);
  f.backend->failing = false;
  BOOST_TEST(f.ask_owner<model::changefeed_detail>(atom::update_v, f.key("cf1"), *body).value().target_ts == target);
}

BOOST_AUTO_TEST_CASE(a_create_racing_one_the_store_refuses_is_not_told_the_feed_exists) {
  failing_store_fixture f;
  f.backend->refusing_creates = true;
  auto owner = f.answer_of<owner_actor>(f.election_hdl, atom::owner_v).value();
  auto body = [] { return *model::parse_create_body(R"({"changefeed_id":"cf1","sink_uri":"blackhole://"})"); };
  // Both reach the owner before either is stored.
  auto first = f.self->request(owner, 10s, atom::create_v, body());
  auto second = f.self->request(owner, 10s, atom::create_v, body());
  f.run();
  // "Already exists" would tell of a feed no read shows and none will:
  // the second waits for the first's outcome, then makes its own attempt.
  for (auto* rh : {&first, &second}) {
    std::optional<api_error> failed;
    rh->receive([&](model::changefeed_detail&) {}, [&](caf::error& e) { failed = actors::to_failure(e).kind; });
    BOOST_TEST((failed == api_error::meta_store_failed));
  }
  BOOST_TEST(f.backend->refused == 2u);
  f.backend->refusing_creates = false;
  BOOST_TEST(f.try_create("cf1").has_value());
}

BOOST_AUTO_TEST_CASE(a_create_racing_a_stored_one_is_told_the_feed_exists) {
  failing_store_fixture f;
  auto owner = f.answer_of<owner_actor>(f.election_hdl, atom::owner_v).value();
  auto body = [] { return *model::parse_create_body(R"({"changefeed_id":"cf1","sink_uri":"blackhole://"})"); };
  auto first = f.self->request(owner, 10s, atom::create_v, body());
  auto second = f.self->request(owner, 10s, atom::create_v, body());
  f.run();
  bool created = false;
  first.receive([&](model::changefeed_detail&) { created = true; }, [](caf::error&) {});
  BOOST_TEST(created);
  std::optional<api_error> failed;
  second.receive([](model::changefeed_detail&) {}, [&](caf::error& e) { failed = actors::to_failure(e).kind; });
  BOOST_TEST((failed == api_error::changefeed_already_exists));
  BOOST_TEST(f.detail("cf1").id == "cf1");
}

BOOST_AUTO_TEST_SUITE_END()
