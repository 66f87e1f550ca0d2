// TiCDC's changefeed keys in etcd; see etcd_keys.hpp.
#include "model/cluster/etcd_keys.hpp"

#include <cstdio>

namespace cdc::model::etcd_keys {

namespace {

constexpr std::string_view root = "/tidb/cdc/";
constexpr std::string_view info_part = "/changefeed/info/";
constexpr std::string_view status_part = "/changefeed/status/";

std::string feed_key(std::string_view cluster, const changefeed_key& feed, std::string_view part) {
  auto key = cluster_prefix(cluster);
  key.append(feed.namespace_).append(part).append(feed.id);
  return key;
}

} // namespace

std::string cluster_prefix(std::string_view cluster) {
  std::string p{root};
  p.append(cluster).push_back('/');
  return p;
}

std::string meta_prefix(std::string_view cluster) {
  return cluster_prefix(cluster) + "__cdc_meta__/";
}

std::string capture_prefix(std::string_view cluster) {
  return meta_prefix(cluster) + "capture/";
}

std::string capture_key(std::string_view cluster, std::string_view capture_id) {
  return capture_prefix(cluster).append(capture_id);
}

std::string owner_prefix(std::string_view cluster) {
  return meta_prefix(cluster) + "owner";
}

std::string owner_key(std::string_view cluster, std::int64_t lease) {
  char hex[20];
  auto n = std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(lease));
  return owner_prefix(cluster).append("/").append(hex, static_cast<std::size_t>(n));
}

std::string info_key(std::string_view cluster, const changefeed_key& feed) {
  return feed_key(cluster, feed, info_part);
}

std::string status_key(std::string_view cluster, const changefeed_key& feed) {
  return feed_key(cluster, feed, status_part);
}

std::optional<parsed_feed_key> parse_feed_key(std::string_view cluster, std::string_view key) {
  auto prefix = cluster_prefix(cluster);
  if (!key.starts_with(prefix))
    return std::nullopt;
  key.remove_prefix(prefix.size());
  // <namespace>/changefeed/{info,status}/<id>; neither part holds a '/'
  // (TiCDC's ID rule), so the first '/' ends the namespace.
  auto slash = key.find('/');
  if (slash == 0 || slash == std::string_view::npos)
    return std::nullopt;
  auto ns = key.substr(0, slash);
  auto rest = key.substr(slash);
  for (auto [part, kind] : {std::pair{info_part, feed_key_kind::info}, std::pair{status_part, feed_key_kind::status}}) {
    if (!rest.starts_with(part))
      continue;
    auto id = rest.substr(part.size());
    if (id.empty() || id.find('/') != std::string_view::npos)
      return std::nullopt;
    return parsed_feed_key{kind, {std::string{ns}, std::string{id}}};
  }
  return std::nullopt;
}

std::string prefix_range_end(std::string_view prefix) {
  std::string end{prefix};
  while (!end.empty()) {
    auto& last = reinterpret_cast<unsigned char&>(end.back());
    if (last < 0xff) {
      ++last;
      return end;
    }
    end.pop_back();
  }
  return std::string(1, '\0');
}

} // namespace cdc::model::etcd_keys
