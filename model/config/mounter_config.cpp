#include "model/config/mounter_config.hpp"

#include "model/json/fields.hpp"

namespace cdc::model::config {

namespace {

using json::fld;

constexpr auto fields = std::tuple{
  fld("worker_num", &mounter_config::worker_num),
};

} // namespace

status read_into(mounter_config& x, const boost::json::value& v, const json::path& at) {
  return json::decode_fields(x, v, at, fields);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const mounter_config& x) {
  json::encode_into(jv, x, fields);
}

} // namespace cdc::model::config
