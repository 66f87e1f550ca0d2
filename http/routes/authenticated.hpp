// TiCDC's AuthenticateMiddleware: the routes that change something (create,
// update, remove, pause, resume, the unsafe ones, and v1's table moves) run
// only for a caller the server's client_auth lets in, when it has one.
#pragma once

#include "http/api_context.hpp"
#include "http/client_auth.hpp"
#include "http/router.hpp"

namespace cdc::http {

inline handler authenticated(handler h) {
  return [h = std::move(h)](request_context& rc, const reply& rep) {
    if (rc.api->auth)
      if (auto refused = rc.api->auth->check(rc.authorization))
        return rep.send_failure(*refused);
    h(rc, rep);
  };
}

} // namespace cdc::http
