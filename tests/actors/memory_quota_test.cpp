// The server-wide memory quota: grants within capacity, queues in arrival
// order past it, wakes waiters as bytes come back, and loses nothing when an
// account ends while holding or waiting.
#include <boost/test/unit_test.hpp>

#include "actors/replication/memory_quota.hpp"

using namespace cdc::actors;

namespace {

struct account {
  explicit account(const std::shared_ptr<memory_quota>& q) : a(q, [this] { ++wakes; }) {}
  int wakes = 0;
  quota_account a;
};

} // namespace

BOOST_AUTO_TEST_SUITE(memory_quota_suite)

BOOST_AUTO_TEST_CASE(grants_up_to_what_is_free) {
  auto q = std::make_shared<memory_quota>(1000);
  account x{q};
  BOOST_TEST(x.a.take(600, 100) == 600u);
  BOOST_TEST(x.a.take(600, 100) == 400u); // what is left, since it is at least `least`
  BOOST_TEST(q->used() == 1000u);
  x.a.give_back(1000);
  BOOST_TEST(q->used() == 0u);
}

BOOST_AUTO_TEST_CASE(a_waiter_is_woken_with_its_grant_when_bytes_come_back) {
  auto q = std::make_shared<memory_quota>(1000);
  account x{q}, y{q};
  BOOST_TEST(x.a.take(900, 100) == 900u);
  BOOST_TEST(y.a.take(500, 200) == 0u);
  BOOST_TEST(q->waiting() == 1u);
  x.a.give_back(300);
  BOOST_TEST(y.wakes == 1);
  BOOST_TEST(y.a.take(500, 200) == 400u);
  BOOST_TEST(q->used() == 1000u);
}

BOOST_AUTO_TEST_CASE(waiters_are_served_in_arrival_order_and_newcomers_queue_behind_them) {
  auto q = std::make_shared<memory_quota>(1000);
  account x{q}, first{q}, second{q}, late{q};
  x.a.take(1000, 1);
  BOOST_TEST(first.a.take(400, 400) == 0u);
  BOOST_TEST(second.a.take(400, 400) == 0u);
  x.a.give_back(500);
  BOOST_TEST(first.wakes == 1);
  BOOST_TEST(second.wakes == 0);
  // 100 bytes are free, but a newcomer waits its turn.
  BOOST_TEST(late.a.take(50, 50) == 0u);
  x.a.give_back(500);
  BOOST_TEST(second.wakes == 1);
  BOOST_TEST(late.wakes == 1);
  BOOST_TEST(first.a.take(400, 400) == 400u);
  BOOST_TEST(second.a.take(400, 400) == 400u);
  BOOST_TEST(late.a.take(50, 50) == 50u);
}

BOOST_AUTO_TEST_CASE(an_account_that_ends_returns_what_it_held_and_was_granted) {
  auto q = std::make_shared<memory_quota>(1000);
  account x{q};
  {
    account held{q}, granted{q};
    held.a.take(600, 1);
    x.a.take(400, 1);
    BOOST_TEST(granted.a.take(300, 300) == 0u);
    x.a.give_back(400); // granted to the waiter, which never takes it
    BOOST_TEST(granted.wakes == 1);
  }
  BOOST_TEST(q->used() == 0u);
  BOOST_TEST(q->waiting() == 0u);
  BOOST_TEST(x.a.take(1000, 1) == 1000u);
}

BOOST_AUTO_TEST_CASE(an_account_that_ends_while_queued_leaves_the_queue) {
  auto q = std::make_shared<memory_quota>(100);
  account x{q}, after{q};
  x.a.take(100, 1);
  {
    account gone{q};
    BOOST_TEST(gone.a.take(50, 50) == 0u);
  }
  BOOST_TEST(after.a.take(50, 50) == 0u);
  x.a.give_back(100);
  BOOST_TEST(after.wakes == 1);
  BOOST_TEST(after.a.take(50, 50) == 50u);
}

BOOST_AUTO_TEST_CASE(a_request_larger_than_the_quota_is_served_with_all_of_it) {
  auto q = std::make_shared<memory_quota>(100);
  account x{q};
  BOOST_TEST(x.a.take(1000, 500) == 100u);
}

BOOST_AUTO_TEST_SUITE_END()
