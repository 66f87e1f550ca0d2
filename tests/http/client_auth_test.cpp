// TiCDC's API authentication as a caller meets it: which Authorization
// headers let a write through, and the 401 each other one answers with.
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "http/client_auth.hpp"
#include "model/codec/base64.hpp"

using namespace cdc;

namespace {

http::client_auth make_auth() {
  auto users = std::make_shared<model::upstream::user_accounts>(model::upstream::user_accounts::fresh_tidb());
  users->set("ops", "s3cret");
  users->set("bob", "b");
  return http::client_auth({"root", "ops"}, users);
}

std::string basic(const std::string& user_and_password) {
  return "Basic " + model::base64_encode(user_and_password);
}

} // namespace

BOOST_AUTO_TEST_SUITE(api_authentication)

BOOST_AUTO_TEST_CASE(allowed_users_with_their_upstream_password_pass) {
  auto auth = make_auth();
  BOOST_TEST(!auth.check(basic("root:")));
  BOOST_TEST(!auth.check(basic("ops:s3cret")));
  // Go's BasicAuth takes the scheme in any case, and a password with colons.
  BOOST_TEST(!auth.check("basic " + model::base64_encode("ops:s3cret")));
}

BOOST_AUTO_TEST_CASE(no_usable_credentials_is_credential_not_found) {
  auto auth = make_auth();
  for (const std::string& header : std::vector<std::string>{"", "Bearer abc", "Basic !!!", basic("no-colon")}) {
    auto refused = auth.check(header);
    BOOST_REQUIRE(refused);
    BOOST_TEST((refused->kind == model::api_error::credential_not_found));
    BOOST_TEST(refused->message
               == "credential not found: please specify the user and password via authorization header");
  }
}

BOOST_AUTO_TEST_CASE(a_user_not_allowed_or_a_wrong_password_is_unauthorized_without_the_password) {
  auto auth = make_auth();
  auto not_allowed = auth.check(basic("bob:b"));
  BOOST_REQUIRE(not_allowed);
  BOOST_TEST((not_allowed->kind == model::api_error::unauthorized));
  BOOST_TEST(not_allowed->message == "user bob unauthorized, error: The user is not allowed.");

  auto wrong = auth.check(basic("ops:guess-me"));
  BOOST_REQUIRE(wrong);
  BOOST_TEST((wrong->kind == model::api_error::unauthorized));
  BOOST_TEST(wrong->message
             == "user ops unauthorized, error: Error 1045 (28000): Access denied for user 'ops'@'%' (using password: YES)");
  BOOST_TEST(wrong->message.find("guess-me") == std::string::npos);

  // A password set for root makes the empty one wrong.
  auto users = std::make_shared<model::upstream::user_accounts>();
  users->set("root", "pw");
  http::client_auth strict({"root"}, users);
  BOOST_TEST(strict.check(basic("root:")).has_value());
  BOOST_TEST(!strict.check(basic("root:pw")));
}

BOOST_AUTO_TEST_SUITE_END()
