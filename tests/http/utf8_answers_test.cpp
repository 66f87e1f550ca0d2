// Every answer is valid UTF-8 JSON whatever bytes the request carried:
// invalid bytes in paths, query strings and bodies come back as U+FFFD, as
// Go's encoding/json writes them, so strict clients can always parse errors.
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/server_fixture.hpp"

using namespace cdc::test;

namespace {

/// The answer parses as JSON; boost::json's parser rejects invalid UTF-8.
boost::json::value strict_json(const http_response& r) {
  boost::system::error_code ec;
  auto v = boost::json::parse(r.body, ec);
  BOOST_TEST(!ec, "not valid UTF-8 JSON (" << ec.message() << "): " << r.body);
  return v;
}

std::string error_msg(const http_response& r) {
  auto v = strict_json(r);
  if (!v.is_object() || !v.as_object().contains("error_msg"))
    return {};
  return std::string(v.at("error_msg").as_string());
}

const std::string fffd = "\xEF\xBF\xBD";

} // namespace

BOOST_AUTO_TEST_SUITE(utf8_answers)

BOOST_FIXTURE_TEST_CASE(percent_encoded_invalid_bytes_in_a_path_come_back_as_replacement_characters, server_fixture) {
  auto c = client();
  auto r = c.get("/api/v2/chx%ff%fe");
  BOOST_TEST(r.status == 404u);
  BOOST_TEST(error_msg(r) == "[CDC:ErrRouteNotFound]no route for /api/v2/chx" + fffd + fffd);
}

BOOST_FIXTURE_TEST_CASE(every_route_answers_valid_utf8_for_invalid_path_parameters, server_fixture) {
  auto c = client();
  for (auto target : {"/api/v2/changefeeds/%ff", "/api/v2/changefeeds/%ff/pause", "/api/v2/processors/abc/%ff%c0",
                      "/api/v2/processors/%e2%82/x", "/api/v2/changefeeds/a%ed%a0%80b", "/api/v2/%f4%90%80%80"}) {
    for (auto method : {"GET", "POST", "PUT", "DELETE"}) {
      auto r = c.request(method, target, "{}", std::string_view(method) != "GET");
      BOOST_TEST(r.status >= 400u, method << ' ' << target);
      BOOST_TEST(error_msg(r).find(fffd) != std::string::npos, method << ' ' << target << ": " << r.body);
    }
  }
}

BOOST_FIXTURE_TEST_CASE(raw_invalid_bytes_in_the_request_line_get_a_valid_answer, server_fixture) {
  auto r = client().raw("GET /api/v2/changefeeds/\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n");
  BOOST_TEST(r.status >= 400u);
  strict_json(r);
}

BOOST_FIXTURE_TEST_CASE(invalid_bytes_in_query_strings_get_valid_answers, server_fixture) {
  auto c = client();
  for (auto target : {"/api/v2/changefeeds?state=%ff", "/api/v2/changefeeds?namespace=%c0%af",
                      "/api/v2/changefeeds/cf?namespace=%ff", "/api/v2/processors?x%ff=%fe"}) {
    auto r = c.get(target);
    strict_json(r);
  }
}

BOOST_FIXTURE_TEST_CASE(invalid_bytes_in_bodies_get_valid_answers, server_fixture) {
  auto c = client();
  for (std::string body : {std::string("{\"changefeed_id\":\"\xff\",\"sink_uri\":\"blackhole://\"}"),
                           std::string("{\"sink_uri\":\"blackhole://\xc3\"}"), std::string("\xff\xfe{"),
                           std::string("{\"changefeed_id\":\"cf\",\"sink_uri\":\"file:///tmp/\xe2\x82\"}")}) {
    auto r = c.post("/api/v2/changefeeds", body);
    BOOST_TEST(r.status == 400u, r.body);
    strict_json(r);
  }
  auto r = c.post("/api/v2/log", "{\"log_level\":\"\xff\xfe\"}");
  BOOST_TEST(r.status == 400u);
  strict_json(r);
}

BOOST_AUTO_TEST_SUITE_END()
