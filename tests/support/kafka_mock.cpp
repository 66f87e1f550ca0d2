// The mock Kafka cluster process; see kafka_mock.hpp.
#include "tests/support/kafka_mock.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace cdc::test {

namespace {

std::string read_line(std::FILE* f) {
  std::string line;
  int c;
  while ((c = std::fgetc(f)) != EOF && c != '\n')
    line += static_cast<char>(c);
  if (c == EOF && line.empty())
    throw std::runtime_error("cdc-kafka-mock closed its output");
  return line;
}

} // namespace

std::string kafka_mock_binary() {
  if (const char* p = std::getenv("CDC_KAFKA_MOCK_BINARY"))
    return p;
  return "build/bin/cdc-kafka-mock";
}

kafka_mock::kafka_mock(int brokers) {
  int in[2], out[2];
  if (pipe(in) != 0 || pipe(out) != 0)
    throw std::runtime_error("pipe failed");
  auto program = kafka_mock_binary();
  auto count = std::to_string(brokers);
  pid_ = fork();
  if (pid_ < 0)
    throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(in[0], STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    close(in[0]);
    close(in[1]);
    close(out[0]);
    close(out[1]);
    execl(program.c_str(), program.c_str(), count.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  to_ = fdopen(in[1], "w");
  from_ = fdopen(out[0], "r");
  bootstrap_ = read_line(from_);
  if (bootstrap_.find(':') == std::string::npos)
    throw std::runtime_error("cdc-kafka-mock (" + program + ") did not start: " + bootstrap_);
}

kafka_mock::~kafka_mock() {
  if (to_)
    std::fclose(to_); // end of input: the helper shuts the cluster down
  if (from_)
    std::fclose(from_);
  if (pid_ > 0) {
    for (int i = 0; i < 50; ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_)
        return;
      usleep(100 * 1000);
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

void kafka_mock::command(const std::string& line) {
  std::fputs((line + "\n").c_str(), to_);
  std::fflush(to_);
  auto answer = read_line(from_);
  if (answer != "ok")
    throw std::runtime_error("cdc-kafka-mock: " + line + ": " + answer);
}

} // namespace cdc::test
