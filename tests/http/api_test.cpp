// The HTTP API of the foundation over real sockets against a real server on
// port 0: status, health, captures, log level, owner resign, and bad input.
#include <thread>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>
#include <spdlog/spdlog.h>

#include "tests/support/api_checks.hpp"
#include "tests/support/server_fixture.hpp"

using namespace cdc;
using namespace cdc::test;
namespace json = boost::json;

namespace {

struct one_capture : server_fixture {
  one_capture() : server_fixture(1) {}
};
struct three_captures : server_fixture {
  three_captures() : server_fixture(3) {}
};

std::string owner_id(http_client& c) {
  auto caps = c.get("/api/v2/captures").json();
  for (const auto& item : caps.at("items").as_array())
    if (item.at("is_owner").as_bool())
      return std::string(item.at("id").as_string());
  return {};
}

} // namespace

BOOST_AUTO_TEST_SUITE(status_endpoint)

BOOST_FIXTURE_TEST_CASE(status_describes_this_node, one_capture) {
  auto c = client();
  auto r = c.get("/api/v2/status");
  BOOST_TEST(r.status == 200u);
  BOOST_TEST(r.content_type == "application/json; charset=utf-8");
  auto js = r.json().as_object();
  BOOST_TEST(js.at("version").is_string());
  BOOST_TEST(js.at("git_hash").is_string());
  BOOST_TEST(js.at("id").as_string() == srv->nodes()[0]->capture_id());
  BOOST_TEST(js.at("pid").as_int64() == ::getpid());
  BOOST_TEST(js.at("is_owner").as_bool());
  BOOST_TEST(js.at("liveness").as_int64() == 0);
}

BOOST_FIXTURE_TEST_CASE(each_capture_answers_with_its_own_id, three_captures) {
  for (std::size_t i = 0; i < 3; ++i) {
    auto c = client(i);
    auto js = c.get("/api/v2/status").json().as_object();
    BOOST_TEST(js.at("id").as_string() == srv->nodes()[i]->capture_id());
    BOOST_TEST(js.at("is_owner").as_bool() == (i == 0));
  }
}

