// Test servers' processes; see subprocess.hpp.
#include "tests/support/subprocess.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace cdc::test {

namespace fs = std::filesystem;

std::string find_program(const std::string& name, const std::string& package) {
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
  throw std::runtime_error(name + " not found: install " + package + " (scripts/deps.sh does)");
}

void die_with_test(pid_t parent) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  // The parent may have ended before the line above: then nobody kills us.
  if (::getppid() != parent)
    ::_exit(1);
}

pid_t spawn_logged(const std::string& program, const std::vector<std::string>& args, const fs::path& log) {
  pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid < 0)
    throw std::runtime_error("fork failed");
  if (pid == 0) {
    die_with_test(parent);
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

void kill_and_reap(pid_t& pid) {
  if (pid <= 0)
    return;
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  pid = -1;
}

void wait_until_answering(pid_t& pid, const std::string& name, std::chrono::seconds within,
                          std::chrono::milliseconds poll, const std::function<bool()>& answers,
                          const std::function<std::string()>& log) {
  auto deadline = std::chrono::steady_clock::now() + within;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      pid = -1;
      throw std::runtime_error(name + " exited at start:\n" + log());
    }
    if (answers())
      return;
    std::this_thread::sleep_for(poll);
  }
  kill_and_reap(pid);
  throw std::runtime_error(name + " did not answer within " + std::to_string(within.count()) + " s:\n" + log());
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

} // namespace cdc::test
