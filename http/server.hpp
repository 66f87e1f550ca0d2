// A whole cdc server in one object: the actor cluster plus one HTTP listener
// per capture, on a small pool of I/O threads. Used by `cdc server` and by
// tests that need a real server on port 0.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <caf/actor_system.hpp>

#include "actors/cluster.hpp"
#include "http/api_context.hpp"
#include "http/beast.hpp"
#include "http/router.hpp"
#include "http/server_context.hpp"

namespace cdc::http {

class listener;
class client_auth;

struct server_options {
  std::string host = "127.0.0.1";
  /// The first capture listens here, capture i on port + i; 0 picks free ports.
  std::uint16_t port = 8300;
  std::size_t captures = 1;
  /// TiCDC's --advertise-addr: the address the first capture tells the
  /// cluster (and /captures shows); empty: the address it listens on.
  std::string advertise_address;
  std::size_t io_threads = 2;
  limits lim;
  /// How long a request may wait for the cluster before it answers 500.
  std::chrono::milliseconds api_timeout{std::chrono::seconds(10)};
  /// Set: every listener serves TLS only (tls_context.hpp).
  std::shared_ptr<boost::asio::ssl::context> tls;
  /// Set: the routes that change something need credentials (client_auth.hpp).
  std::shared_ptr<const client_auth> auth;
  /// The cluster behind the listeners (catalog, sinks, settings); nodes are
  /// filled in by the server.
  actors::cluster_config cluster;
};

class server {
public:
  /// Binds every listener and spawns the cluster; throws
  /// boost::system::system_error when an address cannot be bound.
  server(caf::actor_system& sys, server_options opts);
  ~server();

  server(const server&) = delete;
  server& operator=(const server&) = delete;

  /// "host:port" of each capture's listener, in capture order.
  std::vector<std::string> addresses() const;
  const std::vector<std::shared_ptr<actors::node_state>>& nodes() const { return nodes_; }
  const actors::cluster& cluster() const { return cluster_; }

  /// Starts accepting on the I/O threads once the cluster has an owner that
  /// takes requests (waits up to `wait` for it); returns whether it has one.
  bool start(std::chrono::milliseconds wait = std::chrono::seconds(10));

  /// Graceful stop: liveness turns to stopping, listeners close, requests
  /// already read are answered and later ones refused with 503, connections
  /// close (all within `grace`), then the cluster ends.
  void shutdown(std::chrono::milliseconds grace = std::chrono::seconds(10));

private:
  caf::actor_system& sys_;
  server_options opts_;
  // Declared first so it outlives everything that may still post to it.
  net::io_context ioc_;
  // Keeps the I/O threads running while every session waits for an actor
  // (no I/O pending), so the replies still find a thread to run on.
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work_;
  router routes_;
  api_context api_;
  std::vector<std::shared_ptr<listener>> listeners_;
  std::vector<std::shared_ptr<actors::node_state>> nodes_;
  actors::cluster cluster_;
  std::vector<std::thread> threads_;
  bool stopped_ = false;
};

} // namespace cdc::http
