// Children without links: they end with their parent, a released child ends
// quietly, and a child that fails on its own takes its parent down.
#include <boost/test/unit_test.hpp>

#include <caf/event_based_actor.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/control/children.hpp"
#include "tests/support/actor_fixture.hpp"

using namespace cdc;

namespace {

/// Waits; a string asks it to end normally, on its own.
caf::behavior idle_child(caf::event_based_actor* self) {
  return {[self](const std::string&) { self->quit(); }};
}

struct parent_state {
  cdc::actors::children kids;
};

/// Adopts each actor it is sent; `true` releases and ends it, as the owner
/// ends a removed feed.
caf::behavior parent(caf::stateful_actor<parent_state>* self) {
  self->state.kids.bind(self);
  self->set_down_handler([self](caf::down_msg& msg) {
    if (self->state.kids.failed(msg))
      self->quit(msg.reason);
  });
  return {
    [self](caf::actor child) { self->state.kids.adopt(self, child); },
    [self](caf::actor child, bool) {
      self->state.kids.release(child);
      self->send_exit(child, caf::exit_reason::user_shutdown);
    },
  };
}

struct fixture : test::actor_fixture {
  caf::actor p = sys.spawn(parent);
  caf::actor a = sys.spawn(idle_child);
  caf::actor b = sys.spawn(idle_child);

  fixture() {
    caf::anon_send(p, a);
    caf::anon_send(p, b);
    run();
  }

  static bool alive(const caf::actor& x) {
    return !caf::actor_cast<caf::abstract_actor*>(x)->getf(caf::abstract_actor::is_terminated_flag);
  }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(children_suite, fixture)

BOOST_AUTO_TEST_CASE(every_child_ends_with_its_parent) {
  caf::anon_send_exit(p, caf::exit_reason::kill);
  run();
  BOOST_TEST(!alive(a));
  BOOST_TEST(!alive(b));
}

BOOST_AUTO_TEST_CASE(a_released_child_ends_without_disturbing_its_parent) {
  caf::anon_send(p, a, true);
  run();
  BOOST_TEST(!alive(a));
  BOOST_TEST(alive(p));
  BOOST_TEST(alive(b));
}

BOOST_AUTO_TEST_CASE(a_child_failing_on_its_own_takes_its_parent_and_siblings_down) {
  caf::anon_send_exit(a, caf::exit_reason::kill);
  run();
  BOOST_TEST(!alive(p));
  BOOST_TEST(!alive(b));
}

BOOST_AUTO_TEST_CASE(a_child_ending_normally_on_its_own_is_forgotten) {
  caf::anon_send(a, std::string("done"));
  run();
  BOOST_TEST(!alive(a));
  BOOST_TEST(alive(p));
  BOOST_TEST(alive(b));
}

BOOST_AUTO_TEST_SUITE_END()
