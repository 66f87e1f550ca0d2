#include "tools/load/runner.hpp"

#include <unistd.h>

#include <cstdio>
#include <thread>

#include "tools/load/connection.hpp"
#include "tools/load/feed_list.hpp"

namespace cdc::load {

progress_mode progress_for(const std::string& flag) {
  if (flag == "none")
    return progress_mode::none;
  if (flag == "plain")
    return progress_mode::plain;
  return ::isatty(STDERR_FILENO) ? progress_mode::live : progress_mode::plain;
}

namespace {

void show(progress_mode mode, const progress_view& v, bool last) {
  if (mode == progress_mode::none)
    return;
  auto text = format_progress(v);
  if (mode == progress_mode::live)
    std::fprintf(stderr, "\r%s\x1b[K%s", text.c_str(), last ? "\n" : "");
  else
    std::fprintf(stderr, "%s\n", text.c_str());
  std::fflush(stderr);
}

} // namespace

phase_result run_phase(const load_options& o, const server_set& servers, phase_plan plan, progress_mode mode) {
  net::io_context ioc{static_cast<int>(o.threads)};
  phase_state phase{ioc, servers.endpoints};
  for (const auto& s : o.servers)
    phase.host_headers.push_back(s.text());
  phase.history = plan.history;
  phase.setup = plan.setup;
  phase.timeout = o.timeout;
  phase.rate = plan.rate;
  if (plan.count)
    phase.budget = static_cast<std::int64_t>(std::min<std::uint64_t>(plan.count, INT64_MAX));
  phase.start = steady::now();
  if (plan.duration)
    phase.deadline = phase.start + *plan.duration;

  std::vector<recorder> recorders(plan.sources.size());
  phase.active = plan.sources.size();
  for (std::size_t i = 0; i < plan.sources.size(); ++i)
    std::make_shared<connection>(phase, plan.sources[i], recorders[i], i)->start();
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < o.threads; ++i)
    threads.emplace_back([&ioc] { ioc.run(); });

  phase_result out;
  progress_view view;
  view.phase = plan.label;
  view.goal = plan.goal;
  auto last = phase.start;
  auto tick = phase.start;
  bool done = plan.sources.empty();
  while (!done) {
    tick += o.interval;
    {
      std::unique_lock guard{phase.lock};
      done = phase.all_done.wait_until(guard, tick, [&] { return phase.active.load() == 0; });
    }
    auto now = steady::now();
    interval_stats interval;
    for (auto& r : recorders)
      r.drain_interval(interval);
    double length = std::chrono::duration<double>(now - last).count();
    double t = std::chrono::duration<double>(now - phase.start).count();
    // A last sliver of an interval says little; fold it into nothing.
    if (!done || length >= 0.05 * std::chrono::duration<double>(o.interval).count())
      out.timeline.push_back(make_row(t, length, interval));
    last = now;
    view.elapsed_s = t;
    view.requests += interval.requests;
    view.errors += interval.errors;
    view.last_rps = length > 0 ? static_cast<double>(interval.requests) / length : 0;
    view.last_p50_ms = static_cast<double>(interval.latency.quantile(0.5)) / 1000.0;
    view.last_p99_ms = static_cast<double>(interval.latency.quantile(0.99)) / 1000.0;
    show(mode, view, done);
  }
  for (auto& t : threads)
    t.join();
  out.elapsed_s = std::chrono::duration<double>(steady::now() - phase.start).count();
  for (auto& r : recorders)
    r.add_totals(out.all);
  return out;
}

std::optional<server_set> reach(const load_options& o, std::string& error) {
  net::io_context ioc;
  tcp::resolver resolver{ioc};
  server_set out;
  std::optional<std::size_t> live;
  std::string refused;
  for (const auto& s : o.servers) {
    beast::error_code ec;
    auto found = resolver.resolve(s.host, std::to_string(s.port), ec);
    if (ec || found.empty()) {
      error = "cannot resolve " + s.host + ": " + ec.message();
      return std::nullopt;
    }
    out.endpoints.push_back(found.begin()->endpoint());
    tcp::socket probe{ioc};
    probe.connect(out.endpoints.back(), ec);
    if (!ec && !live)
      live = out.endpoints.size() - 1;
    else if (ec)
      refused += (refused.empty() ? "" : "; ") + ("cannot connect to " + s.text() + ": " + ec.message());
  }
  if (!live) {
    error = refused;
    return std::nullopt;
  }
  if (!refused.empty())
    std::fprintf(stderr, "cdc-load: %s (its connections move on to the next node)\n", refused.c_str());
  out.live = *live;
  return out;
}

std::optional<std::pair<unsigned, std::string>> fetch(const tcp::endpoint& ep, const std::string& target,
                                                       std::string& error) {
  try {
    net::io_context ioc;
    beast::tcp_stream stream{ioc};
    stream.connect(ep);
    bhttp::request<bhttp::empty_body> req{bhttp::verb::get, target, 11};
    req.set(bhttp::field::host, ep.address().to_string() + ":" + std::to_string(ep.port()));
    req.keep_alive(false);
    bhttp::write(stream, req);
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(std::uint64_t{1} << 30);
    bhttp::read(stream, buffer, parser);
    return std::pair{parser.get().result_int(), std::move(parser.get().body())};
  } catch (const std::exception& e) {
    error = "GET " + target + " failed: " + e.what();
    return std::nullopt;
  }
}

std::optional<std::map<std::string, std::string>> listed_feeds(const tcp::endpoint& ep, std::string& error) {
  auto answer = fetch(ep, list_all_target, error);
  if (!answer)
    return std::nullopt;
  if (answer->first != 200) {
    error = "listing changefeeds answered " + std::to_string(answer->first) + ": " + answer->second;
    return std::nullopt;
  }
  auto feeds = parse_feed_list(answer->second);
  if (!feeds)
    error = "listing changefeeds answered no list: " + answer->second;
  return feeds;
}

} // namespace cdc::load
