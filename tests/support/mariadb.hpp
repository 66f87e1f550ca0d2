// A private MariaDB server for end-to-end tests, from Debian's mariadb-server:
// its own data directory and port on 127.0.0.1, started and killed by the
// test (kill -9, then a restart on the same data, is a crash). Missing
// binaries are an error, never a skip: scripts/deps.sh installs them.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "actors/sink_io/mysql_client.hpp"

namespace cdc::test {

class mariadb_server {
public:
  /// A fresh data directory under `dir` (mariadb-install-db) and a free port;
  /// the server is started, with a user `cdc` (password `cdc-pw`) for TCP.
  explicit mariadb_server(std::filesystem::path dir);
  ~mariadb_server();

  mariadb_server(const mariadb_server&) = delete;
  mariadb_server& operator=(const mariadb_server&) = delete;

  /// Starts mariadbd and waits until it accepts connections (throws after 60 s).
  void start();
  /// SIGKILL: no shutdown, as a crash.
  void kill();
  bool running() const noexcept { return pid_ > 0; }

  std::uint16_t port() const noexcept { return port_; }
  /// mysql://cdc:cdc-pw@127.0.0.1:<port>/
  std::string sink_uri() const;
  /// root over the unix socket (for setup and checks).
  sink_io::mysql_endpoint admin() const;
  /// The server's error log (for failure messages).
  std::string log() const;

private:
  std::filesystem::path dir_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

} // namespace cdc::test
