#include "http/bulk_reads.hpp"

#include <boost/asio/post.hpp>

#include "actors/control_lane.hpp"

namespace cdc::http {

bulk_reads::bulk_reads() {
  // Below the actor workers too (control_lane.hpp): a list may wait for a
  // write, not the other way round. Linux's niceness is per thread.
  boost::asio::post(worker_, [] { actors::lower_thread_priority(10); });
}

bulk_reads::~bulk_reads() { stop(); }

void bulk_reads::run(const std::string& key, make_fn make, done_fn done) {
  std::lock_guard guard{lock_};
  if (stopped_)
    return;
  auto [it, added] = queued_.try_emplace(key);
  it->second.waiting.push_back(std::move(done));
  if (!added)
    return;
  it->second.make = std::move(make);
  boost::asio::post(worker_, [this, key] { run_job(key); });
}

void bulk_reads::run_job(const std::string& key) {
  job taken;
  {
    std::lock_guard guard{lock_};
    auto it = queued_.find(key);
    if (stopped_ || it == queued_.end())
      return;
    taken = std::move(it->second);
    queued_.erase(it);
  }
  auto body = taken.make();
  for (const auto& done : taken.waiting)
    done(body);
}

void bulk_reads::stop() {
  {
    std::lock_guard guard{lock_};
    stopped_ = true;
    queued_.clear();
  }
  worker_.join();
}

} // namespace cdc::http
