// replica_config.mounter: how many workers decode row changes.
#pragma once

#include <cstdint>

#include "model/config/codec_decl.hpp"

namespace cdc::model::config {

struct mounter_config {
  std::int64_t worker_num = 0;

  friend bool operator==(const mounter_config&, const mounter_config&) = default;
};

status read_into(mounter_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const mounter_config& x);

} // namespace cdc::model::config
