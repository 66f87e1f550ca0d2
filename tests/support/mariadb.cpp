#include "tests/support/mariadb.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <vector>

#include "tests/support/storage_check.hpp"
#include "tests/support/subprocess.hpp"

namespace cdc::test {

namespace fs = std::filesystem;

namespace {

bool as_root() {
  return ::geteuid() == 0;
}

} // namespace

mariadb_server::mariadb_server(fs::path dir) : dir_(std::move(dir)) {
  fs::remove_all(dir_);
  fs::create_directories(dir_ / "data");
  std::vector<std::string> args{"--no-defaults", "--datadir=" + (dir_ / "data").string(),
                                "--auth-root-authentication-method=normal", "--skip-test-db"};
  if (as_root())
    args.push_back("--user=root"); // mariadbd refuses to run as root otherwise
  auto pid = spawn_logged(find_program("mariadb-install-db", "mariadb-server"), args, dir_ / "install.log");
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("mariadb-install-db failed:\n" + read_text(dir_ / "install.log"));
  port_ = free_port();
  start();
  sink_io::mysql_client c;
  if (auto r = c.connect(admin()); !r)
    throw std::runtime_error(r.error().message);
  for (auto sql : {"CREATE USER 'cdc'@'%' IDENTIFIED BY 'cdc-pw'", "GRANT ALL ON *.* TO 'cdc'@'%'"})
    if (auto r = c.execute(sql); !r)
      throw std::runtime_error(r.error().message);
}

mariadb_server::~mariadb_server() {
  kill();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

void mariadb_server::start() {
  if (running())
    return;
  std::vector<std::string> args{"--no-defaults",
                                "--datadir=" + (dir_ / "data").string(),
                                "--port=" + std::to_string(port_),
                                "--bind-address=127.0.0.1",
                                "--socket=" + (dir_ / "mysqld.sock").string(),
                                "--pid-file=" + (dir_ / "mysqld.pid").string(),
                                "--log-error=" + (dir_ / "error.log").string(),
                                "--skip-name-resolve",
                                "--skip-log-bin",
                                "--innodb-buffer-pool-size=64M"};
  if (as_root())
    args.push_back("--user=root");
  pid_ = spawn_logged(find_program("mariadbd", "mariadb-server"), args, dir_ / "stdout.log");
  wait_until_answering(
    pid_, "mariadbd", std::chrono::seconds(60), std::chrono::milliseconds(100),
    [this] {
      sink_io::mysql_client c;
      auto e = admin();
      e.connect_timeout = std::chrono::seconds(1);
      return c.connect(e).has_value();
    },
    [this] { return log(); });
}

void mariadb_server::kill() {
  kill_and_reap(pid_);
}

std::string mariadb_server::sink_uri() const {
  return "mysql://cdc:cdc-pw@127.0.0.1:" + std::to_string(port_) + "/";
}

sink_io::mysql_endpoint mariadb_server::admin() const {
  sink_io::mysql_endpoint e;
  e.user = "root";
  e.unix_socket = (dir_ / "mysqld.sock").string();
  e.connect_timeout = std::chrono::seconds(5);
  return e;
}

std::string mariadb_server::log() const {
  return read_text(dir_ / "error.log");
}

} // namespace cdc::test
