#include "model/config/scheduler_config.hpp"

#include "model/json/fields.hpp"

namespace cdc::model::config {

namespace {

using json::fld;

constexpr auto fields = std::tuple{
  fld("enable_table_across_nodes", &scheduler_config::enable_table_across_nodes),
  fld("region_threshold", &scheduler_config::region_threshold),
  fld("write_key_threshold", &scheduler_config::write_key_threshold),
};

} // namespace

status read_into(scheduler_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const scheduler_config& x) {
  json::encode_into(jv, x, fields);
}

} // namespace cdc::model::config
