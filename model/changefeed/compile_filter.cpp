#include "model/changefeed/compile_filter.hpp"

#include "model/changefeed/table_rules.hpp"

namespace cdc::model {

result<filter::changefeed_filter> compile_filter(const config::replica_config& cfg) {
  return filter::changefeed_filter::make(to_filter_config(cfg), cfg.case_sensitive);
}

} // namespace cdc::model
