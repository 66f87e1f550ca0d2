// Answers that walk every changefeed (the list, the processors, the metrics)
// are made on a thread of their own, at a lower CPU priority than the I/O
// threads: with thousands of feeds one takes milliseconds to tens of
// milliseconds, and on an I/O thread every request of every connection that
// thread serves, a pause or create among them, would wait behind it.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <boost/asio/thread_pool.hpp>

namespace cdc::http {

class bulk_reads {
public:
  using make_fn = std::function<std::string()>;
  using done_fn = std::function<void(const std::string&)>;

  bulk_reads();
  ~bulk_reads();
  bulk_reads(const bulk_reads&) = delete;
  bulk_reads& operator=(const bulk_reads&) = delete;

  /// Runs `done(make())` on this thread. Requests with the same `key` that
  /// come while one waits to be made share its body, so a flood of them
  /// costs one at a time; one that comes while a body is being made waits
  /// for the next, and so sees every write answered before it came. After
  /// stop() nothing runs (the caller's reply answers 503 when dropped).
  void run(const std::string& key, make_fn make, done_fn done);
  /// Finishes what is being made and makes nothing else (shutdown, before
  /// what the makers read is gone).
  void stop();

private:
  struct job {
    make_fn make;
    std::vector<done_fn> waiting;
  };
  void run_job(const std::string& key);

  // Taken only to queue and to take a job, never while one is made.
  std::mutex lock_;
  std::map<std::string, job> queued_;
  bool stopped_ = false;
  boost::asio::thread_pool worker_{1};
};

} // namespace cdc::http
