// The replica config's sink section as the sink model reads it: protocol,
// atomicity, schema registry and the mysql/kafka/storage settings spelled as
// sink URI parameters (the URI's own parameters win over these).
#pragma once

#include "model/config/replica_config.hpp"
#include "model/sink/protocol.hpp"
#include "model/sink/sink_uri.hpp"

namespace cdc::model {

/// Only the settings of `kind`'s section become parameters, because MySQL,
/// Kafka and storage share names such as worker-count and write-timeout.
sink::sink_config_view make_sink_view(const config::replica_config& cfg, sink::scheme_class kind);

} // namespace cdc::model
