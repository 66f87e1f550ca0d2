// How a request body's replica_config becomes a changefeed's config
// (spec/reference.md 6.1): POST overlays the defaults, PUT starts from zero,
// and both then go through TiCDC's API-to-internal conversion.
#pragma once

#include <string_view>

#include <boost/json/object.hpp>

#include "model/config/replica_config.hpp"
#include "model/result.hpp"

namespace cdc::model::config {

/// Decodes `patch` onto `base` the way Go's encoding/json decodes a body onto
/// an existing value: objects merge field by field at every depth (a
/// sub-object absent from `base` starts from zero), arrays and scalars
/// replace, null resets optional members and clears lists (null for a plain
/// scalar changes nothing), unknown keys are ignored. A wrong type or range
/// is 400 ErrAPIInvalidParam naming the field below `path`
/// (e.g. "replica_config.sink.csv.delimiter").
result<replica_config> merge_onto(replica_config base, const boost::json::object& patch,
                                  std::string_view path);

/// TiCDC's ToInternalReplicaConfig as seen through the API: top-level scalars
/// are kept as they are; each sub-object and each duration that is absent
/// takes its default; sql_mode is dropped.
replica_config to_internal(replica_config api);

/// POST /changefeeds: merge_onto(default_replica_config()), then to_internal.
result<replica_config> create_replica_config(const boost::json::object& patch,
                                             std::string_view path = "replica_config");

/// PUT /changefeeds/{id}: merge_onto(replica_config{}) (Go's zero value), then
/// to_internal. Absent top-level scalars become zero/false/absent (so
/// memory_quota 0, fixed later by validation; check_gc_safe_point false);
/// sub-objects and durations are replaced whole when present and take the
/// defaults (not the old values) when absent.
result<replica_config> update_replica_config(const boost::json::object& patch,
                                             std::string_view path = "replica_config");

} // namespace cdc::model::config
