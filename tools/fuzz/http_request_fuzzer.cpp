// libFuzzer target: arbitrary bytes as what a client sends on a connection,
// through everything below the socket that the session runs before a route
// does: Beast's request parser under the server's limits, the request target
// into segments and query, the JSON body into an object, and the UTF-8 repair
// every answer gets. Any crash or sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/beast/core/buffers_prefix.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/request_target.hpp"
#include "http/server_context.hpp"
#include "model/json/body.hpp"
#include "model/json/utf8.hpp"

namespace bhttp = boost::beast::http;

namespace {

/// Feeds `bytes` to `parser` the way async_read does: as far as it takes
/// them, then what is left, until it is done, stuck or failed.
bool parse(std::string_view bytes, bhttp::request_parser<bhttp::string_body>& parser) {
  boost::system::error_code ec;
  while (!bytes.empty() && !parser.is_done()) {
    auto used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
    if (ec == bhttp::error::need_more)
      return false;
    if (ec)
      return false;
    bytes.remove_prefix(used);
  }
  return parser.is_done();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const cdc::http::limits lim;
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(lim.header_bytes));
  parser.body_limit(lim.body_bytes);
  if (!parse(std::string_view(reinterpret_cast<const char*>(data), size), parser))
    return 0;
  auto req = parser.release();
  auto target = req.target();
  if (target.size() > lim.target_bytes)
    return 0;
  cdc::http::request_context rc;
  rc.method = req.method();
  if (cdc::http::parse_request_target(std::string_view(target.data(), target.size()), rc)) {
    (void)rc.query_param("state");
    std::string echoed = "path: ";
    for (const auto& s : rc.segments)
      echoed += s + "/";
    cdc::model::json::replace_invalid_utf8(echoed);
  }
  if (!req.body().empty())
    (void)cdc::model::json::parse_object(req.body());
  return 0;
}
