// Scheduling benchmark, actor part: T tables in F changefeeds placed on C
// captures of a real cluster (CAF's threaded scheduler, as `cdc server`
// runs it); then one capture is killed and we time how long until the owner
// has every table of it running on the others (dispatched, acknowledged,
// and published by the feeds as GET shows them).
//   bench-capture-loss [tables=100000] [captures=16] [feeds=1]
#include <algorithm>
#include <chrono>
#include <map>
#include <cstdio>
#include <string>
#include <thread>

#include <caf/send.hpp>

#include "actors/published/feed_directory.hpp"
#include "tools/bench/bench_cluster.hpp"

using namespace cdc;
using clock_type = std::chrono::steady_clock;

namespace {

double ms_since(clock_type::time_point start) {
  return std::chrono::duration<double, std::milli>(clock_type::now() - start).count();
}

/// Tables per capture over every feed, as the feeds' details show them.
std::map<std::string, std::size_t> placement(bench::bench_cluster& bc, std::size_t feeds) {
  std::map<std::string, std::size_t> out;
  auto owner = bc.owner();
  for (std::size_t f = 0; f < feeds; ++f) {
    auto feed = bc.ask<actors::changefeed_actor>(owner, atom::get_v,
                                                 model::changefeed_key{"default", "cf-" + std::to_string(f)});
    auto d = bc.ask<model::changefeed_detail>(feed, atom::get_v);
    for (const auto& ts : d.task_status.value_or(std::vector<model::capture_task_status>{}))
      out[ts.capture_id] += ts.table_ids.size();
  }
  return out;
}

} // namespace

int main(int argc, char** argv) {
  std::size_t tables = argc > 1 ? std::stoul(argv[1]) : 100'000;
  std::size_t captures = argc > 2 ? std::stoul(argv[2]) : 16;
  std::size_t feeds = argc > 3 ? std::stoul(argv[3]) : 1;
  bench::bench_cluster bc(captures, bench::make_catalog(feeds, tables / feeds, 0));

  auto start = clock_type::now();
  std::vector<std::string> bodies;
  for (std::size_t f = 0; f < feeds; ++f)
    bodies.push_back(R"({"changefeed_id":"cf-)" + std::to_string(f)
                     + R"(","sink_uri":"blackhole://","replica_config":{"filter":{"rules":["s)" + std::to_string(f)
                     + R"(.*"]}}})");
  bc.create_all(bodies);
  auto created_ms = ms_since(start);
  auto before = placement(bc, feeds);
  std::size_t placed = 0;
  for (const auto& [id, n] : before)
    placed += n;

  // Kill the last capture (the owner runs on the first).
  auto victim = bc.nodes().back()->capture_id();
  auto lost = before[victim];
  // Watched through what the feeds publish (as GET shows it), not by asking
  // the owner, and only the feeds still waiting are looked at again: a poll
  // must not compete with the work it measures.
  const auto& dir = *bc.handles().directory;
  auto holds_victim = [&](const model::changefeed_key& key) {
    auto snap = dir.find(key);
    if (snap && snap->view().task_status)
      for (const auto& c : *snap->view().task_status)
        if (c.capture_id == victim && !c.table_ids.empty())
          return true;
    return false;
  };
  std::vector<model::changefeed_key> waiting;
  for (std::size_t f = 0; f < feeds; ++f)
    if (model::changefeed_key key{"default", "cf-" + std::to_string(f)}; holds_victim(key))
      waiting.push_back(key);
  start = clock_type::now();
  caf::anon_send_exit(bc.handles().captures.back(), caf::exit_reason::kill);
  double reassigned_ms = -1;
  while (ms_since(start) < 60'000) {
    std::erase_if(waiting, [&](const auto& key) { return !holds_victim(key); });
    if (waiting.empty()) {
      reassigned_ms = ms_since(start);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  auto after = placement(bc, feeds);
  std::size_t placed_after = 0;
  for (const auto& [id, n] : after)
    placed_after += n;

  std::printf("| tables | feeds | captures | create (placed) | tables on the lost capture | all reassigned after | placed after |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  std::printf("| %zu | %zu | %zu | %.0f ms (%zu) | %zu | %.1f ms | %zu on %zu captures, %zu on the lost one |\n", tables,
              feeds, captures, created_ms, placed, lost, reassigned_ms, placed_after, after.size(),
              after.count(victim) ? after[victim] : 0);
  return reassigned_ms >= 0 && placed_after == placed ? 0 : 1;
}
