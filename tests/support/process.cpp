#include "tests/support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace cdc::test {

std::string cdc_binary() {
  if (const char* p = std::getenv("CDC_BINARY"))
    return p;
  return "build/bin/cdc";
}

std::string cdc_load_binary() {
  if (const char* p = std::getenv("CDC_LOAD_BINARY"))
    return p;
  return "build/bin/cdc-load";
}

child_process::child_process(const std::string& program, const std::vector<std::string>& args,
                             child_options opts) {
  int out[2], err[2], in[2] = {-1, -1};
  if (pipe(out) != 0 || pipe(err) != 0 || (opts.stdin_text && pipe(in) != 0))
    throw std::runtime_error("pipe failed");
  if (opts.stdin_text) {
    // Written before the child exists: a few bytes of answers fit the pipe,
    // and a child that exits without reading them cannot make this write
    // raise SIGPIPE in the test.
    std::size_t at = 0;
    while (at < opts.stdin_text->size()) {
      auto n = write(in[1], opts.stdin_text->data() + at, opts.stdin_text->size() - at);
      if (n <= 0)
        throw std::runtime_error("writing the child's stdin failed");
      at += static_cast<std::size_t>(n);
    }
  }
  pid_ = fork();
  if (pid_ < 0)
    throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    dup2(err[1], STDERR_FILENO);
    close(out[0]);
    close(err[0]);
    if (opts.stdin_text) {
      dup2(in[0], STDIN_FILENO);
      close(in[1]);
    }
    if (opts.max_open_files != 0) {
      rlimit lim{opts.max_open_files, opts.max_open_files};
      if (setrlimit(RLIMIT_NOFILE, &lim) != 0)
        _exit(126);
    }
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const auto& a : args)
      argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  if (opts.stdin_text) {
    close(in[0]);
    close(in[1]);
  }
  out_fd_ = out[0];
  err_fd_ = err[0];
  fcntl(err_fd_, F_SETFL, fcntl(err_fd_, F_GETFL) | O_NONBLOCK);
}

child_process::~child_process() {
  if (!status_) {
    ::kill(pid_, SIGKILL);
    wait(std::chrono::seconds(5));
  }
  close(out_fd_);
  close(err_fd_);
}

std::optional<std::string> child_process::wait_for_line(const std::string& needle,
                                                        std::chrono::milliseconds timeout) {
  std::size_t from = 0;
  return next_line(needle, from, timeout);
}

std::optional<std::string> child_process::next_line(const std::string& needle, std::chrono::milliseconds timeout) {
  return next_line(needle, next_line_, timeout);
}

std::optional<std::string> child_process::next_line(const std::string& needle, std::size_t& scanned,
                                                    std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    // Look for a complete line containing the needle.
    std::size_t start = scanned;
    for (auto nl = out_.find('\n', start); nl != std::string::npos; nl = out_.find('\n', start)) {
      auto line = out_.substr(start, nl - start);
      start = nl + 1;
      scanned = start;
      if (line.find(needle) != std::string::npos)
        return line;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0)
      return std::nullopt;
    pollfd pfd{out_fd_, POLLIN, 0};
    if (poll(&pfd, 1, static_cast<int>(left.count())) <= 0)
      return std::nullopt;
    char buf[4096];
    auto n = read(out_fd_, buf, sizeof buf);
    if (n <= 0)
      return std::nullopt;
    out_.append(buf, static_cast<std::size_t>(n));
  }
}

void child_process::signal(int sig) { ::kill(pid_, sig); }

std::optional<int> child_process::wait(std::chrono::milliseconds timeout) {
  if (status_)
    return status_;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int st = 0;
    auto r = waitpid(pid_, &st, WNOHANG);
    if (r == pid_) {
      status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
      return status_;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return std::nullopt;
}

std::string child_process::err() {
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(err_fd_, buf, sizeof buf)) > 0)
    out.append(buf, static_cast<std::size_t>(n));
  return out;
}

std::pair<int, std::string> run_command(const std::string& program, const std::vector<std::string>& args) {
  child_process p{program, args};
  // Read stdout to its end (EOF once the child exits), then collect stderr.
  p.wait_for_line("\n\n", std::chrono::seconds(20));
  auto status = p.wait(std::chrono::seconds(20));
  return {status.value_or(-1), p.out() + p.err()};
}

std::vector<std::string> server_args(const std::string& data_dir, std::size_t captures) {
  return {"server", "--addr=127.0.0.1:0", "--data-dir=" + data_dir, "--log-level=warn",
          "--captures=" + std::to_string(captures)};
}

std::vector<std::string> listening_addresses(child_process& p, std::size_t captures) {
  std::vector<std::string> out;
  const std::string marker = "cdc server listening on ";
  for (std::size_t i = 0; i < captures; ++i) {
    auto line = p.next_line(marker, std::chrono::seconds(20));
    if (!line)
      break;
    auto rest = line->substr(line->find(marker) + marker.size());
    out.push_back(rest.substr(0, rest.find(' ')));
  }
  return out;
}

} // namespace cdc::test
