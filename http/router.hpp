// Maps method + path pattern ("/api/v2/changefeeds/{changefeed_id}") to a
// handler. Unknown paths answer 404 and known paths with another method 405,
// both as TiCDC-style JSON errors.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/beast/http/verb.hpp>

#include "http/reply.hpp"
#include "http/request_context.hpp"

namespace cdc::http {

using handler = std::function<void(request_context& rc, const reply& r)>;

class router {
public:
  /// Registers `h` for `method` on `pattern`; segments in braces match any
  /// one non-empty segment and are passed in rc.path_params.
  void add(boost::beast::http::verb method, std::string_view pattern, handler h);

  /// Finds the route for rc.method and rc.segments, fills rc.path_params and
  /// runs it; answers 404/405 itself when nothing fits.
  void dispatch(request_context& rc, const reply& r) const;

private:
  struct route {
    boost::beast::http::verb method;
    std::string pattern;
    std::vector<std::string> segments; ///< "{}" marks a placeholder
    handler run;
  };
  static bool matches(const route& rt, const std::vector<std::string>& segments);

  std::vector<route> routes_;
};

} // namespace cdc::http
