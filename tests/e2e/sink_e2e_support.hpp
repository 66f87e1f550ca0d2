// Shared by the sink end-to-end tests: a real server in this process (HTTP on
// port 0, detached sink threads) over a small known upstream, and helpers to
// create changefeeds and wait for their state over the API.
#pragma once

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "model/tso.hpp"
#include "tests/support/server_fixture.hpp"

namespace cdc::test {

inline std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
    .count();
}

inline std::filesystem::path e2e_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("cdc-e2e-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

struct sink_server : server_fixture {
  explicit sink_server(http::server_options o) : server_fixture(std::move(o)), api(client()) {}

  /// POST /changefeeds; fails the test unless it answers 200.
  void create(const std::string& id, const std::string& uri, model::tso_t start, model::tso_t target,
              const std::string& replica_config = "{}") {
    auto body = R"({"changefeed_id":")" + id + R"(","sink_uri":")" + uri + R"(","start_ts":)" + std::to_string(start)
                + R"(,"target_ts":)" + std::to_string(target) + R"(,"replica_config":)" + replica_config + "}";
    auto r = api.post("/api/v2/changefeeds", body);
    BOOST_REQUIRE_MESSAGE(r.status == 200u, r.body);
  }

  /// GET /changefeeds/{id} as JSON.
  boost::json::object feed(const std::string& id) {
    auto r = api.get("/api/v2/changefeeds/" + id);
    BOOST_REQUIRE_MESSAGE(r.status == 200u, r.body);
    return r.json().as_object();
  }

  std::string state(const std::string& id) { return std::string(feed(id).at("state").as_string()); }

  /// Polls until the feed shows `want`; false after `seconds`.
  bool wait_state(const std::string& id, const std::string& want, double seconds) {
    return eventually([&] { return state(id) == want; }, seconds);
  }

  http_client api;
};

} // namespace cdc::test
