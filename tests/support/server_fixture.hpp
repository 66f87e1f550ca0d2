// A real cdc server in the test process: actor system, cluster and HTTP
// listeners on free ports (port 0), reached over real sockets.
#pragma once

#include <memory>
#include <thread>
#include <string>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>

#include "actors/messages.hpp"
#include "http/server.hpp"
#include "tests/support/http_client.hpp"

namespace cdc::test {

struct server_fixture {
  explicit server_fixture(std::size_t captures = 1) : server_fixture(options(captures)) {}

  /// A server with its own options (meta backend, catalog, limits); port 0
  /// is forced so tests never collide on a fixed port.
  explicit server_fixture(http::server_options o) : sys(configure(cfg)) {
    o.port = 0;
    srv = std::make_unique<http::server>(sys, std::move(o));
    srv->start();
  }

  ~server_fixture() { srv->shutdown(std::chrono::seconds(5)); }

  /// The first capture's address ("127.0.0.1:port").
  std::string address(std::size_t capture = 0) const { return srv->addresses().at(capture); }

  http_client client(std::size_t capture = 0) const { return http_client{address(capture)}; }

  static caf::actor_system_config& configure(caf::actor_system_config& c) {
    c.add_message_types<caf::id_block::cdc>();
    c.set("scheduler.max-threads", std::size_t{2});
    return c;
  }

  static http::server_options options(std::size_t captures) {
    http::server_options o;
    o.port = 0;
    o.captures = captures;
    return o;
  }

  caf::actor_system_config cfg;
  caf::actor_system sys;
  std::unique_ptr<http::server> srv;
};

/// Polls `pred` every 10 ms until it holds or `seconds` pass.
template <class Pred>
bool eventually(Pred pred, double seconds = 5.0) {
  auto deadline = std::chrono::steady_clock::now()
                  + std::chrono::milliseconds(static_cast<long>(seconds * 1000));
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred())
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return pred();
}

} // namespace cdc::test
