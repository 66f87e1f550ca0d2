// TiCDC's etcd key layout for changefeeds (pkg/etcd/etcdkey.go), so tools
// that read TiCDC's keys (tidb-dashboard, etcdctl scripts) read ours:
//   /tidb/cdc/<cluster>/<namespace>/changefeed/info/<id>    ChangeFeedInfo
//   /tidb/cdc/<cluster>/<namespace>/changefeed/status/<id>  ChangeFeedStatus
// Building and parsing keys only; no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/changefeed/info.hpp"

namespace cdc::model::etcd_keys {

/// TiCDC's --cluster-id default.
inline constexpr std::string_view default_cluster = "default";

/// "/tidb/cdc/<cluster>/": every key of one TiCDC cluster starts so.
std::string cluster_prefix(std::string_view cluster);

std::string info_key(std::string_view cluster, const changefeed_key& feed);
std::string status_key(std::string_view cluster, const changefeed_key& feed);

/// Which of a changefeed's two keys a key is.
enum class feed_key_kind { info, status };

struct parsed_feed_key {
  feed_key_kind kind;
  changefeed_key feed;
};

/// The changefeed a key of `cluster` belongs to, or nullopt for any other
/// key (captures, the owner, task positions, upstreams, another cluster).
std::optional<parsed_feed_key> parse_feed_key(std::string_view cluster, std::string_view key);

/// etcd's range_end for "every key starting with `prefix`": the prefix with
/// its last byte below 0xff incremented (clientv3.GetPrefixRangeEnd); "\0"
/// (every key) when there is none.
std::string prefix_range_end(std::string_view prefix);

} // namespace cdc::model::etcd_keys
