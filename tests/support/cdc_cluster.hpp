// Real `cdc server --pd` processes on a private etcd, for cluster-mode
// end-to-end tests: start, signal and ask each node, and find the owner the
// way a user would (every node's /api/v2/status).
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "tests/support/etcd_server.hpp"
#include "tests/support/meta_records.hpp"
#include "tests/support/process.hpp"

namespace cdc::test {

class cdc_cluster {
public:
  struct node {
    std::unique_ptr<child_process> process;
    std::string address;
    bool running = true;
  };

  /// `count` nodes on a fresh etcd under a temp dir named `name`, each with
  /// a session TTL of `ttl` seconds; `extra` is added to every node's flags.
  explicit cdc_cluster(const std::string& name, int ttl = 3, std::size_t count = 3,
                       std::vector<std::string> extra = {});
  ~cdc_cluster();

  cdc_cluster(const cdc_cluster&) = delete;
  cdc_cluster& operator=(const cdc_cluster&) = delete;

  /// Starts node `i` (a new one when i == nodes.size()) on its data dir.
  void start_node(std::size_t i);

  /// Node i's /api/v2/status, or null when it does not answer within 300 ms
  /// (stopped, paused, gone).
  std::optional<boost::json::object> status(std::size_t i);

  /// The nodes whose /status says they own, by index.
  std::vector<std::size_t> owners();

  /// Waits until exactly one node owns; its index, or nullopt after `within`.
  std::optional<std::size_t> one_owner(std::chrono::milliseconds within);

  /// GET /captures on node i: "id[*]" per capture (the owner starred).
  std::set<std::string> captures(std::size_t i);

  std::string id_of(std::size_t i);

  /// Signals node i; after SIGKILL or SIGTERM waits for it to exit.
  void kill(std::size_t i, int sig);

  /// Node i's log file.
  std::filesystem::path log_of(std::size_t i) const;

  temp_dir base;
  etcd_server etcd;
  int ttl;
  std::vector<std::string> extra_flags;
  std::vector<node> nodes;
};

} // namespace cdc::test
