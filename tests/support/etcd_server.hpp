// A private etcd for tests, from Debian's etcd-server: its own data
// directory and free client and peer ports on 127.0.0.1, started and killed
// by the test (SIGKILL, then a start on the same data, is a crash). A
// missing etcd binary is an error, never a skip: scripts/deps.sh installs it.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "actors/store/backend/etcd_client.hpp"

namespace cdc::test {

/// TLS on etcd's client port: its certificate and key, and the CA that
/// clients' certificates must chain to (etcd's --client-cert-auth).
struct etcd_tls_files {
  std::string ca;
  std::string cert;
  std::string key;
};

class etcd_server {
public:
  /// A fresh directory `dir` (removed when this ends) and two free ports;
  /// the server is started, serving https:// when `tls` is given.
  explicit etcd_server(std::filesystem::path dir, std::optional<etcd_tls_files> tls = std::nullopt);
  ~etcd_server();

  etcd_server(const etcd_server&) = delete;
  etcd_server& operator=(const etcd_server&) = delete;

  /// Starts etcd on the data dir and ports it had, and waits until it
  /// answers a read (throws with its log after 30 s).
  void start();
  /// SIGKILL: no shutdown, as a crash.
  void kill();
  bool running() const noexcept { return pid_ > 0; }

  /// http(s)://127.0.0.1:<client port>
  std::string endpoint() const;
  /// What a client needs to reach it: with TLS, etcd's own files serve as
  /// the client's (one CA signed them all).
  store::etcd::client_options client_options(std::chrono::milliseconds timeout) const;
  /// Everything etcd logged (for failure messages).
  std::string log() const;

private:
  std::filesystem::path dir_;
  std::optional<etcd_tls_files> tls_;
  std::uint16_t client_port_ = 0;
  std::uint16_t peer_port_ = 0;
  pid_t pid_ = -1;
};

} // namespace cdc::test
