// What the etcd tests share: one private etcd for the process (each test
// uses a cluster ID of its own, so their keys never meet), clients and
// backends on it, and raw reads that bypass the backend.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "actors/store/backend/etcd_backend.hpp"
#include "actors/store/backend/etcd_client.hpp"
#include "model/cluster/etcd_keys.hpp"
#include "tests/support/etcd_server.hpp"

namespace cdc::test {

/// The process's shared etcd, started on first use and killed at exit.
inline etcd_server& shared_etcd() {
  static etcd_server server{std::filesystem::temp_directory_path() / ("cdc-etcd-shared-" + std::to_string(::getpid()))};
  return server;
}

inline store::etcd::client etcd_client_for(const std::string& endpoints,
                                           std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  auto parsed = store::etcd::parse_endpoints(endpoints);
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), (parsed ? std::string() : parsed.error().message));
  return store::etcd::client{*parsed, {timeout}};
}

inline std::unique_ptr<store::etcd_backend>
etcd_backend_on(const std::string& endpoints, const std::string& cluster, store::etcd_options options = {},
                std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  options.cluster_id = cluster;
  return std::make_unique<store::etcd_backend>(etcd_client_for(endpoints, timeout), std::move(options));
}

/// Every key and value under `prefix`, read straight from etcd.
inline std::vector<store::etcd::key_value> raw_prefix(const std::string& endpoint, const std::string& prefix,
                                                      std::int64_t revision = 0) {
  auto c = etcd_client_for(endpoint);
  auto r = c.range({.key = prefix, .range_end = model::etcd_keys::prefix_range_end(prefix), .revision = revision});
  BOOST_REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().message));
  return r->kvs;
}

inline std::vector<std::string> raw_keys(const std::string& endpoint, const std::string& prefix) {
  std::vector<std::string> keys;
  for (const auto& kv : raw_prefix(endpoint, prefix))
    keys.push_back(kv.key);
  return keys;
}

} // namespace cdc::test
