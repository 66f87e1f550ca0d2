#include "model/config/synced_status_config.hpp"

#include "model/json/fields.hpp"

namespace cdc::model::config {

namespace {

using json::fld;

constexpr auto fields = std::tuple{
  fld("synced_check_interval", &synced_status_config::synced_check_interval),
  fld("checkpoint_interval", &synced_status_config::checkpoint_interval),
};

} // namespace

status read_into(synced_status_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const synced_status_config& x) {
  json::encode_into(jv, x, fields);
}

} // namespace cdc::model::config
