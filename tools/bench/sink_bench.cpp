// Sink throughput: feeds pre-built batches to each real sink actor (on its
// own thread, as in the server) one write at a time, as a processor does, and
// prints rows/s. Not a test: numbers depend on the machine and the disk.
//   sink-bench [--rows=N] [--batch=N] [--dir=PATH] [--mysql=mysql://u:p@h:port/]
//              [--kafka=host:port,...]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>

#include "actors/messages.hpp"
#include "actors/sink_io/mysql_client.hpp"
#include "actors/sinks/sinks.hpp"
#include "model/config/defaults.hpp"
#include "model/upstream/workload.hpp"

using namespace cdc;

namespace {

struct options {
  std::size_t rows = 262144; // whole batches: a partial one would wait out the flush interval
  std::size_t batch = 65536;
  std::string dir = "/tmp/cdc-sink-bench";
  std::string mysql;
  std::string kafka;  ///< bootstrap servers (tools/kafka-mock in sinks.sh)
};

std::string arg_value(const std::string& a, const std::string& name) {
  return a.rfind(name + "=", 0) == 0 ? a.substr(name.size() + 1) : std::string{};
}

/// Batches of inserts into one table (a million keys: no key repeats).
std::vector<actors::row_batch_ptr> make_batches(const options& o,
                                                std::shared_ptr<const model::upstream::catalog> catalog) {
  model::upstream::table_workload w{catalog->tables.front()};
  std::vector<actors::row_batch_ptr> out;
  model::tso_t from = 0;
  for (std::size_t done = 0; done < o.rows;) {
    auto b = std::make_shared<actors::row_batch>();
    b->catalog = catalog;
    actors::table_rows t;
    t.table_id = catalog->tables.front().id;
    t.through = w.changes(from, model::compose_tso(1LL << 40, 0), std::min(o.batch, o.rows - done), t.rows);
    from = t.through;
    b->row_count = t.rows.size();
    done += t.rows.size();
    b->tables.push_back(std::move(t));
    out.push_back(std::move(b));
  }
  return out;
}

double run(caf::actor_system& sys, const std::string& uri, const std::string& dir,
           const std::vector<actors::row_batch_ptr>& batches) {
  model::changefeed_info info;
  info.key = {"default", "bench"};
  info.sink_uri = uri;
  info.start_ts = 1;
  info.config = std::make_shared<const model::config::replica_config>(model::config::default_replica_config());
  actors::sink_options options;
  options.file_dirs = {std::filesystem::absolute(dir)};
  auto sink = actors::default_sink_factory(nullptr, options)(sys, info);
  caf::scoped_actor self{sys};
  auto start = std::chrono::steady_clock::now();
  for (const auto& b : batches) {
    bool ok = false;
    self->request(sink, std::chrono::minutes(5), atom::write_v, b)
      .receive([&](bool) { ok = true; },
               [&](caf::error& e) { std::cerr << uri << ": " << sys.render(e) << "\n"; });
    if (!ok)
      return -1;
  }
  auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  self->send_exit(sink, caf::exit_reason::user_shutdown);
  return secs;
}

} // namespace

int main(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (auto v = arg_value(a, "--rows"); !v.empty()) o.rows = std::stoul(v);
    else if (auto v = arg_value(a, "--batch"); !v.empty()) o.batch = std::stoul(v);
    else if (auto v = arg_value(a, "--dir"); !v.empty()) o.dir = v;
    else if (auto v = arg_value(a, "--mysql"); !v.empty()) o.mysql = v;
    else if (auto v = arg_value(a, "--kafka"); !v.empty()) o.kafka = v;
    else {
      std::cerr << "usage: sink-bench [--rows=N] [--batch=N] [--dir=PATH] [--mysql=URI] [--kafka=BROKERS]\n";
      return 2;
    }
  }
  caf::actor_system_config cfg;
  cfg.add_message_types<caf::id_block::cdc>();
  caf::actor_system sys{cfg};
  auto catalog = std::make_shared<model::upstream::catalog>(model::upstream::default_catalog());
  catalog->tables.resize(1);
  catalog->tables.front().schema = "bench";
  catalog->tables.front().rows_per_second = 1000;
  catalog->tables.front().key_space = 1000000;
  auto batches = make_batches(o, catalog);
  std::filesystem::remove_all(o.dir);

  std::vector<std::pair<std::string, std::string>> sinks{
    {"blackhole", "blackhole://"},
    // file-size at its 1 MiB minimum: every batch publishes at once instead of
    // waiting for the flush interval.
    {"file csv", "file://" + o.dir + "/csv?protocol=csv&file-size=1048576"},
    {"file canal-json", "file://" + o.dir + "/canal?protocol=canal-json&file-size=1048576"},
  };
  if (!o.mysql.empty())
    sinks.emplace_back("mysql (max-txn-row=256)", o.mysql);
  if (!o.kafka.empty()) {
    sinks.emplace_back("kafka canal-json (mock cluster)", "kafka://" + o.kafka + "/bench-canal?protocol=canal-json");
    sinks.emplace_back("kafka open-protocol (mock cluster)", "kafka://" + o.kafka + "/bench-open?protocol=open-protocol");
    sinks.emplace_back("kafka simple (mock cluster)", "kafka://" + o.kafka + "/bench-simple?protocol=simple");
    sinks.emplace_back("kafka debezium (mock cluster)", "kafka://" + o.kafka + "/bench-debezium?protocol=debezium");
  }
  std::printf("| sink | rows | batch | seconds | rows/s |\n|---|---|---|---|---|\n");
  for (const auto& [name, uri] : sinks) {
    auto secs = run(sys, uri, o.dir, batches);
    if (secs < 0)
      return 1;
    std::printf("| %s | %zu | %zu | %.2f | %.0f |\n", name.c_str(), o.rows, o.batch, secs,
                static_cast<double>(o.rows) / secs);
  }
  std::filesystem::remove_all(o.dir);
  return 0;
}
