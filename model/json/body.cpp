#include "model/json/body.hpp"

#include <boost/json/parse.hpp>

namespace cdc::model::json {

namespace {

// Deep nesting is the cheapest way to exhaust a parser's stack; real bodies
// stay far below this.
constexpr std::size_t max_depth = 64;

api_failure invalid(std::string_view prefix, std::string_view why) {
  std::string msg{prefix};
  msg += why;
  return fail_with(api_error::api_invalid_param, std::move(msg));
}

} // namespace

result<boost::json::object> parse_object(std::string_view body, std::string_view prefix) {
  auto first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos)
    return invalid(prefix, "EOF");
  boost::json::parse_options opts;
  opts.max_depth = max_depth;
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec, {}, opts);
  if (ec)
    return invalid(prefix, "malformed JSON: " + ec.message());
  if (!value.is_object())
    return invalid(prefix, std::string("the body must be a JSON object, got ")
                             + std::string(boost::json::to_string(value.kind())));
  return std::move(value.as_object());
}

} // namespace cdc::model::json
