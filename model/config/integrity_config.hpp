// replica_config.integrity: row checksum verification (TiCDC's
// pkg/integrity Config); values are checked by validate_replica.hpp.
#pragma once

#include <string>

#include "model/config/codec_decl.hpp"

namespace cdc::model::config {

struct integrity_config {
  std::string integrity_check_level;    ///< "none" or "correctness"
  std::string corruption_handle_level;  ///< "warn" or "error"

  friend bool operator==(const integrity_config&, const integrity_config&) = default;
};

status read_into(integrity_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const integrity_config& x);

} // namespace cdc::model::config
