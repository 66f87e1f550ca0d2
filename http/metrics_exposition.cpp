#include "http/metrics_exposition.hpp"

#include "metrics/process_collector.hpp"
#include "metrics/text_format.hpp"

namespace cdc::http {

metrics_exposition::metrics_exposition() : registry_(std::make_shared<prometheus::Registry>()) {
  add(std::make_shared<metrics::process_collector>());
}

void metrics_exposition::add(std::shared_ptr<prometheus::Collectable> collectable) {
  add([c = std::move(collectable)] { return c->Collect(); });
}

void metrics_exposition::add(source s) { sources_.push_back(std::move(s)); }

std::string metrics_exposition::scrape() const {
  std::vector<prometheus::MetricFamily> families;
  auto keep = [&families](std::vector<prometheus::MetricFamily> from) {
    for (auto& f : from)
      if (!f.metric.empty()) // a family with no series yet says nothing
        families.push_back(std::move(f));
  };
  for (const auto& s : sources_)
    keep(s());
  // Last: collectors may advance the registry's instruments as they run
  // (the ownership counter), and this scrape should show that.
  keep(registry_->Collect());
  return metrics::text_format(families);
}

void metrics_exposition::scrape_async(std::function<void(const std::string&)> done) const {
  worker_.run("metrics", [this] { return scrape(); }, std::move(done));
}

void metrics_exposition::stop() const { worker_.stop(); }

} // namespace cdc::http
