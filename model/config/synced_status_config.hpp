// replica_config.synced_status: the intervals (seconds) /synced uses to
// decide whether a changefeed has caught up.
#pragma once

#include <cstdint>

#include "model/config/codec_decl.hpp"

namespace cdc::model::config {

struct synced_status_config {
  std::int64_t synced_check_interval = 0;
  std::int64_t checkpoint_interval = 0;

  friend bool operator==(const synced_status_config&, const synced_status_config&) = default;
};

status read_into(synced_status_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const synced_status_config& x);

} // namespace cdc::model::config
