#include "tests/support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "tests/support/subprocess.hpp"

extern char** environ;

namespace cdc::test {

namespace {

/// Our environment with `overrides` (`NAME=value`) replacing or adding to it.
std::vector<std::string> environment_with(const std::vector<std::string>& overrides) {
  auto name_of = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
  std::vector<std::string> env(overrides);
  for (char** e = environ; *e; ++e) {
    std::string entry(*e);
    bool replaced = false;
    for (const auto& o : overrides)
      replaced = replaced || name_of(o) == name_of(entry);
    if (!replaced)
      env.push_back(std::move(entry));
  }
  return env;
}

} // namespace

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

struct child_process::output {
  std::mutex lock;
  std::condition_variable grew;
  std::string out;
  std::string err;
  bool out_ended = false;
  bool err_ended = false;
};

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
  // Built before fork: the child of a threaded parent must not allocate.
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const auto& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  auto env = environment_with(opts.env);
  std::vector<char*> envp;
  for (auto& e : env)
    envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t parent = getpid();
  pid_ = fork();
  if (pid_ < 0)
    throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    die_with_test(parent);
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
    execve(program.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  if (opts.stdin_text) {
    close(in[0]);
    close(in[1]);
  }
  int stop[2];
  if (pipe(stop) != 0)
    throw std::runtime_error("pipe failed");
  stop_fd_ = stop[1];
  stop_read_fd_ = stop[0];
  output_ = std::make_shared<output>();
  reader_ = std::thread([out_fd = out[0], err_fd = err[0], stop_fd = stop[0], o = output_] {
    pollfd fds[3] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}, {stop_fd, POLLIN, 0}};
    while (fds[0].fd >= 0 || fds[1].fd >= 0) {
      if (poll(fds, 3, -1) < 0)
        continue;
      if (fds[2].revents != 0)
        break;
      for (int i = 0; i < 2; ++i) {
        if (fds[i].fd < 0 || fds[i].revents == 0)
          continue;
        char buf[4096];
        auto n = read(fds[i].fd, buf, sizeof buf);
        std::lock_guard guard(o->lock);
        if (n > 0) {
          (i == 0 ? o->out : o->err).append(buf, static_cast<std::size_t>(n));
        } else {
          close(fds[i].fd);
          fds[i].fd = -1; // poll skips negative descriptors
          (i == 0 ? o->out_ended : o->err_ended) = true;
        }
        o->grew.notify_all();
      }
    }
    // The stop pipe stays open for the destructor's write (a closed one
    // would raise SIGPIPE in the test).
    for (int i = 0; i < 2; ++i)
      if (fds[i].fd >= 0)
        close(fds[i].fd);
    std::lock_guard guard(o->lock);
    o->out_ended = o->err_ended = true;
    o->grew.notify_all();
  });
}

child_process::~child_process() {
  if (!status_) {
    ::kill(pid_, SIGKILL);
    wait(std::chrono::seconds(5));
  }
  // A grandchild may still hold the pipes open: stop reading regardless.
  char stop = 0;
  [[maybe_unused]] auto n = write(stop_fd_, &stop, 1);
  reader_.join();
  close(stop_fd_);
  close(stop_read_fd_);
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
  std::unique_lock guard(output_->lock);
  while (true) {
    // Look for a complete line containing the needle.
    const auto& out = output_->out;
    std::size_t start = scanned;
    for (auto nl = out.find('\n', start); nl != std::string::npos; nl = out.find('\n', start)) {
      auto line = out.substr(start, nl - start);
      start = nl + 1;
      scanned = start;
      if (line.find(needle) != std::string::npos)
        return line;
    }
    if (output_->out_ended || output_->grew.wait_until(guard, deadline) == std::cv_status::timeout)
      return std::nullopt;
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

std::string child_process::out() const {
  std::lock_guard guard(output_->lock);
  return output_->out;
}

void child_process::wait_for_err_end(std::chrono::milliseconds timeout) {
  std::unique_lock guard(output_->lock);
  output_->grew.wait_for(guard, timeout, [this] { return output_->err_ended; });
}

std::string child_process::err() {
  if (status_)
    wait_for_err_end(std::chrono::seconds(2));
  std::lock_guard guard(output_->lock);
  return output_->err;
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
