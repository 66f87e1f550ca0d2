// replica_config.consistent: the redo log that gives eventual consistency
// downstream (TiCDC's ConsistentConfig); checked by validate_consistent.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/config/codec_decl.hpp"

namespace cdc::model::config {

/// consistent.memory_usage.
struct consistent_memory_usage {
  std::uint64_t memory_quota_percentage = 0;

  friend bool operator==(const consistent_memory_usage&, const consistent_memory_usage&) = default;
};

struct consistent_config {
  std::string level;                        ///< "none" or "eventual"; omitted when ""
  std::int64_t max_log_size = 0;            ///< MiB
  std::int64_t flush_interval = 0;          ///< ms
  std::int64_t meta_flush_interval = 0;     ///< ms
  std::int64_t encoding_worker_num = 0;
  std::int64_t flush_worker_num = 0;
  std::string storage;                      ///< omitted when ""
  bool use_file_backend = false;
  std::string compression;                  ///< "", "none" or "lz4"; omitted when ""
  std::int64_t flush_concurrency = 0;       ///< omitted when 0
  std::optional<consistent_memory_usage> memory_usage;  ///< null when absent

  friend bool operator==(const consistent_config&, const consistent_config&) = default;
};

status read_into(consistent_memory_usage& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const consistent_memory_usage& x);

status read_into(consistent_config& x, const boost::json::value& v, const json::path& at);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const consistent_config& x);

} // namespace cdc::model::config
