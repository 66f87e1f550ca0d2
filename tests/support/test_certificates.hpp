// Certificates for TLS tests, made at test time by the `openssl` command as
// a user would (README "Security"): a CA, a server certificate for
// 127.0.0.1, and client certificates with the CNs asked for.
#pragma once

#include <filesystem>
#include <string>

namespace cdc::test {

struct test_certificates {
  /// Makes ca.pem/ca.key and server.pem/server.key (CN cdc-server, SAN
  /// IP:127.0.0.1) in `dir`; throws with openssl's output when it fails.
  explicit test_certificates(std::filesystem::path dir);

  /// Makes <name>.pem/<name>.key signed by the CA, with subject CN `cn`.
  void make_client(const std::string& name, const std::string& cn) const;

  std::filesystem::path dir;
  std::string ca() const { return (dir / "ca.pem").string(); }
  std::string server_cert() const { return (dir / "server.pem").string(); }
  std::string server_key() const { return (dir / "server.key").string(); }
  std::string cert(const std::string& name) const { return (dir / (name + ".pem")).string(); }
  std::string key(const std::string& name) const { return (dir / (name + ".key")).string(); }
};

} // namespace cdc::test
