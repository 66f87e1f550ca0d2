// The tests' private etcd; see etcd_server.hpp.
#include "tests/support/etcd_server.hpp"

#include <sys/wait.h>

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "actors/store/backend/etcd_client.hpp"
#include "tests/support/storage_check.hpp"
#include "tests/support/subprocess.hpp"

namespace cdc::test {

namespace fs = std::filesystem;

etcd_server::etcd_server(fs::path dir) : dir_(std::move(dir)) {
  fs::remove_all(dir_);
  fs::create_directories(dir_);
  client_port_ = free_port();
  do
    peer_port_ = free_port();
  while (peer_port_ == client_port_);
  start();
}

etcd_server::~etcd_server() {
  kill();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::string etcd_server::endpoint() const {
  return "http://127.0.0.1:" + std::to_string(client_port_);
}

std::string etcd_server::log() const {
  return read_text(dir_ / "etcd.log");
}

void etcd_server::start() {
  if (running())
    return;
  auto peer = "http://127.0.0.1:" + std::to_string(peer_port_);
  std::vector<std::string> args{"--name=test",
                                "--data-dir=" + (dir_ / "data").string(),
                                "--listen-client-urls=" + endpoint(),
                                "--advertise-client-urls=" + endpoint(),
                                "--listen-peer-urls=" + peer,
                                "--initial-advertise-peer-urls=" + peer,
                                "--initial-cluster=test=" + peer,
                                "--logger=zap",
                                "--log-outputs=stderr",
                                "--log-level=warn"};
  pid_ = spawn_logged(find_program("etcd", "etcd-server"), args, dir_ / "etcd.log");
  auto endpoints = store::etcd::parse_endpoints(endpoint());
  store::etcd::client probe{endpoints.value(), {std::chrono::milliseconds(500)}};
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("etcd exited at start:\n" + log());
    }
    if (probe.range({.key = "/"}))
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  kill();
  throw std::runtime_error("etcd did not answer within 30 s:\n" + log());
}

void etcd_server::kill() {
  kill_and_reap(pid_);
}

} // namespace cdc::test
