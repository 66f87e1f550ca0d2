// The request target (origin form) as routes see it: decoded path segments
// and query parameters. Pure, so the fuzzers run it without a server.
#pragma once

#include <string_view>

#include "http/request_context.hpp"

namespace cdc::http {

/// Fills rc.segments and rc.query from `target`; false when it is not an
/// origin-form target ("/path?query"). A trailing slash names the same
/// path ("/api/v2/changefeeds/" is "/api/v2/changefeeds": TiCDC redirects
/// instead, and curl does not follow redirects by default).
bool parse_request_target(std::string_view target, request_context& rc);

} // namespace cdc::http
