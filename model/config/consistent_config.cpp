#include "model/config/consistent_config.hpp"

#include "model/json/fields.hpp"

namespace cdc::model::config {

namespace {

using json::emit;
using json::fld;

constexpr auto memory_usage_fields = std::tuple{
  fld("memory_quota_percentage", &consistent_memory_usage::memory_quota_percentage),
};

// Order and omitempty tags of TiCDC's API ConsistentConfig.
constexpr auto fields = std::tuple{
  fld("level", &consistent_config::level, emit::omit_empty),
  fld("max_log_size", &consistent_config::max_log_size),
  fld("flush_interval", &consistent_config::flush_interval),
  fld("meta_flush_interval", &consistent_config::meta_flush_interval),
  fld("encoding_worker_num", &consistent_config::encoding_worker_num),
  fld("flush_worker_num", &consistent_config::flush_worker_num),
  fld("storage", &consistent_config::storage, emit::omit_empty),
  fld("use_file_backend", &consistent_config::use_file_backend),
  fld("compression", &consistent_config::compression, emit::omit_empty),
  fld("flush_concurrency", &consistent_config::flush_concurrency, emit::omit_empty),
  fld("memory_usage", &consistent_config::memory_usage),
};

} // namespace

status read_into(consistent_memory_usage& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, memory_usage_fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const consistent_memory_usage& x) {
  json::encode_into(jv, x, memory_usage_fields);
}

status read_into(consistent_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const consistent_config& x) {
  json::encode_into(jv, x, fields);
}

} // namespace cdc::model::config
