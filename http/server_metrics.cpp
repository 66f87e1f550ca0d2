#include "http/server_metrics.hpp"

#include <prometheus/counter.h>

#include "http/api_context.hpp"
#include "http/feed_metrics.hpp"
#include "http/router.hpp"
#include "metrics/sink_metrics.hpp"

namespace cdc::http {

std::shared_ptr<metrics_exposition> make_server_metrics(const router& routes, const api_context& api,
                                                        std::shared_ptr<metrics::sink_metrics> sinks) {
  auto out = std::make_shared<metrics_exposition>();
  auto& ownership = prometheus::BuildCounter()
                      .Name("ticdc_owner_ownership_counter")
                      .Help("The counter of ownership increases every 5 seconds on a owner capture")
                      .Register(out->registry())
                      .Add({});
  out->add(std::make_shared<feed_metrics>(api.directory, api.nodes, ownership));
  if (sinks)
    out->add(std::move(sinks));
  out->add([&routes] { return routes.request_metrics(); });
  return out;
}

} // namespace cdc::http
