// A node's session in etcd; see etcd_session.hpp.
#include "actors/membership/etcd_session.hpp"

#include <algorithm>
#include <cstdlib>

#include <spdlog/spdlog.h>

#include "model/cluster/etcd_keys.hpp"

namespace cdc::membership {

namespace keys = model::etcd_keys;

namespace {

etcd::range_request prefix_range(std::string prefix) {
  etcd::range_request r;
  r.range_end = keys::prefix_range_end(prefix);
  r.key = std::move(prefix);
  return r;
}

/// The lease a campaign key names ("<prefix>/<lease hex>"), 0 if none.
std::int64_t lease_of(const std::string& key) {
  auto slash = key.rfind('/');
  if (slash == std::string::npos)
    return 0;
  return static_cast<std::int64_t>(std::strtoull(key.c_str() + slash + 1, nullptr, 16));
}

} // namespace

session::session(etcd::client client, std::string cluster, std::chrono::seconds ttl)
  : client_(std::move(client)), cluster_(std::move(cluster)), ttl_(ttl) {}

etcd::result<void> session::open(const model::capture_record& self) {
  auto grant = client_.grant_lease(ttl_);
  if (!grant)
    return grant.error();
  lease_ = grant->id;
  return update(self);
}

etcd::result<void> session::update(const model::capture_record& self) {
  auto put = client_.put({keys::capture_key(cluster_, self.id), model::serialize_capture(self), lease_});
  if (!put)
    return put.error();
  return {};
}

etcd::result<std::int64_t> session::campaign(const std::string& capture_id) {
  auto key = keys::owner_key(cluster_, lease_);
  etcd::txn_request t;
  t.compares.push_back({key, etcd::compare::target::create, etcd::compare::result::equal, 0});
  t.success.push_back(etcd::put_request{key, capture_id, lease_});
  t.success.push_back(etcd::range_request{key});
  t.failure.push_back(etcd::range_request{key});
  auto r = client_.txn(t);
  if (!r)
    return r.error();
  if (r->ranges.empty() || r->ranges.back().kvs.empty())
    return etcd::error{etcd::error::kind::bad_answer, 0, describe() + ": the campaign key " + key + " vanished"};
  return r->ranges.back().kvs.front().create_revision;
}

etcd::result<std::int64_t> session::keep_alive() {
  return client_.keep_alive(lease_);
}

etcd::result<snapshot> session::read() {
  etcd::txn_request t;
  t.success.push_back(prefix_range(keys::capture_prefix(cluster_)));
  t.success.push_back(prefix_range(keys::owner_prefix(cluster_) + "/"));
  auto r = client_.txn(t);
  if (!r)
    return r.error();
  if (r->ranges.size() != 2)
    return etcd::error{etcd::error::kind::bad_answer, 0, describe() + ": a membership read lost a range"};
  snapshot s;
  s.revision = r->revision;
  for (const auto& kv : r->ranges[0].kvs) {
    auto c = model::parse_capture(kv.value);
    if (!c) {
      spdlog::warn("membership: skipping capture key {}: {}", kv.key, c.error().message);
      continue;
    }
    s.captures.push_back(std::move(*c));
  }
  std::sort(s.captures.begin(), s.captures.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  for (const auto& kv : r->ranges[1].kvs)
    s.line.push_back({kv.value, lease_of(kv.key), kv.create_revision});
  std::sort(s.line.begin(), s.line.end(),
            [](const auto& a, const auto& b) { return a.create_revision < b.create_revision; });
  return s;
}

etcd::result<bool> session::resign(std::int64_t term) {
  auto line = client_.range(prefix_range(keys::owner_prefix(cluster_) + "/"));
  if (!line)
    return line.error();
  auto it = std::find_if(line->kvs.begin(), line->kvs.end(),
                         [&](const etcd::key_value& kv) { return kv.create_revision == term; });
  if (it == line->kvs.end())
    return false;
  etcd::txn_request t;
  t.compares.push_back({it->key, etcd::compare::target::create, etcd::compare::result::equal, term});
  t.success.push_back(etcd::delete_request{it->key});
  auto r = client_.txn(t);
  if (!r)
    return r.error();
  return r->succeeded;
}

void session::close() {
  if (lease_ == 0)
    return;
  if (auto r = client_.revoke_lease(lease_); !r)
    spdlog::warn("membership: cannot revoke lease {:x}: {}", lease_, r.error().message);
  lease_ = 0;
}

bool session::revoke(std::int64_t lease) {
  auto r = client_.revoke_lease(lease);
  // etcd answers "requested lease not found" for one already gone.
  return r.has_value() || (r.error().what == etcd::error::kind::rejected);
}

} // namespace cdc::membership
