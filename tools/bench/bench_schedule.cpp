// Scheduling benchmark, pure part: the table assignment function on T tables
// across C captures (one feed, and T spread over 100 feeds), then the replan
// after a capture is lost and after it comes back. Median of several runs.
//   bench-schedule [tables=100000] [captures=16] [runs=7]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "model/scheduling/table_scheduler.hpp"

namespace {

using namespace cdc::model;
using namespace cdc::model::scheduling;
using clock_type = std::chrono::steady_clock;

template <class F>
double median_ms(int runs, F&& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto start = clock_type::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

std::vector<feed_input> make_feeds(std::size_t tables, std::size_t feeds) {
  std::vector<feed_input> out(feeds);
  for (std::size_t f = 0; f < feeds; ++f)
    out[f].changefeed_id = "default/cf-" + std::to_string(f);
  // Table IDs with gaps, as real ones have.
  for (std::size_t t = 0; t < tables; ++t)
    out[t % feeds].tables.push_back(static_cast<table_id>(100 + 3 * t));
  return out;
}

std::vector<feed_input> placed(const std::vector<feed_input>& feeds, const std::vector<feed_plan>& plans) {
  auto out = feeds;
  for (auto& f : out)
    for (const auto& p : plans)
      if (p.changefeed_id == f.changefeed_id)
        f.current = p.assignment;
  return out;
}

void run(std::size_t tables, std::size_t captures, std::size_t feeds, int runs) {
  std::vector<std::string> all;
  for (std::size_t i = 0; i < captures; ++i)
    all.push_back("capture-" + std::to_string(100 + i));
  std::vector<std::string> fewer(all.begin() + 1, all.end());
  auto fresh = make_feeds(tables, feeds);
  std::vector<feed_plan> first;
  auto initial = median_ms(runs, [&] { first = schedule_tables(fresh, all); });
  auto after = placed(fresh, first);
  std::vector<feed_plan> second;
  auto loss = median_ms(runs, [&] { second = schedule_tables(after, fewer); });
  std::size_t moved_in = 0;
  for (const auto& p : second)
    for (const auto& m : p.moves)
      moved_in += m.add.size();
  auto back = placed(fresh, second);
  auto join = median_ms(runs, [&] { schedule_tables(back, all); });
  std::printf("| %zu | %zu | %zu | %.1f ms | %.1f ms (%zu tables move) | %.1f ms |\n", tables, feeds, captures, initial,
              loss, moved_in, join);
}

} // namespace

int main(int argc, char** argv) {
  std::size_t tables = argc > 1 ? std::stoul(argv[1]) : 100'000;
  std::size_t captures = argc > 2 ? std::stoul(argv[2]) : 16;
  int runs = argc > 3 ? std::stoi(argv[3]) : 7;
  std::printf("| tables | feeds | captures | initial placement | one capture lost | capture rejoins |\n");
  std::printf("|---|---|---|---|---|---|\n");
  run(tables, captures, 1, runs);
  run(tables, captures, 100, runs);
  std::printf("\nmedian of %d runs each\n", runs);
}
