// A private etcd for tests, from Debian's etcd-server: its own data
// directory and free client and peer ports on 127.0.0.1, started and killed
// by the test (SIGKILL, then a start on the same data, is a crash). A
// missing etcd binary is an error, never a skip: scripts/deps.sh installs it.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace cdc::test {

class etcd_server {
public:
  /// A fresh directory `dir` (removed when this ends) and two free ports;
  /// the server is started.
  explicit etcd_server(std::filesystem::path dir);
  ~etcd_server();

  etcd_server(const etcd_server&) = delete;
  etcd_server& operator=(const etcd_server&) = delete;

  /// Starts etcd on the data dir and ports it had, and waits until it
  /// answers a read (throws with its log after 30 s).
  void start();
  /// SIGKILL: no shutdown, as a crash.
  void kill();
  bool running() const noexcept { return pid_ > 0; }

  /// http://127.0.0.1:<client port>
  std::string endpoint() const;
  /// Everything etcd logged (for failure messages).
  std::string log() const;

private:
  std::filesystem::path dir_;
  std::uint16_t client_port_ = 0;
  std::uint16_t peer_port_ = 0;
  pid_t pid_ = -1;
};

} // namespace cdc::test
