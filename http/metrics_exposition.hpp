// Everything GET /metrics shows, in Prometheus' text format 0.0.4: a
// registry for plain instruments plus collectors that read what the server
// already keeps (published feeds, route counters, sinks, /proc/self) at
// scrape time.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <boost/asio/thread_pool.hpp>
#include <prometheus/collectable.h>
#include <prometheus/registry.h>

namespace cdc::http {

class metrics_exposition {
public:
  using source = std::function<std::vector<prometheus::MetricFamily>()>;

  static constexpr const char* content_type = "text/plain; version=0.0.4; charset=utf-8";

  /// Starts with the process collector; the registry is always shown.
  metrics_exposition();

  prometheus::Registry& registry() { return *registry_; }

  /// Adds what a scrape also shows; all sources are added before serving.
  void add(std::shared_ptr<prometheus::Collectable> collectable);
  void add(source s);

  /// The whole exposition: each source only reads atomics and immutable
  /// snapshots, but 10,000 feeds make 4.4 MiB of text (tools/bench/REPORT.md
  /// section 9), tens of milliseconds of CPU.
  std::string scrape() const;

  /// Runs `done(text)` with a scrape made on this exposition's own thread,
  /// so the I/O thread that took the request goes on serving. Requests that
  /// arrive while a scrape is queued share it: a flood of scrapes costs one
  /// at a time. After stop() nothing runs (the caller's reply answers 503
  /// when it is dropped).
  void scrape_async(std::function<void(const std::string&)> done) const;
  /// Finishes the scrape under way and runs no other (server shutdown,
  /// before what the sources read is gone).
  void stop() const;

private:
  void run_scrape() const;

  std::shared_ptr<prometheus::Registry> registry_;
  std::vector<source> sources_;
  // Only GET /metrics takes the lock, for as long as it takes to queue.
  mutable std::mutex waiting_lock_;
  mutable std::vector<std::function<void(const std::string&)>> waiting_;
  mutable bool stopped_ = false;
  mutable boost::asio::thread_pool worker_{1};
};

} // namespace cdc::http
