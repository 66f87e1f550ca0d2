#include "model/config/internal_keys.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace cdc::model::config {

namespace {

// Internal names that are not the API name with '-' for '_'.
constexpr std::array<std::pair<std::string_view, std::string_view>, 2> renamed{{
  {"file-index-digit", "file_index_width"},
  {"advance-timeout-in-sec", "advance_timeout"},
}};

std::string api_key(std::string_view key) {
  for (const auto& [from, to] : renamed)
    if (key == from)
      return std::string(to);
  std::string out(key);
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}

} // namespace

boost::json::value api_keys_of(const boost::json::value& internal) {
  if (const auto* obj = internal.if_object()) {
    boost::json::object out;
    for (const auto& [k, v] : *obj)
      out[api_key(k)] = api_keys_of(v);
    return out;
  }
  if (const auto* arr = internal.if_array()) {
    boost::json::array out;
    for (const auto& v : *arr)
      out.push_back(api_keys_of(v));
    return out;
  }
  return internal;
}

} // namespace cdc::model::config
