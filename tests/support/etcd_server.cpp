// The tests' private etcd; see etcd_server.hpp.
#include "tests/support/etcd_server.hpp"

#include <chrono>
#include <stdexcept>
#include <vector>

#include "actors/store/backend/etcd_client.hpp"
#include "http/tls_context.hpp"
#include "tests/support/storage_check.hpp"
#include "tests/support/subprocess.hpp"

namespace cdc::test {

namespace fs = std::filesystem;

etcd_server::etcd_server(fs::path dir, std::optional<etcd_tls_files> tls) : dir_(std::move(dir)), tls_(std::move(tls)) {
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
  return (tls_ ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(client_port_);
}

store::etcd::client_options etcd_server::client_options(std::chrono::milliseconds timeout) const {
  store::etcd::client_options o;
  o.timeout = timeout;
  if (tls_) {
    std::string error;
    o.tls = http::make_client_tls(tls_->ca, tls_->cert, tls_->key, error);
    if (!o.tls)
      throw std::runtime_error("etcd client TLS: " + error);
  }
  return o;
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
  if (tls_)
    args.insert(args.end(), {"--cert-file=" + tls_->cert, "--key-file=" + tls_->key,
                             "--trusted-ca-file=" + tls_->ca, "--client-cert-auth=true"});
  pid_ = spawn_logged(find_program("etcd", "etcd-server"), args, dir_ / "etcd.log");
  auto endpoints = store::etcd::parse_endpoints(endpoint());
  store::etcd::client probe{endpoints.value(), client_options(std::chrono::milliseconds(500))};
  wait_until_answering(
    pid_, "etcd", std::chrono::seconds(30), std::chrono::milliseconds(50),
    [&] { return probe.range({.key = "/"}).has_value(); }, [this] { return log(); });
}

void etcd_server::kill() {
  kill_and_reap(pid_);
}

} // namespace cdc::test
