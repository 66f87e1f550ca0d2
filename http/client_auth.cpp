#include "http/client_auth.hpp"

#include <algorithm>

#include <boost/beast/core/string.hpp>

#include "model/codec/base64.hpp"

namespace cdc::http {

std::optional<basic_credentials> parse_basic_auth(std::string_view authorization) {
  constexpr std::string_view scheme = "Basic ";
  if (authorization.size() < scheme.size()
      || !boost::beast::iequals(authorization.substr(0, scheme.size()), scheme))
    return std::nullopt;
  auto decoded = model::base64_decode(authorization.substr(scheme.size()));
  if (!decoded)
    return std::nullopt;
  auto colon = decoded->find(':');
  if (colon == std::string::npos)
    return std::nullopt;
  return basic_credentials{decoded->substr(0, colon), decoded->substr(colon + 1)};
}

client_auth::client_auth(std::vector<std::string> allowed_users,
                         std::shared_ptr<const model::upstream::user_accounts> upstream)
  : allowed_users_(std::move(allowed_users)), upstream_(std::move(upstream)) {}

std::optional<model::api_failure> client_auth::check(std::string_view authorization) const {
  using model::api_error;
  auto credentials = parse_basic_auth(authorization);
  if (!credentials)
    return model::fail(api_error::credential_not_found, {"please specify the user and password via authorization header"});
  const auto& user = credentials->user;
  if (std::find(allowed_users_.begin(), allowed_users_.end(), user) == allowed_users_.end())
    return model::fail(api_error::unauthorized, {user, "The user is not allowed."});
  if (user.empty())
    return model::fail(api_error::unauthorized, {user, "Empty username is not allowed."});
  if (auto refused = upstream_->login_error(user, credentials->password))
    return model::fail(api_error::unauthorized, {user, *refused});
  return std::nullopt;
}

} // namespace cdc::http
