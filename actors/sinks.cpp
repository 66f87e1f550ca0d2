#include "actors/sinks.hpp"

#include "actors/blackhole_sink.hpp"

namespace cdc::actors {

bool sink_supported(const model::sink::sink_uri& uri) {
  return uri.kind == model::sink::scheme_class::blackhole;
}

sink_factory default_sink_factory(std::shared_ptr<std::atomic<std::uint64_t>> rows) {
  return [rows](caf::actor_system& sys, const model::changefeed_info&) -> sink_actor {
    return sys.spawn(blackhole_sink, rows);
  };
}

} // namespace cdc::actors
