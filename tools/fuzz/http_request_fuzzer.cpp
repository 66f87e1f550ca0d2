// libFuzzer target: arbitrary bytes as what a client sends on a connection,
// through everything below the socket that the session runs before a route
// does: Beast's request parser under the server's limits with the body
// counted against its budget, the request target into segments and query,
// the JSON body into an object, and the UTF-8 repair every answer gets. Any
// crash or sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/beast/core/buffers_prefix.hpp>
#include <boost/beast/http/parser.hpp>

#include "http/request_body.hpp"
#include "http/request_target.hpp"
#include "http/server_context.hpp"
#include "model/json/body.hpp"
#include "model/json/utf8.hpp"

namespace bhttp = boost::beast::http;

namespace {

/// Feeds `bytes` to `parser` the way async_read does: as far as it takes
/// them, then what is left, until it is done, stuck or failed.
bool parse(std::string_view bytes, bhttp::request_parser<cdc::http::budgeted_body>& parser) {
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
  // Small enough that larger bodies reach the refusal.
  cdc::http::body_budget budget(4096);
  bhttp::request_parser<cdc::http::budgeted_body> parser;
  parser.get().body().budget = &budget;
  parser.header_limit(static_cast<std::uint32_t>(lim.header_bytes));
  parser.body_limit(lim.body_bytes);
  bool parsed = parse(std::string_view(reinterpret_cast<const char*>(data), size), parser);
  // Whatever happened, the body took from the budget all it allocated.
  const auto& body = parser.get().body();
  constexpr std::size_t in_place = 15; // std::string's own room, never taken
  if (budget.held() != body.taken || body.text.capacity() > body.taken + in_place)
    __builtin_trap();
  if (!parsed)
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
  if (!req.body().text.empty())
    (void)cdc::model::json::parse_object(req.body().text);
  return 0;
}
