// TiCDC's CaptureInfo JSON (cdc/model/capture.go), the value of a capture's
// key in etcd: {"id", "address", "version", "git-hash", "deploy-path",
// "start-timestamp"}, so TiCDC's tools list our captures. Three fields are
// ours and ignored by TiCDC's decoder: "actor-address", where the node's
// actors take messages from other nodes, "upstream-digest", the fingerprint
// of its simulated upstream (model/upstream/catalog_digest.hpp), and
// "stopping", set once the capture began a graceful shutdown.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/result.hpp"

namespace cdc::model {

struct capture_record {
  std::string id;
  /// The advertised HTTP address, "host:port".
  std::string address;
  std::string version;
  std::string git_hash;
  std::string deploy_path;
  /// When the capture started, in Unix seconds.
  std::int64_t start_timestamp = 0;
  /// "host:port" of the node's actor endpoint; empty when it has none.
  std::string actor_address;
  /// Empty when not known (a TiCDC capture).
  std::string upstream_digest;
  bool stopping = false;

  friend bool operator==(const capture_record&, const capture_record&) = default;
};

std::string serialize_capture(const capture_record& c);
/// "id" and "address" are required; the rest default. 500
/// ErrMetaStoreFailed "meta store operation failed: corrupt capture info:
/// <why>" otherwise.
result<capture_record> parse_capture(std::string_view text);

} // namespace cdc::model
