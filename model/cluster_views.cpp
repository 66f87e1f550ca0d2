#include "model/cluster_views.hpp"

#include <boost/json/object.hpp>

#include "model/json/text.hpp"

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

std::string to_json_text(const server_status& x) {
  std::string out;
  out.reserve(64 + x.version.size() + x.git_hash.size() + x.id.size() + x.cluster_id.size());
  out += "{\"version\":";
  json::append_quoted(out, x.version);
  out += ",\"git_hash\":";
  json::append_quoted(out, x.git_hash);
  out += ",\"id\":";
  json::append_quoted(out, x.id);
  out += ",\"cluster_id\":";
  json::append_quoted(out, x.cluster_id);
  out += ",\"pid\":";
  out += std::to_string(x.pid);
  out += ",\"is_owner\":";
  out += x.is_owner ? "true" : "false";
  out += ",\"liveness\":";
  out += std::to_string(static_cast<int>(x.live));
  out += '}';
  return out;
}

} // namespace cdc::model
