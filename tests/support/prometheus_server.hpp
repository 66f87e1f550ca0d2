// A private Prometheus for end-to-end tests: its own port, config and data
// directory (never the system service the Debian package may have started),
// scraping one target every second.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace cdc::test {

class prometheus_server {
public:
  /// Starts Prometheus scraping `target` ("host:port") at /metrics and
  /// waits until it is ready; throws with its log when it is not.
  explicit prometheus_server(const std::string& target);
  ~prometheus_server();

  prometheus_server(const prometheus_server&) = delete;
  prometheus_server& operator=(const prometheus_server&) = delete;

  /// "127.0.0.1:port" of its HTTP API.
  std::string address() const;
  std::string log() const;
  void stop();

private:
  std::filesystem::path dir_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

} // namespace cdc::test
