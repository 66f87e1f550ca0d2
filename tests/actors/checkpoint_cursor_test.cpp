// A checkpoint writer's cursor: a burst of progress is one write, a failed
// write is tried again at the next checkpoint, and nothing goes back.
#include <boost/test/unit_test.hpp>

#include "actors/sinks/checkpoint_cursor.hpp"

using cdc::actors::checkpoint_cursor;

BOOST_AUTO_TEST_SUITE(checkpoint_cursor_suite)

BOOST_AUTO_TEST_CASE(a_burst_of_checkpoints_queues_one_flush_which_writes_the_newest) {
  checkpoint_cursor c;
  BOOST_TEST(c.receive(100));
  BOOST_TEST(!c.receive(200));
  BOOST_TEST(!c.receive(150));
  BOOST_TEST(c.due().value() == 200u);
  c.wrote(200);
  BOOST_TEST(!c.due().has_value());
}

BOOST_AUTO_TEST_CASE(a_checkpoint_at_or_below_the_written_one_queues_nothing) {
  checkpoint_cursor c;
  c.wrote(500); // what a restarted writer finds already written
  BOOST_TEST(!c.receive(400));
  BOOST_TEST(!c.receive(500));
  BOOST_TEST(c.receive(501));
}

BOOST_AUTO_TEST_CASE(a_failed_write_is_tried_again_at_the_next_checkpoint) {
  checkpoint_cursor c;
  BOOST_TEST(c.receive(100));
  BOOST_TEST(c.due().value() == 100u); // the write fails: nothing marked written
  BOOST_TEST(c.receive(100));
  BOOST_TEST(c.due().value() == 100u);
  c.wrote(100);
  c.wrote(50);
  BOOST_TEST(!c.receive(90), "the written checkpoint never goes back");
}

BOOST_AUTO_TEST_SUITE_END()
