// What TiCDC's v1 API answers for changefeeds and processors, where it
// differs from v2's (views.hpp): cdc/model/http_model.go's ChangefeedDetail
// and ProcessorDetail. v1's list items are v2's (ChangefeedCommonInfo,
// ProcessorCommonInfo) as bare arrays.
#pragma once

#include <boost/json/value.hpp>

#include "model/changefeed/views.hpp"

namespace cdc::model {

/// GET /api/v1/changefeeds/{id}: upstream_id, namespace, id, sink_uri,
/// create_time and checkpoint_time as "YYYY-MM-DD HH:MM:SS.mmm" local time,
/// start_ts, resolved_ts, target_ts, checkpoint_tso, state, error (null
/// while normal), error_history (null), creator_version, and task_status
/// (each with table_operations null) only when some capture holds tables.
boost::json::value v1_detail(const changefeed_detail& x);

/// GET /api/v1/processors/{id}/{capture}: the tables the capture holds and
/// the feed's checkpoint and resolved TS (a processor's position); count 0
/// and error null, as TiCDC leaves them.
boost::json::value v1_processor(const processor_detail& tables, tso_t checkpoint_ts, tso_t resolved_ts);

} // namespace cdc::model
