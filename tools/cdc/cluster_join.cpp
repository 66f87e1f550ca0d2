// The join check; see cluster_join.hpp.
#include "tools/cdc/cluster_join.hpp"

#include "actors/membership/etcd_session.hpp"

namespace cdc::tool {

std::string upstream_mismatch(const std::vector<store::etcd::endpoint>& endpoints,
                              const store::etcd::client_options& options, const std::string& cluster_id,
                              const std::string& digest) {
  membership::session s(store::etcd::client(endpoints, options), cluster_id, std::chrono::seconds(10));
  auto now = s.read();
  if (!now)
    return "cannot read the cluster's captures: " + now.error().message;
  for (const auto& c : now->captures)
    if (!c.upstream_digest.empty() && c.upstream_digest != digest)
      return "capture " + c.id + " at " + c.address + " runs another simulated upstream (fingerprint "
             + c.upstream_digest + ", this node's " + digest
             + "): every node of a cluster needs the same --upstream-config";
  return {};
}

} // namespace cdc::tool
