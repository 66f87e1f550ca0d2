// Assembles GET /metrics for a server: which collectors, over what.
#pragma once

#include <memory>

#include "http/metrics_exposition.hpp"

namespace cdc::metrics {
class sink_metrics;
}

namespace cdc::http {

class router;
struct api_context;

/// The exposition of a server with these routes, published state and sinks;
/// `routes` and `api` must outlive it.
std::shared_ptr<metrics_exposition> make_server_metrics(const router& routes, const api_context& api,
                                                        std::shared_ptr<metrics::sink_metrics> sinks);

} // namespace cdc::http
