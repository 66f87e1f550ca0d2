#include "model/config/cloud_storage_config.hpp"

#include "model/json/fields.hpp"

namespace cdc::model::config {

namespace {

using json::emit;
using json::fld;
constexpr auto opt = emit::omit_empty;

constexpr auto fields = std::tuple{
  fld("worker_count", &cloud_storage_config::worker_count, opt),
  fld("flush_interval", &cloud_storage_config::flush_interval, opt),
  fld("file_size", &cloud_storage_config::file_size, opt),
  fld("output_column_id", &cloud_storage_config::output_column_id, opt),
  fld("file_expiration_days", &cloud_storage_config::file_expiration_days, opt),
  fld("file_cleanup_cron_spec", &cloud_storage_config::file_cleanup_cron_spec, opt),
  fld("flush_concurrency", &cloud_storage_config::flush_concurrency, opt),
  fld("output_raw_change_event", &cloud_storage_config::output_raw_change_event, opt),
};

} // namespace

status read_into(cloud_storage_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const cloud_storage_config& x) {
  json::encode_into(jv, x, fields);
}

} // namespace cdc::model::config
