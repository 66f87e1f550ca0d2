// TiCDC's API authentication (security.client-user-required): the caller's
// HTTP Basic credentials must name a user on security.client-allowed-user
// whose password logs in to the upstream TiDB. Only the routes that change
// something ask for it (see routes/authenticated.hpp).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_error.hpp"
#include "model/upstream/user_accounts.hpp"

namespace cdc::http {

class client_auth {
public:
  client_auth(std::vector<std::string> allowed_users, std::shared_ptr<const model::upstream::user_accounts> upstream);

  /// Nothing when `authorization` (the request's Authorization header, or
  /// "") lets the caller in; else the 401 TiCDC answers: ErrCredentialNotFound
  /// without Basic credentials, ErrUnauthorized for a user not allowed or a
  /// password the upstream refuses. The password appears in no answer.
  std::optional<model::api_failure> check(std::string_view authorization) const;

private:
  std::vector<std::string> allowed_users_;
  std::shared_ptr<const model::upstream::user_accounts> upstream_;
};

/// The user and password of an `Authorization: Basic ...` header, as Go's
/// Request.BasicAuth reads it; nothing for any other header.
struct basic_credentials {
  std::string user;
  std::string password;
};
std::optional<basic_credentials> parse_basic_auth(std::string_view authorization);

} // namespace cdc::http
