#include "model/cluster_views.hpp"

#include <boost/json/object.hpp>

namespace cdc::model {

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const capture_view& x) {
  jv = boost::json::object{
    {"id", x.id},
    {"is_owner", x.is_owner},
    {"address", x.address},
    {"cluster_id", x.cluster_id},
  };
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const server_status& x) {
  jv = boost::json::object{
    {"version", x.version},
    {"git_hash", x.git_hash},
    {"id", x.id},
    {"cluster_id", x.cluster_id},
    {"pid", x.pid},
    {"is_owner", x.is_owner},
    {"liveness", static_cast<int>(x.live)},
  };
}

} // namespace cdc::model
