// The update rules of PUT /changefeeds/{id} (reference 2.8, api.md "Update
// rules"): from the stored feed and a parsed body to the record to store.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "model/changefeed/bodies.hpp"
#include "model/changefeed/info.hpp"
#include "model/result.hpp"
#include "model/sink/sink_uri.hpp"
#include "model/upstream/schema_adapter.hpp"

namespace cdc::model {

struct update_context {
  std::span<const upstream::catalog_table> tables;
  /// The PD addresses of our one upstream; a body's pd_addrs must name it.
  std::vector<std::string> upstream_pd_addrs;
};

/// In TiCDC's order, the first failure wins: the state must be stopped or
/// failed (400 ErrChangefeedUpdateRefused); pd_addrs must name our upstream
/// (500 ErrAPIGetPDClientFailed; naming it changes nothing, since the feed
/// already replicates from it); target_ts != 0 must be above the stored
/// start_ts (400, exactly "can not update target_ts:<t> less than
/// start_ts:<s>"); the body's replica_config (complete, already converted)
/// replaces the config and a non-empty sink_uri the URI. When either was
/// given: filter, sink-URI compatibility, adjust_to_sink, MQ dispatchers,
/// ineligible tables (400 ErrTableIneligible) and sink validation, every
/// other failure as 400 ErrChangefeedUpdateRefused "changefeed update error:
/// [CDC:ErrX]<cause>". Nothing changed: 400 "... changefeed config is the
/// same with the old one, do nothing". The result keeps state, start_ts and
/// error, with epoch + 1. `checkpoint_ts` is where TiCDC reads the schema;
/// our catalog has no history, so it is not consulted.
result<changefeed_info> check_update(const changefeed_info& old, tso_t checkpoint_ts,
                                     const changefeed_update& body, const update_context& ctx);

/// How an update refuses for `cause`: 400 ErrChangefeedUpdateRefused
/// "changefeed update error: [CDC:ErrX]<cause>" (also for the sink check).
api_failure update_refused(const api_failure& cause);

/// TiCDC's CheckCompatibilityWithSinkURI: a config whose protocol or
/// atomicity now contradicts the URI's parameters is refused (the URI would
/// silently win), unless the old config contradicted them already.
/// The failure is already 400 ErrChangefeedUpdateRefused wrapping TiCDC's
/// "[CDC:ErrIncompatibleSinkConfig]incompatible configuration in sink
/// uri(...) and config file(...), ..." (that code is not in our catalog: it
/// only ever reaches users wrapped).
result<void> check_sink_compatibility(const config::replica_config& updated,
                                      const config::replica_config& old, const sink::sink_uri& uri);

} // namespace cdc::model
