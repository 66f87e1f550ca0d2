// API v1's ChangefeedConfig (POST and PUT /api/v1/changefeeds), which
// TiCDC's older tools still send: flat fields (filter_rules,
// ignore_txn_start_ts, mounter_worker_num, force_replicate,
// ignore_ineligible_table) and a sink_config with the internal hyphenated
// keys. Each becomes the v2 body it stands for, so v1 and v2 share one set
// of rules.
#pragma once

#include <string_view>

#include "model/changefeed/bodies.hpp"
#include "model/config/replica_config.hpp"
#include "model/result.hpp"

namespace cdc::model {

/// v1 create: the default config with the body's fields on top, as TiCDC's
/// VerifyCreateChangefeedConfig builds it (an absent or 0
/// mounter_worker_num keeps the default). Bad JSON or a wrong type: 400
/// ErrAPIInvalidParam.
result<changefeed_config> parse_v1_create_body(std::string_view body);

/// v1 update: the fields the body sets, applied to the feed's `current`
/// config (v1 changes only what it is given; v2 replaces the whole config).
result<changefeed_update> parse_v1_update_body(std::string_view body, const config::replica_config& current);

} // namespace cdc::model
