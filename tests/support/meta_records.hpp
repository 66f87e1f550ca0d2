// Changefeed records for meta store tests: small infos, compared through
// their stored form (the model types have no operator==).
#pragma once

#include <filesystem>
#include <string>

#include <unistd.h>

#include "model/changefeed/info_codec.hpp"
#include "model/config/defaults.hpp"

namespace cdc::test {

inline model::changefeed_info make_info(const std::string& id, model::feed_state state = model::feed_state::normal,
                                        model::tso_t start_ts = 1000) {
  model::changefeed_info info;
  info.key = {"default", id};
  info.upstream_id = 42;
  info.sink_uri = "blackhole://";
  info.start_ts = start_ts;
  info.state = state;
  info.config = std::make_shared<const model::config::replica_config>(model::config::default_replica_config());
  info.creator_version = "v8.1.0";
  return info;
}

inline std::string stored(const model::changefeed_info& info) { return model::serialize_info(info); }

/// A fresh directory under the system temp dir, removed at scope end.
struct temp_dir {
  explicit temp_dir(const std::string& name)
    : path(std::filesystem::temp_directory_path() / ("cdc-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~temp_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::filesystem::path path;
};

} // namespace cdc::test
