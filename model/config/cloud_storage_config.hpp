// replica_config.sink.cloud_storage_config: storage sink settings (the URI's
// worker-count, flush-interval and file-size parameters win). All optional.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/config/codec_decl.hpp"

namespace cdc::model::config {

struct cloud_storage_config {
  std::optional<std::int64_t> worker_count;
  std::optional<std::string> flush_interval;  ///< Go duration string
  std::optional<std::int64_t> file_size;      ///< bytes
  std::optional<bool> output_column_id;
  std::optional<std::int64_t> file_expiration_days;
  std::optional<std::string> file_cleanup_cron_spec;
  std::optional<std::int64_t> flush_concurrency;
  std::optional<bool> output_raw_change_event;

  friend bool operator==(const cloud_storage_config&, const cloud_storage_config&) = default;
};

status read_into(cloud_storage_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const cloud_storage_config& x);

} // namespace cdc::model::config
