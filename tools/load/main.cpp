// `cdc-load`: drives a running cdc server over HTTP (create N, churn, read,
// mixed) and reports throughput, latency percentiles and errors; `verify`
// checks a churn history against what the server lists.
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "tools/load/history_log.hpp"
#include "tools/load/options.hpp"
#include "tools/load/plot.hpp"
#include "tools/load/report.hpp"
#include "tools/load/runner.hpp"
#include "tools/load/verify_run.hpp"

namespace {

using namespace cdc::load;
using tcp = boost::asio::ip::tcp;

bool read_config(const std::string& file, std::string& json, std::string& error) {
  std::ifstream in(file);
  if (!in) {
    error = "cannot read --config " + file;
    return false;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) {
    error = "--config " + file + " must hold a JSON object (a replica_config)";
    return false;
  }
  json = boost::json::serialize(v);
  return true;
}

/// Indices in [0, feeds) whose changefeed PREFIX-i is not in `listed`; with
/// a history, records where each feed starts (its state, or absent).
std::vector<std::uint64_t> missing_feeds(const load_options& o, const request_builder& b,
                                         const std::map<std::string, std::string>& listed, const std::string& node,
                                         history_log* history) {
  std::vector<std::uint64_t> missing;
  for (std::uint64_t i = 0; i < o.feed_count(); ++i) {
    auto id = b.feed_id(i);
    auto found = listed.find(id);
    if (found == listed.end())
      missing.push_back(i);
    if (history) {
      history_entry seen;
      seen.feed = std::move(id);
      seen.state = found == listed.end() ? "" : found->second;
      seen.node = node;
      seen.setup = true;
      history->append(seen);
    }
  }
  return missing;
}

std::vector<request_source> creators(const load_options& o, std::shared_ptr<const request_builder> b,
                                     std::uint64_t n, std::shared_ptr<const std::vector<std::uint64_t>> indices) {
  auto counter = std::make_shared<create_counter>(n);
  std::vector<request_source> out;
  for (std::size_t i = 0; i < o.concurrency; ++i)
    out.push_back(request_source::creating(b, counter, indices));
  return out;
}

int run(const load_options& o) {
  std::string error;
  std::string config_json;
  if (!o.config_file.empty() && !read_config(o.config_file, config_json, error)) {
    std::fprintf(stderr, "cdc-load: %s\n", error.c_str());
    return 1;
  }
  auto servers = reach(o, error);
  if (!servers) {
    std::fprintf(stderr, "cdc-load: %s\n", error.c_str());
    return 1;
  }
  if (o.kind == scenario::verify)
    return run_verify(o, *servers);
  std::unique_ptr<history_log> history;
  if (!o.history_file.empty()) {
    history = std::make_unique<history_log>(o.history_file);
    if (!history->ok()) {
      std::fprintf(stderr, "cdc-load: cannot write --history %s\n", o.history_file.c_str());
      return 1;
    }
  }
  const auto& live = servers->endpoints[servers->live];
  auto builder = std::make_shared<const request_builder>(o.prefix, o.sink_uri, config_json);
  auto mode = progress_for(o.progress);

  phase_plan plan;
  plan.label = std::string(to_string(o.kind));
  plan.rate = o.rate;
  if (o.kind == scenario::create) {
    plan.sources = creators(o, builder, o.create_count, nullptr);
    plan.goal = o.create_count;
  } else {
    auto listed = listed_feeds(live, error);
    if (!listed) {
      std::fprintf(stderr, "cdc-load: %s\n", error.c_str());
      return 1;
    }
    auto missing = missing_feeds(o, *builder, *listed, o.servers[servers->live].text(), history.get());
    if (!missing.empty()) {
      phase_plan setup;
      setup.label = "setup";
      setup.goal = missing.size();
      setup.history = history.get();
      setup.setup = true;
      auto n = missing.size();
      setup.sources = creators(o, builder, n, std::make_shared<const std::vector<std::uint64_t>>(std::move(missing)));
      auto made = run_phase(o, *servers, std::move(setup), mode);
      if (made.all.errors)
        std::fprintf(stderr, "cdc-load: setup: %llu of %llu creates failed\n",
                     static_cast<unsigned long long>(made.all.errors), static_cast<unsigned long long>(n));
    }
    for (std::size_t i = 0; i < o.concurrency; ++i)
      plan.sources.push_back(request_source::mixing(builder, o.mix, o.feed_count(), i, o.concurrency, o.seed));
    plan.duration = o.duration;
    plan.count = o.count;
    plan.history = history.get();
    if (o.count && !o.duration_given)
      plan.duration.reset(); // --count alone: run until that many are done
  }
  auto result = run_phase(o, *servers, std::move(plan), mode);
  std::string target;
  for (const auto& server : o.servers)
    target += (target.empty() ? "" : ",") + server.text();
  auto s = make_summary(std::string(to_string(o.kind)), target, o.concurrency, o.rate, result.elapsed_s, result.all,
                        std::move(result.timeline));
  std::fputs(format_text(s).c_str(), stdout);
  std::fflush(stdout);
  int status = 0;
  if (!o.json_file.empty()) {
    std::ofstream out(o.json_file);
    if (!(out << boost::json::serialize(to_json(s)) << '\n')) {
      std::fprintf(stderr, "cdc-load: cannot write --json %s\n", o.json_file.c_str());
      status = 1;
    }
  }
  if (!o.plot_file.empty() && !draw_plot(s, o.plot_file, error)) {
    std::fprintf(stderr, "cdc-load: %s\n", error.c_str());
    status = 1;
  }
  if (history && !history->flush()) {
    std::fprintf(stderr, "cdc-load: cannot write --history %s\n", o.history_file.c_str());
    status = 1;
  }
  if (o.fail_on_error && s.errors)
    status = 1;
  return status;
}

} // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  std::string error;
  auto o = parse_load_args({argv + 1, argv + argc}, error);
  if (!o) {
    if (error == "help") {
      std::fputs(load_usage, stdout);
      return 0;
    }
    std::fprintf(stderr, "cdc-load: %s\n\n%s", error.c_str(), load_usage);
    return 2;
  }
  return run(*o);
}
