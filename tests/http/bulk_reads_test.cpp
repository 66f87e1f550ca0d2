// Reads of every changefeed are made on their own thread: requests for the
// same body while one waits share it, a request never gets a body made
// before it came, and nothing runs after stop.
#include <atomic>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "http/bulk_reads.hpp"

using cdc::http::bulk_reads;

namespace {

/// What the done callbacks received, and a way to wait for them.
struct answers {
  std::mutex mu;
  std::vector<std::string> bodies;
  std::promise<void> all_in;
  std::size_t expected = 0;

  bulk_reads::done_fn collect() {
    return [this](const std::string& body) {
      std::lock_guard guard{mu};
      bodies.push_back(body);
      if (bodies.size() == expected)
        all_in.set_value();
    };
  }
};

/// Holds the worker inside a job until released.
struct held_worker {
  std::promise<void> release, inside;
  explicit held_worker(bulk_reads& bulk) {
    bulk.run(
      "hold",
      [this] {
        inside.set_value();
        release.get_future().wait();
        return std::string("held");
      },
      [](const std::string&) {});
    inside.get_future().wait();
  }
};

} // namespace

BOOST_AUTO_TEST_SUITE(bulk_reads_suite)

BOOST_AUTO_TEST_CASE(requests_for_one_body_while_it_waits_share_it) {
  bulk_reads bulk;
  held_worker held{bulk};
  std::atomic<int> made{0};
  answers got;
  got.expected = 3;
  auto make = [&made] { return "list " + std::to_string(++made); };
  bulk.run("list", make, got.collect());
  bulk.run("list", make, got.collect());
  bulk.run("other", [] { return std::string("other"); }, got.collect());
  held.release.set_value();
  got.all_in.get_future().wait();
  BOOST_TEST(made.load() == 1);
  std::lock_guard guard{got.mu};
  BOOST_TEST(got.bodies == (std::vector<std::string>{"list 1", "list 1", "other"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_request_that_comes_while_its_body_is_made_waits_for_the_next) {
  bulk_reads bulk;
  std::promise<void> inside, release;
  std::atomic<int> made{0};
  answers got;
  got.expected = 2;
  auto make = [&] {
    if (++made == 1) {
      inside.set_value();
      release.get_future().wait();
    }
    return "list " + std::to_string(made.load());
  };
  bulk.run("list", make, got.collect());
  inside.get_future().wait(); // the first body is being made
  bulk.run("list", make, got.collect());
  release.set_value();
  got.all_in.get_future().wait();
  std::lock_guard guard{got.mu};
  BOOST_TEST(got.bodies == (std::vector<std::string>{"list 1", "list 2"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(nothing_queued_runs_after_stop) {
  auto bulk = std::make_unique<bulk_reads>();
  auto held = std::make_unique<held_worker>(*bulk);
  std::atomic<bool> ran{false};
  bulk->run("list", [&ran] { ran = true; return std::string(); }, [](const std::string&) {});
  std::thread stopper([&] { bulk->stop(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200)); // stop() has begun
  held->release.set_value();
  stopper.join();
  BOOST_TEST(!ran.load());
  bulk->run("late", [&ran] { ran = true; return std::string(); }, [](const std::string&) {});
  BOOST_TEST(!ran.load());
}

BOOST_AUTO_TEST_SUITE_END()
