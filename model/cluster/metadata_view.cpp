#include "model/cluster/metadata_view.hpp"

#include <algorithm>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "model/changefeed/info_codec.hpp"
#include "model/changefeed/prune.hpp"
#include "model/changefeed/status_codec.hpp"
#include "model/cluster/capture_record.hpp"
#include "model/cluster/etcd_keys.hpp"
#include "model/sink/mask.hpp"

namespace cdc::model {

namespace {

/// The record as etcd holds it, less what no answer may show: the sink
/// URI's password and the config's secrets.
std::string shown_info(const changefeed_info& info) {
  auto shown = info;
  shown.sink_uri = sink::mask_for_display(info.sink_uri);
  if (info.config) {
    auto config = *info.config;
    if (mask_config_secrets(config))
      shown.config = std::make_shared<const config::replica_config>(std::move(config));
  }
  return serialize_info(shown);
}

} // namespace

std::vector<metadata_entry> cluster_metadata(std::string_view cluster, const std::vector<capture_view>& captures,
                                             const std::vector<metadata_feed>& feeds, std::string_view version,
                                             std::string_view git_hash) {
  std::vector<metadata_entry> out;
  out.reserve(captures.size() + 2 * feeds.size());
  for (const auto& c : captures) {
    capture_record r;
    r.id = c.id;
    r.address = c.address;
    r.version = std::string(version);
    r.git_hash = std::string(git_hash);
    out.push_back({etcd_keys::capture_key(cluster, c.id), serialize_capture(r)});
  }
  for (const auto& f : feeds) {
    out.push_back({etcd_keys::info_key(cluster, f.info->key), shown_info(*f.info)});
    out.push_back({etcd_keys::status_key(cluster, f.info->key), serialize_status({f.progress, f.admin_job_type})});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  return out;
}

boost::json::value to_json(const std::vector<metadata_entry>& entries) {
  boost::json::array out;
  out.reserve(entries.size());
  for (const auto& e : entries)
    out.push_back(boost::json::object{{"key", e.key}, {"value", e.value}});
  return out;
}

} // namespace cdc::model
