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

  /// The whole exposition. Runs on the I/O thread: each source only reads
  /// atomics and immutable snapshots (tools/bench/REPORT.md: 10,000 feeds).
  std::string scrape() const;

private:
  std::shared_ptr<prometheus::Registry> registry_;
  std::vector<source> sources_;
};

} // namespace cdc::http
