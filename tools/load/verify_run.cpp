#include "tools/load/verify_run.hpp"

#include <cstdio>
#include <fstream>
#include <thread>

#include "tools/load/history.hpp"

namespace cdc::load {

namespace {

std::optional<std::vector<history_entry>> read_history(const std::string& file, std::string& error) {
  std::ifstream in(file);
  if (!in) {
    error = "cannot read --history " + file;
    return std::nullopt;
  }
  std::vector<history_entry> out;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (line.empty())
      continue;
    auto e = parse_line(line, error);
    if (!e) {
      error = file + ":" + std::to_string(n) + ": " + error;
      return std::nullopt;
    }
    out.push_back(std::move(*e));
  }
  if (out.empty())
    error = "--history " + file + " has no steps";
  return out.empty() ? std::nullopt : std::optional{std::move(out)};
}

/// The list from the first node that answers one, starting at the live one.
std::optional<std::map<std::string, std::string>> list_any(const load_options& o, const server_set& servers,
                                                            std::string& error) {
  for (std::size_t k = 0; k < servers.endpoints.size(); ++k) {
    auto i = (servers.live + k) % servers.endpoints.size();
    if (auto listed = listed_feeds(servers.endpoints[i], error))
      return listed;
    error = o.servers[i].text() + ": " + error;
  }
  return std::nullopt;
}

void print(const char* kind, const feed_problem& p) {
  std::printf("%s: %s: %s\n", kind, p.feed.c_str(), p.what.c_str());
  for (const auto& line : p.last_lines)
    std::printf("    %s\n", line.c_str());
}

} // namespace

int run_verify(const load_options& o, const server_set& servers) {
  std::string error;
  auto history = read_history(o.history_file, error);
  if (!history) {
    std::fprintf(stderr, "cdc-load: %s\n", error.c_str());
    return 1;
  }
  // Nodes answer reads from what the owner published, a moment after it
  // acknowledged: a list that disagrees is asked again until --duration
  // has passed, and only then do its differences count.
  auto deadline = std::chrono::steady_clock::now() + o.duration;
  verify_report report;
  while (true) {
    auto listed = list_any(o, servers, error);
    if (!listed) {
      std::fprintf(stderr, "cdc-load: %s\n", error.c_str());
      return 1;
    }
    report = verify(*history, *listed);
    if (report.violations.empty() || std::chrono::steady_clock::now() >= deadline)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  for (const auto& w : report.warnings)
    print("warning", w);
  for (const auto& v : report.violations)
    print("violation", v);
  std::printf("%s\n", format_summary(report).c_str());
  std::fflush(stdout);
  return report.violations.empty() ? 0 : 1;
}

} // namespace cdc::load
