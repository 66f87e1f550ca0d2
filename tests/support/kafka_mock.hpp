// A librdkafka mock cluster (tools/kafka-mock) as a real process on
// loopback, driven over its stdin: tests take brokers down, make requests
// fail and create topics, then bring everything back.
#pragma once

#include <sys/types.h>

#include <cstdio>
#include <string>

namespace cdc::test {

/// The helper under test (CTest sets CDC_KAFKA_MOCK_BINARY).
std::string kafka_mock_binary();

class kafka_mock {
public:
  explicit kafka_mock(int brokers = 3);
  ~kafka_mock();

  kafka_mock(const kafka_mock&) = delete;
  kafka_mock& operator=(const kafka_mock&) = delete;

  /// "127.0.0.1:p1,127.0.0.1:p2,...", as a sink URI's host part takes it.
  const std::string& bootstrap() const { return bootstrap_; }

  /// Sends one command (see tools/kafka-mock/main.cpp); throws unless the
  /// helper answers "ok".
  void command(const std::string& line);

  void create_topic(const std::string& name, int partitions) {
    command("topic " + name + " " + std::to_string(partitions));
  }
  void all_down() { command("down-all"); }
  void all_up() { command("up-all"); }

private:
  pid_t pid_ = -1;
  std::FILE* to_ = nullptr;
  std::FILE* from_ = nullptr;
  std::string bootstrap_;
};

} // namespace cdc::test
