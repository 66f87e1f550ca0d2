// Which sinks this server can write to, and the factory processors use.
#pragma once

#include <atomic>
#include <memory>

#include "actors/services.hpp"
#include "model/sink/sink_uri.hpp"

namespace cdc::actors {

/// Whether a processor can open a sink for this URI here. Schemes TiCDC
/// knows but we cannot reach yet are refused at create, not at run time.
bool sink_supported(const model::sink::sink_uri& uri);

/// The production factory; `rows` (may be null) counts every row written.
sink_factory default_sink_factory(std::shared_ptr<std::atomic<std::uint64_t>> rows = nullptr);

} // namespace cdc::actors
