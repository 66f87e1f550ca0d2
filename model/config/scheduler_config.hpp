// replica_config.scheduler: whether and when one table is split across
// captures (TiCDC's ChangefeedSchedulerConfig).
#pragma once

#include <cstdint>

#include "model/config/codec_decl.hpp"

namespace cdc::model::config {

struct scheduler_config {
  bool enable_table_across_nodes = false;
  std::int64_t region_threshold = 0;
  std::int64_t write_key_threshold = 0;

  friend bool operator==(const scheduler_config&, const scheduler_config&) = default;
};

status read_into(scheduler_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const scheduler_config& x);

} // namespace cdc::model::config
