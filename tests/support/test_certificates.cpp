#include "tests/support/test_certificates.hpp"

#include <stdexcept>
#include <vector>

#include "tests/support/process.hpp"
#include "tests/support/subprocess.hpp"

namespace cdc::test {

namespace {

/// `openssl req -x509` with a fresh P-256 key (fast to make), valid a day.
void make_certificate(const std::filesystem::path& dir, const std::string& name, const std::string& cn,
                      const std::vector<std::string>& extra) {
  std::vector<std::string> args{"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                                "-nodes", "-days", "1", "-subj", "/CN=" + cn,
                                "-keyout", (dir / (name + ".key")).string(), "-out", (dir / (name + ".pem")).string()};
  args.insert(args.end(), extra.begin(), extra.end());
  auto [status, output] = run_command(find_program("openssl", "openssl"), args);
  if (status != 0)
    throw std::runtime_error("openssl could not make " + name + ": " + output);
}

} // namespace

test_certificates::test_certificates(std::filesystem::path d) : dir(std::move(d)) {
  std::filesystem::create_directories(dir);
  make_certificate(dir, "ca", "cdc-test-ca", {});
  make_certificate(dir, "server", "cdc-server",
                   {"-addext", "subjectAltName=IP:127.0.0.1", "-addext", "basicConstraints=CA:FALSE", "-CA",
                    ca(), "-CAkey", (dir / "ca.key").string()});
}

void test_certificates::make_client(const std::string& name, const std::string& cn) const {
  make_certificate(dir, name, cn, {"-addext", "basicConstraints=CA:FALSE", "-CA", ca(), "-CAkey", (dir / "ca.key").string()});
}

} // namespace cdc::test
