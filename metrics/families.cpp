#include "metrics/families.hpp"

namespace cdc::metrics {

prometheus::MetricFamily make_family(std::string name, std::string help, prometheus::MetricType type) {
  prometheus::MetricFamily f;
  f.name = std::move(name);
  f.help = std::move(help);
  f.type = type;
  return f;
}

prometheus::ClientMetric& add_series(prometheus::MetricFamily& family,
                                     std::vector<prometheus::ClientMetric::Label> labels) {
  auto& m = family.metric.emplace_back();
  m.label = std::move(labels);
  return m;
}

void append_nonempty(std::vector<prometheus::MetricFamily>& out, prometheus::MetricFamily family) {
  if (!family.metric.empty())
    out.push_back(std::move(family));
}

} // namespace cdc::metrics
