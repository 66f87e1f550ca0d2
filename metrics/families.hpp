// Small builders for the families our collectors hand to the serializer.
#pragma once

#include <string>
#include <vector>

#include <prometheus/client_metric.h>
#include <prometheus/metric_family.h>

namespace cdc::metrics {

prometheus::MetricFamily make_family(std::string name, std::string help, prometheus::MetricType type);

/// A series of `family` with these labels (name, value pairs), to fill in.
prometheus::ClientMetric& add_series(prometheus::MetricFamily& family,
                                     std::vector<prometheus::ClientMetric::Label> labels);

/// Appends `family` to `out` unless it has no series (an empty family
/// would only add HELP/TYPE lines).
void append_nonempty(std::vector<prometheus::MetricFamily>& out, prometheus::MetricFamily family);

} // namespace cdc::metrics
