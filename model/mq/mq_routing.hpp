// Where an MQ sink sends a table's rows and which columns it writes: the
// event router and the column selectors of a replica config, built the one
// way both the create/update checks and the running sink need them.
#pragma once

#include "model/config/replica_config.hpp"
#include "model/dispatch/event_router.hpp"
#include "model/filter/column_selector.hpp"
#include "model/result.hpp"
#include "model/sink/sink_uri.hpp"

namespace cdc::model::mq {

struct mq_routing {
  dispatch::event_router router;
  filter::column_selectors selectors;
};

/// sink.dispatchers and sink.column_selectors of `cfg` for the URI's default
/// topic; errors as event_router::make and column_selectors::make give them.
result<mq_routing> make_mq_routing(const config::replica_config& cfg, const sink::sink_uri& uri);

} // namespace cdc::model::mq
