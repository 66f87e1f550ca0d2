#include "model/config/integrity_config.hpp"

#include "model/json/fields.hpp"

namespace cdc::model::config {

namespace {

using json::fld;

constexpr auto fields = std::tuple{
  fld("integrity_check_level", &integrity_config::integrity_check_level),
  fld("corruption_handle_level", &integrity_config::corruption_handle_level),
};

} // namespace

status read_into(integrity_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const integrity_config& x) {
  json::encode_into(jv, x, fields);
}

} // namespace cdc::model::config
