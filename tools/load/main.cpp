// `cdc-load`: drives a running cdc server over HTTP (create N, churn, read,
// mixed) and reports throughput, latency percentiles and errors.
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "tools/load/options.hpp"
#include "tools/load/plot.hpp"
#include "tools/load/report.hpp"
#include "tools/load/runner.hpp"

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

/// Indices in [0, feeds) whose changefeed PREFIX-i does not exist yet.
std::optional<std::vector<std::uint64_t>> missing_feeds(const load_options& o, const tcp::endpoint& ep,
                                                        std::string& error) {
  auto answer = fetch(ep, "/api/v2/changefeeds?state=all", error);
  if (!answer)
    return std::nullopt;
  if (answer->first != 200) {
    error = "listing changefeeds answered " + std::to_string(answer->first) + ": " + answer->second;
    return std::nullopt;
  }
  std::set<std::uint64_t> present;
  boost::system::error_code ec;
  auto v = boost::json::parse(answer->second, ec);
  auto prefix = o.prefix + "-";
  if (!ec && v.is_object())
    if (auto* items = v.as_object().if_contains("items"); items && items->is_array())
      for (const auto& it : items->as_array()) {
        const auto* id = it.is_object() ? it.as_object().if_contains("id") : nullptr;
        if (!id || !id->is_string())
          continue;
        std::string_view s = id->as_string();
        if (!s.starts_with(prefix))
          continue;
        try {
          std::size_t used = 0;
          auto n = std::stoull(std::string(s.substr(prefix.size())), &used);
          if (used == s.size() - prefix.size())
            present.insert(n);
        } catch (const std::exception&) {
        }
      }
  std::vector<std::uint64_t> missing;
  for (std::uint64_t i = 0; i < o.feed_count(); ++i)
    if (!present.count(i))
      missing.push_back(i);
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
  auto ep = reach(o, error);
  if (!ep) {
    std::fprintf(stderr, "cdc-load: %s\n", error.c_str());
    return 1;
  }
  auto builder = std::make_shared<const request_builder>(o.prefix, o.sink_uri, config_json);
  auto mode = progress_for(o.progress);

  phase_plan plan;
  plan.label = std::string(to_string(o.kind));
  plan.rate = o.rate;
  if (o.kind == scenario::create) {
    plan.sources = creators(o, builder, o.create_count, nullptr);
    plan.goal = o.create_count;
  } else {
    auto missing = missing_feeds(o, *ep, error);
    if (!missing) {
      std::fprintf(stderr, "cdc-load: %s\n", error.c_str());
      return 1;
    }
    if (!missing->empty()) {
      phase_plan setup;
      setup.label = "setup";
      setup.goal = missing->size();
      auto n = missing->size();
      setup.sources = creators(o, builder, n, std::make_shared<const std::vector<std::uint64_t>>(std::move(*missing)));
      auto made = run_phase(o, *ep, std::move(setup), mode);
      if (made.all.errors)
        std::fprintf(stderr, "cdc-load: setup: %llu of %llu creates failed\n",
                     static_cast<unsigned long long>(made.all.errors), static_cast<unsigned long long>(n));
    }
    for (std::size_t i = 0; i < o.concurrency; ++i)
      plan.sources.push_back(request_source::mixing(builder, o.mix, o.feed_count(), i, o.concurrency, o.seed));
    plan.duration = o.duration;
    plan.count = o.count;
    if (o.count && !o.duration_given)
      plan.duration.reset(); // --count alone: run until that many are done
  }
  auto result = run_phase(o, *ep, std::move(plan), mode);
  auto s = make_summary(std::string(to_string(o.kind)), o.host + ":" + std::to_string(o.port), o.concurrency, o.rate,
                        result.elapsed_s, result.all, std::move(result.timeline));
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
