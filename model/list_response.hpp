// TiCDC's list envelope {"total": N, "items": [...]}.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value_from.hpp>

namespace cdc::model {

/// {"total": items.size(), "items": items}; `items` is never null.
inline boost::json::object list_response(boost::json::array items) {
  boost::json::object out;
  out["total"] = items.size();
  out["items"] = std::move(items);
  return out;
}

/// The envelope for any range of values with a JSON encoding.
template <class Range>
boost::json::object list_response_of(const Range& xs) {
  boost::json::array items;
  items.reserve(std::size(xs));
  for (const auto& x : xs)
    items.push_back(boost::json::value_from(x));
  return list_response(std::move(items));
}

} // namespace cdc::model
