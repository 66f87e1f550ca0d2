// cdc-kafka-mock: starts a librdkafka mock cluster on loopback, prints its
// bootstrap servers on the first line of stdout, then obeys one command per
// stdin line until stdin closes (or SIGTERM), answering each with "ok" or
// "error: <why>":
//   down <id> | up <id>       take broker <id> (1-based) off the network or back
//   down-all | up-all         every broker
//   errors <api> <err> <n>    the next <n> requests of Kafka API key <api>
//                             fail with error code <err>
//   topic <name> <partitions> create a topic
// Usage: cdc-kafka-mock [brokers=3]
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string obey(rd_kafka_mock_cluster_t* mc, int brokers, const std::string& line) {
  std::istringstream in(line);
  std::string verb;
  in >> verb;
  auto each_broker = [&](auto&& f) {
    for (int id = 1; id <= brokers; ++id)
      if (auto err = f(id))
        return std::string("error: ") + rd_kafka_err2str(err);
    return std::string("ok");
  };
  if (verb == "down" || verb == "up") {
    int id = 0;
    if (!(in >> id))
      return "error: which broker?";
    auto err = verb == "down" ? rd_kafka_mock_broker_set_down(mc, id) : rd_kafka_mock_broker_set_up(mc, id);
    return err ? std::string("error: ") + rd_kafka_err2str(err) : "ok";
  }
  if (verb == "down-all")
    return each_broker([&](int id) { return rd_kafka_mock_broker_set_down(mc, id); });
  if (verb == "up-all")
    return each_broker([&](int id) { return rd_kafka_mock_broker_set_up(mc, id); });
  if (verb == "errors") {
    int api = 0, code = 0, n = 0;
    if (!(in >> api >> code >> n) || n <= 0)
      return "error: errors <api> <err> <n>";
    std::vector<rd_kafka_resp_err_t> errs(static_cast<std::size_t>(n), static_cast<rd_kafka_resp_err_t>(code));
    rd_kafka_mock_push_request_errors_array(mc, static_cast<std::int16_t>(api), errs.size(), errs.data());
    return "ok";
  }
  if (verb == "topic") {
    std::string name;
    int partitions = 0;
    if (!(in >> name >> partitions) || partitions <= 0)
      return "error: topic <name> <partitions>";
    auto err = rd_kafka_mock_topic_create(mc, name.c_str(), partitions, 1);
    return err ? std::string("error: ") + rd_kafka_err2str(err) : "ok";
  }
  return "error: unknown command '" + verb + "'";
}

} // namespace

int main(int argc, char** argv) {
  int brokers = argc > 1 ? std::atoi(argv[1]) : 3;
  if (brokers <= 0) {
    std::cerr << "usage: cdc-kafka-mock [brokers=3]\n";
    return 2;
  }
  // The mock cluster needs a client handle to live in; it sends nothing.
  char err[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  // Its only complaint would be that it has no bootstrap servers of its own.
  rd_kafka_conf_set_log_cb(conf, [](const rd_kafka_t*, int, const char*, const char*) {});
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
  if (!rk) {
    std::cerr << "cdc-kafka-mock: " << err << "\n";
    return 1;
  }
  rd_kafka_mock_cluster_t* mc = rd_kafka_mock_cluster_new(rk, brokers);
  if (!mc) {
    std::cerr << "cdc-kafka-mock: cannot start the mock cluster\n";
    rd_kafka_destroy(rk);
    return 1;
  }
  std::cout << rd_kafka_mock_cluster_bootstraps(mc) << std::endl;
  // SIGTERM ends the process through its default action; stdin closing
  // ends the loop below.
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty())
      continue;
    std::cout << obey(mc, brokers, line) << std::endl;
  }
  rd_kafka_mock_cluster_destroy(mc);
  rd_kafka_destroy(rk);
  return 0;
}
