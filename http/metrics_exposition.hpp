// Everything GET /metrics shows, in Prometheus' text format 0.0.4: a
// registry for plain instruments plus collectors that read what the server
// already keeps (published feeds, route counters, sinks, /proc/self) at
// scrape time.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <prometheus/collectable.h>
#include <prometheus/registry.h>

#include "http/bulk_reads.hpp"

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

  /// Runs `done(text)` with a scrape made on this exposition's own thread
  /// (bulk_reads.hpp: requests that arrive while a scrape is queued share
  /// it). After stop() nothing runs (the caller's reply answers 503 when it
  /// is dropped).
  void scrape_async(std::function<void(const std::string&)> done) const;
  /// Finishes the scrape under way and runs no other (server shutdown,
  /// before what the sources read is gone).
  void stop() const;

private:
  std::shared_ptr<prometheus::Registry> registry_;
  std::vector<source> sources_;
  mutable bulk_reads worker_;
};

} // namespace cdc::http
