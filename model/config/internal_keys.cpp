#include "model/config/internal_keys.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace cdc::model::config {

std::string api_key(std::string_view logical, std::string_view key) {
  if (key.find('_') != std::string_view::npos)
    return {}; // TiCDC's tags are kebab-case only
  if (logical.starts_with("sink.pulsar_config")) {
    if (key == "tls-certificate-file")
      return "tls-private-key-path";
    if (key == "tls-key-file-path")
      return "tls-certificate-path";
    return std::string(key);
  }
  if (logical == "sink") {
    if (key == "advance-timeout-in-sec")
      return "advance_timeout";
    if (key == "file-index-digit")
      return "file_index_width";
    if (key == "send-all-bootstrap-at-start")
      return std::string(key);
  }
  if (logical == "sink.dispatchers" && key == "dispatcher")
    return "partition";
  if (logical == "sink.mysql_config" && key == "max-multi-update-row")
    return "max_multi_update_row_count";
  std::string out(key);
  for (auto& c : out)
    if (c == '-')
      c = '_';
  return out;
}

boost::json::value api_keys_of(const boost::json::value& internal, std::string_view logical) {
  if (const auto* obj = internal.if_object()) {
    boost::json::object out;
    for (const auto& [k, v] : *obj) {
      auto api = api_key(logical, k);
      if (api.empty())
        continue;
      auto path = logical.empty() ? api : std::string(logical) + "." + api;
      out[api] = api_keys_of(v, path);
    }
    return out;
  }
  if (const auto* arr = internal.if_array()) {
    boost::json::array out;
    for (const auto& v : *arr)
      out.push_back(api_keys_of(v, logical));
    return out;
  }
  return internal;
}

} // namespace cdc::model::config
