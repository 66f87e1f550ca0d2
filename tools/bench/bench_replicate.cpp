// Replication benchmark: F changefeeds, each replicating every table of an
// upstream of S x T tables writing R rows/s per table, into blackhole sinks
// that count rows. Reports the rows the sinks received per second (the ideal
// is F x S x T x R), the process's CPU, and how far the checkpoints lag.
// A table writes at most 1000 rows/s; more load means more tables.
//   bench-replicate [feeds=100] [rows_per_table_per_s=1000] [seconds=10] [schemas=4] [tables=8]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "actors/sinks/sinks.hpp"
#include "model/tso.hpp"
#include "tools/bench/bench_cluster.hpp"

using namespace cdc;
using clock_type = std::chrono::steady_clock;

int main(int argc, char** argv) {
  std::size_t feeds = argc > 1 ? std::stoul(argv[1]) : 100;
  double rate = argc > 2 ? std::stod(argv[2]) : 1000;
  int seconds = argc > 3 ? std::stoi(argv[3]) : 10;
  std::size_t schemas = argc > 4 ? std::stoul(argv[4]) : 4;
  std::size_t tables = argc > 5 ? std::stoul(argv[5]) : 8;
  auto rows = std::make_shared<std::atomic<std::uint64_t>>(0);
  bench::bench_cluster bc(1, bench::make_catalog(schemas, tables, rate), actors::default_sink_factory(rows));
  std::vector<std::string> bodies;
  for (std::size_t f = 0; f < feeds; ++f)
    bodies.push_back(R"({"changefeed_id":"cf-)" + std::to_string(f) + R"(","sink_uri":"blackhole://"})");
  bc.create_all(bodies);

  std::this_thread::sleep_for(std::chrono::seconds(3)); // warm up
  auto r0 = rows->load();
  auto cpu0 = bench::process_cpu_seconds();
  auto t0 = clock_type::now();
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  auto r1 = rows->load();
  auto cpu1 = bench::process_cpu_seconds();
  double dt = std::chrono::duration<double>(clock_type::now() - t0).count();

  // Checkpoint lag of every feed, from its detail.
  auto owner = bc.owner();
  double worst_lag = 0, sum_lag = 0;
  for (std::size_t f = 0; f < feeds; ++f) {
    auto feed = bc.ask<actors::changefeed_actor>(owner, atom::get_v,
                                                 model::changefeed_key{"default", "cf-" + std::to_string(f)});
    auto d = bc.ask<model::changefeed_detail>(feed, atom::get_v);
    // Now, as the answer arrives: asking 100 busy feeds takes a while.
    auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch()).count();
    double lag = static_cast<double>(now_ms - model::tso_physical_ms(d.checkpoint_ts)) / 1000.0;
    worst_lag = std::max(worst_lag, lag);
    sum_lag += lag;
  }
  // The simulated upstream commits at most one change per table per
  // millisecond (commit TSOs carry logical 1), so a table offers <= 1000/s.
  double offered = static_cast<double>(feeds * schemas * tables) * std::min(rate, 1000.0);
  double got = static_cast<double>(r1 - r0) / dt;
  std::printf("| feeds | tables | rows/s per table | offered events/s | delivered events/s | CPU (cores) | checkpoint lag mean / worst |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  std::printf("| %zu | %zu | %.0f | %.0f | %.0f (%.0f%%) | %.2f | %.2f s / %.2f s |\n", feeds, schemas * tables, rate,
              offered, got, 100 * got / offered, (cpu1 - cpu0) / dt, sum_lag / static_cast<double>(feeds), worst_lag);
}
