// GET /api/v2/unsafe/metadata: the cluster's metadata as TiCDC keeps it in
// etcd, key by key, whatever backend holds ours (etcd, SQLite or memory).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "model/changefeed/info.hpp"
#include "model/changefeed/state.hpp"
#include "model/cluster_views.hpp"

namespace cdc::model {

struct metadata_entry {
  std::string key;
  std::string value;
};

/// One changefeed: its record and its progress.
struct metadata_feed {
  const changefeed_info* info = nullptr;
  changefeed_progress progress;
  admin_job admin_job_type = admin_job::none;
};

/// The captures' keys (TiCDC's CaptureInfo), then each changefeed's info
/// and status keys (TiCDC's ChangeFeedInfo with its hyphenated keys, and
/// ChangeFeedStatus), in etcd's key order. Unlike TiCDC's, the sink URI's
/// password and the config's secrets are masked: no answer shows them.
std::vector<metadata_entry> cluster_metadata(std::string_view cluster, const std::vector<capture_view>& captures,
                                             const std::vector<metadata_feed>& feeds, std::string_view version,
                                             std::string_view git_hash);

/// TiCDC's answer: an array of {"key", "value"}.
boost::json::value to_json(const std::vector<metadata_entry>& entries);

} // namespace cdc::model
