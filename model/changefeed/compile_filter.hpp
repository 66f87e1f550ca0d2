// Compiles a changefeed's replica_config.filter into the matcher processors
// run on every row (model/filter), once per changefeed.
#pragma once

#include "model/config/replica_config.hpp"
#include "model/filter/changefeed_filter.hpp"
#include "model/result.hpp"

namespace cdc::model {

/// `filter` of `cfg` with its case sensitivity; TiCDC's NewFilter.
result<filter::changefeed_filter> compile_filter(const config::replica_config& cfg);

} // namespace cdc::model
