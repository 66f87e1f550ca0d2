// TiCDC's etcd key layout (pkg/etcd/etcdkey.go), so tools that read TiCDC's
// keys (tidb-dashboard, etcdctl scripts) read ours:
//   /tidb/cdc/<cluster>/__cdc_meta__/capture/<capture-id>   CaptureInfo, on its lease
//   /tidb/cdc/<cluster>/__cdc_meta__/owner/<lease-hex>      a campaign: the capture ID
//   /tidb/cdc/<cluster>/<namespace>/changefeed/info/<id>    ChangeFeedInfo
//   /tidb/cdc/<cluster>/<namespace>/changefeed/status/<id>  ChangeFeedStatus
// Building and parsing keys only; no I/O.
#pragma once

#include <cstdint>
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
/// "/tidb/cdc/<cluster>/__cdc_meta__/": the cluster's membership (captures,
/// the owner's election) and nothing of its changefeeds.
std::string meta_prefix(std::string_view cluster);
/// "/tidb/cdc/<cluster>/__cdc_meta__/capture/": every capture's key.
std::string capture_prefix(std::string_view cluster);
std::string capture_key(std::string_view cluster, std::string_view capture_id);
/// "/tidb/cdc/<cluster>/__cdc_meta__/owner": the election's name. A
/// campaign is the key "<name>/<lease in lower-case hex>" (etcd's
/// concurrency.Election); the lowest create revision is the owner.
std::string owner_prefix(std::string_view cluster);
std::string owner_key(std::string_view cluster, std::int64_t lease);
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