BOOST_FIXTURE_TEST_CASE(liveness_turns_to_stopping_at_shutdown, one_capture) {
  srv->nodes()[0]->live = model::liveness::stopping;
  auto c = client();
  BOOST_TEST(c.get("/api/v2/status").json().at("liveness").as_int64() == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(health_endpoint)

BOOST_FIXTURE_TEST_CASE(healthy_cluster_answers_empty_object, three_captures) {
  auto c = client();
  auto r = c.get("/api/v2/health");
  BOOST_TEST(r.status == 200u);
  BOOST_TEST(r.body == "{}");
}

BOOST_FIXTURE_TEST_CASE(a_stopping_capture_makes_health_500, three_captures) {
  caf::anon_send(srv->cluster().captures[2], atom::stopping_v);
  auto c = client();
  BOOST_TEST(eventually([&] { return c.get("/api/v2/health").status == 500u; }));
  check_error(c.get("/api/v2/health"), 500, "CDC:ErrClusterIsUnhealthy");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(captures_endpoint)

BOOST_FIXTURE_TEST_CASE(lists_every_capture_with_exactly_one_owner, three_captures) {
  auto c = client();
  auto js = c.get("/api/v2/captures").json().as_object();
  BOOST_TEST(js.at("total").as_int64() == 3);
  auto items = js.at("items").as_array();
  BOOST_TEST(items.size() == 3u);
  int owners = 0;
  std::set<std::string> addresses;
  for (const auto& it : items) {
    owners += it.at("is_owner").as_bool();
    addresses.insert(std::string(it.at("address").as_string()));
    BOOST_TEST(!it.at("id").as_string().empty());
  }
  BOOST_TEST(owners == 1);
  auto expected = srv->addresses();
  BOOST_TEST(addresses == std::set<std::string>(expected.begin(), expected.end()));
}

BOOST_FIXTURE_TEST_CASE(any_capture_answers_with_the_owners_view, three_captures) {
  auto c0 = client(0);
  auto c2 = client(2);
  BOOST_TEST(owner_id(c0) == owner_id(c2));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(owner_resign_endpoint)

BOOST_FIXTURE_TEST_CASE(resign_elects_another_capture, three_captures) {
  auto c = client();
  auto before = owner_id(c);
  auto r = c.post("/api/v2/owner/resign");
  BOOST_TEST(r.status == 200u);
  BOOST_TEST(r.body == "{}");
  BOOST_TEST(eventually([&] {
    auto now = owner_id(c);
    return !now.empty() && now != before;
  }));
  // Status agrees with the captures list.
  auto status_owner = client(1).get("/api/v2/status").json().at("is_owner").as_bool();
  BOOST_TEST(status_owner == (owner_id(c) == srv->nodes()[1]->capture_id()));
}

BOOST_FIXTURE_TEST_CASE(a_lone_capture_is_elected_again, one_capture) {
  auto c = client();
  auto before = owner_id(c);
  BOOST_TEST(c.post("/api/v2/owner/resign").status == 200u);
  BOOST_TEST(eventually([&] { return owner_id(c) == before; }));
  BOOST_TEST(c.get("/api/v2/captures").json().at("total").as_int64() == 1);
}

BOOST_FIXTURE_TEST_CASE(rapid_resigns_always_leave_one_owner, three_captures) {
  auto c = client();
  for (int i = 0; i < 20; ++i)
    BOOST_TEST(c.post("/api/v2/owner/resign").status == 200u);
  BOOST_TEST(eventually([&] { return !owner_id(c).empty(); }));
  BOOST_TEST(c.get("/api/v2/health").status == 200u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(log_endpoint)

BOOST_FIXTURE_TEST_CASE(each_zap_level_is_accepted, one_capture) {
  auto c = client();
  for (auto level : {"debug", "info", "warn", "error", "dpanic", "panic", "fatal"}) {
    auto r = c.post("/api/v2/log", std::string(R"({"log_level":")") + level + "\"}");
    BOOST_TEST(r.status == 200u, level);
    BOOST_TEST(r.body == "{}");
  }
  c.post("/api/v2/log", R"({"log_level":"warn"})");
}

BOOST_FIXTURE_TEST_CASE(level_changes_at_once, one_capture) {
  auto c = client();
  c.post("/api/v2/log", R"({"log_level":"debug"})");
  BOOST_TEST(spdlog::get_level() == spdlog::level::debug);
  c.post("/api/v2/log", R"({"log_level":"error"})");
  BOOST_TEST(spdlog::get_level() == spdlog::level::err);
  spdlog::set_level(spdlog::level::warn);
}

BOOST_FIXTURE_TEST_CASE(unknown_level_is_invalid_param, one_capture) {
  auto c = client();
  auto r = c.post("/api/v2/log", R"({"log_level":"loud"})");
  check_error(r, 400, "CDC:ErrAPIInvalidParam");
  BOOST_TEST(r.json().at("error_msg").as_string()
             == "[CDC:ErrAPIInvalidParam]fail to change log level: loud");
}

BOOST_FIXTURE_TEST_CASE(malformed_or_mistyped_bodies_are_invalid_param, one_capture) {
  auto c = client();
  for (auto body : {"nope", "[1,2", "[]", "", R"({"log_level": 3})"})
    check_error(c.post("/api/v2/log", body), 400, "CDC:ErrAPIInvalidParam");
}

BOOST_FIXTURE_TEST_CASE(an_empty_or_null_level_means_info_as_in_zap, one_capture) {
  auto c = client();
  BOOST_TEST(c.post("/api/v2/log", R"({"log_level": null})").status == 200u);
  BOOST_TEST(spdlog::get_level() == spdlog::level::info);
  BOOST_TEST(c.post("/api/v2/log", "{}").status == 200u);
  spdlog::set_level(spdlog::level::warn);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(routing_and_protocol)

BOOST_FIXTURE_TEST_CASE(unknown_path_is_404_json, one_capture) {
  auto c = client();
  check_error(c.get("/api/v2/nope"), 404, "CDC:ErrRouteNotFound");
  check_error(c.get("/"), 404, "CDC:ErrRouteNotFound");
}

BOOST_FIXTURE_TEST_CASE(known_path_with_wrong_method_is_405_json, one_capture) {
  auto c = client();
  check_error(c.del("/api/v2/status"), 405, "CDC:ErrMethodNotAllowed");
  check_error(c.get("/api/v2/log"), 405, "CDC:ErrMethodNotAllowed");
}

BOOST_FIXTURE_TEST_CASE(a_trailing_slash_reaches_the_same_route, one_capture) {
  auto c = client();
  BOOST_TEST(c.get("/api/v2/status/").status == 200u);
}

BOOST_FIXTURE_TEST_CASE(query_strings_do_not_break_routing, one_capture) {
  auto c = client();
  BOOST_TEST(c.get("/api/v2/status?x=1&y=%20").status == 200u);
}

BOOST_FIXTURE_TEST_CASE(keep_alive_serves_many_requests_on_one_connection, one_capture) {
  auto c = client();
  for (int i = 0; i < 500; ++i) {
    auto r = c.get(i % 2 ? "/api/v2/status" : "/api/v2/captures");
    BOOST_REQUIRE(r.status == 200u);
    BOOST_REQUIRE(r.keep_alive);
  }
}

BOOST_FIXTURE_TEST_CASE(a_malformed_request_gets_400_and_the_server_lives_on, one_capture) {
  {
    auto c = client();
    auto r = c.raw("GARBAGE\r\n\r\n");
    BOOST_TEST(r.status == 400u);
    BOOST_TEST(!r.keep_alive);
  }
  BOOST_TEST(client().get("/api/v2/status").status == 200u);
}

BOOST_FIXTURE_TEST_CASE(concurrent_clients_all_get_answers, three_captures) {
  constexpr int clients = 8, requests = 200;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < clients; ++t)
    threads.emplace_back([&, t] {
      auto c = client(t % 3);
      for (int i = 0; i < requests; ++i)
        ok += c.get(i % 3 == 0 ? "/api/v2/health" : "/api/v2/captures").status == 200u;
    });
  for (auto& th : threads)
    th.join();
  BOOST_TEST(ok.load() == clients * requests);
}

BOOST_AUTO_TEST_SUITE_END()
