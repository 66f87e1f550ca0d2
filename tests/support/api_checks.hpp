// Checks on API answers that several suites make.
#pragma once

#include <string_view>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/http_client.hpp"

namespace cdc::test {

/// An error answer in TiCDC's shape: the status, JSON, `error_code`, and an
/// `error_msg` that starts with "[code]".
inline void check_error(const http_response& r, unsigned status, std::string_view code) {
  BOOST_TEST(r.status == status, r.body);
  BOOST_TEST(r.content_type.starts_with("application/json"), r.body);
  BOOST_TEST(r.error_code() == code, r.body);
  auto js = r.json().as_object();
  std::string_view msg = js.at("error_msg").as_string();
  BOOST_TEST((msg.size() > code.size() + 2 && msg[0] == '[' && msg.substr(1, code.size()) == code
              && msg[code.size() + 1] == ']'),
             msg);
}

} // namespace cdc::test
