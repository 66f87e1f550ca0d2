#include "tests/support/mariadb.hpp"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fcntl.h>
#include <stdexcept>
#include <thread>
#include <vector>

#include "tests/support/storage_check.hpp"

namespace cdc::test {

namespace fs = std::filesystem;

namespace {

std::string find_program(const std::string& name) {
  std::vector<std::string> dirs{"/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"};
  if (const char* path = std::getenv("PATH")) {
    std::string p = path;
    std::size_t at = 0;
    while (at <= p.size()) {
      auto end = p.find(':', at);
      dirs.push_back(p.substr(at, end == std::string::npos ? std::string::npos : end - at));
      if (end == std::string::npos)
        break;
      at = end + 1;
    }
  }
  for (const auto& d : dirs)
    if (!d.empty() && ::access((d + "/" + name).c_str(), X_OK) == 0)
      return d + "/" + name;
  throw std::runtime_error(name + " not found: install mariadb-server (scripts/deps.sh does)");
}

/// fork + exec with stdout and stderr appended to `log`; returns the pid.
pid_t spawn(const std::string& program, const std::vector<std::string>& args, const fs::path& log) {
  pid_t pid = ::fork();
  if (pid < 0)
    throw std::runtime_error("fork failed");
  if (pid == 0) {
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      ::dup2(fd, STDOUT_FILENO);
      ::dup2(fd, STDERR_FILENO);
    }
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const auto& a : args)
      argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

std::uint16_t free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0
      || ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
    throw std::runtime_error("no free port");
  ::close(fd);
  return ntohs(a.sin_port);
}

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
  auto pid = spawn(find_program("mariadb-install-db"), args, dir_ / "install.log");
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
  pid_ = spawn(find_program("mariadbd"), args, dir_ / "stdout.log");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("mariadbd exited at start:\n" + log());
    }
    sink_io::mysql_client c;
    auto e = admin();
    e.connect_timeout = std::chrono::seconds(1);
    if (c.connect(e))
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  kill();
  throw std::runtime_error("mariadbd did not accept connections within 60 s:\n" + log());
}

void mariadb_server::kill() {
  if (!running())
    return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
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
