// What a node checks before it joins a cluster on etcd.
#pragma once

#include <string>
#include <vector>

#include "actors/store/backend/etcd_client.hpp"

namespace cdc::tool {

/// Every capture already registered must run the same simulated upstream
/// as this node (`digest`): otherwise a table moved between nodes would
/// replicate other rows. Returns why this node must not join, or "" when
/// it may (captures of TiCDC, which carry no digest, do not object).
std::string upstream_mismatch(const std::vector<store::etcd::endpoint>& endpoints,
                              const store::etcd::client_options& options, const std::string& cluster_id,
                              const std::string& digest);

} // namespace cdc::tool
