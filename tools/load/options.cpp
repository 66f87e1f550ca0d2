#include "tools/load/options.hpp"

#include <charconv>
#include <cmath>

#include "model/duration.hpp"

namespace cdc::load {

const char* load_usage = R"(Usage: cdc-load SCENARIO [N] [flags]

Drives a running cdc server over keep-alive HTTP connections and reports
throughput, latency percentiles and errors.

Scenarios:
  create N      create N changefeeds (PREFIX-0 ... PREFIX-(N-1)), then stop
  churn         cycles pause, update, resume, remove, create on the feeds
                (each connection owns its own feeds, so the steps are valid)
  read          GET status, list, one changefeed, processors (see --mix)
  mixed         reads and churn steps, blended by --mix
  verify        checks a churn/mixed --history against the server's list:
                no acknowledged create, pause, update, resume or remove may
                be lost (exit 1 and each violation printed when one is)
  churn, read and mixed first create whichever of their --feeds are missing.

Flags:
  --addr=HOST:PORT      the server (default 127.0.0.1:8300); repeat it or give
                        a comma-separated list for a cluster: connections go
                        round-robin over the nodes, and one whose node is gone
                        backs off and moves on to the next
  -c, --concurrency=N   connections, one request in flight each (default 16)
  -d, --duration=DUR    how long churn/read/mixed run, e.g. 30s, 2m (default 10s);
                        verify: how long it re-lists while the list disagrees,
                        as nodes publish a moment after the owner (default 5s)
  -n, --count=N         stop after N requests (with --duration: whichever first)
  -r, --rate=R          at most R requests/s over all connections (default: no limit)
  --sink-uri=URI        sink of created changefeeds (default blackhole://)
  --config=FILE         JSON object sent as every create's replica_config
  --prefix=STR          changefeed ID prefix (default load)
  --feeds=N             changefeeds churn/read/mixed work on (default: one per connection)
  --mix=SPEC            weights, e.g. status:1,list:1,get:4,processors:1,churn:2
                        (read default: status:1,list:1,get:4,processors:1;
                         mixed default adds churn:2)
  --json=FILE           write the summary as JSON
  --plot=FILE.png       draw latency and throughput over time (needs gnuplot)
  --history=FILE        churn/mixed: write one JSON line per churn step sent
                        (feed, op, outcome ok/refused/unknown, node, order);
                        verify: the history to check (required)
  --interval=DUR        progress and timeline period (default 1s)
  --threads=N           client I/O threads (default 1)
  --timeout=DUR         per-request timeout (default 30s)
  --seed=N              random seed (default 1)
  --fail-on-error       exit 1 when any request failed
  --progress=MODE       auto (live line on a terminal, plain lines otherwise), plain, none

Exit status: 0 when the run completed, 1 when it could not run (or failed
with --fail-on-error), 2 on a usage error.
)";

namespace {

bool parse_uint(const std::string& text, std::uint64_t max, std::uint64_t& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && ec == std::errc{} && ptr == text.data() + text.size() && out <= max;
}

bool parse_duration(const std::string& name, const std::string& text, bool allow_zero,
                    std::chrono::milliseconds& out, std::string& error) {
  auto d = model::parse_go_duration(text);
  if (!d || d->count() < 0 || (!allow_zero && d->count() == 0)) {
    error = "--" + name + " must be a duration like 10s, 500ms or 2m, got '" + text + "'";
    return false;
  }
  out = std::chrono::duration_cast<std::chrono::milliseconds>(*d);
  if (!allow_zero && out.count() == 0)
    out = std::chrono::milliseconds(1);
  return true;
}

bool parse_one_addr(std::string text, server_address& out, std::string& error) {
  if (text.starts_with("http://"))
    text = text.substr(7);
  while (!text.empty() && text.back() == '/')
    text.pop_back();
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    error = "--addr must be HOST:PORT, got '" + text + "'";
    return false;
  }
  auto host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  std::uint64_t port = 0;
  if (!parse_uint(text.substr(colon + 1), 65535, port) || port == 0) {
    error = "--addr has an invalid port in '" + text + "'";
    return false;
  }
  out.host = host == "localhost" ? "127.0.0.1" : host;
  out.port = static_cast<std::uint16_t>(port);
  return true;
}

/// The first --addr replaces the default; later ones (and every item of a
/// comma-separated list) add nodes.
bool parse_addr(const std::string& text, load_options& o, std::string& error) {
  if (!o.addr_given)
    o.servers.clear();
  o.addr_given = true;
  std::size_t from = 0;
  while (true) {
    auto comma = text.find(',', from);
    server_address a;
    if (!parse_one_addr(text.substr(from, comma == std::string::npos ? comma : comma - from), a, error))
      return false;
    o.servers.push_back(std::move(a));
    if (comma == std::string::npos)
      return true;
    from = comma + 1;
  }
}

/// Applies one --name=value; false with `error` set when it is not valid.
bool apply_flag(const std::string& name, const std::string& value, load_options& o, std::string& error) {
  std::uint64_t n = 0;
  auto number = [&](std::uint64_t min, std::uint64_t max) {
    if (parse_uint(value, max, n) && n >= min)
      return true;
    error = "--" + name + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max)
            + ", got '" + value + "'";
    return false;
  };
  if (name == "addr")
    return parse_addr(value, o, error);
  if (name == "concurrency") {
    if (!number(1, 10'000))
      return false;
    o.concurrency = n;
  } else if (name == "duration") {
    o.duration_given = true;
    return parse_duration("duration", value, false, o.duration, error);
  } else if (name == "count") {
    if (!number(1, UINT64_MAX))
      return false;
    o.count = n;
  } else if (name == "rate") {
    char* end = nullptr;
    double r = std::strtod(value.c_str(), &end);
    if (value.empty() || end != value.c_str() + value.size() || !std::isfinite(r) || r <= 0) {
      error = "--rate must be a positive number of requests per second, got '" + value + "'";
      return false;
    }
    o.rate = r;
  } else if (name == "sink-uri") {
    o.sink_uri = value;
  } else if (name == "config") {
    o.config_file = value;
  } else if (name == "prefix") {
    if (value.empty()) {
      error = "--prefix must not be empty";
      return false;
    }
    o.prefix = value;
  } else if (name == "feeds") {
    if (!number(1, 10'000'000))
      return false;
    o.feeds = n;
  } else if (name == "mix") {
    auto mix = parse_mix(value, error);
    if (!mix)
      return false;
    o.mix = std::move(*mix);
    o.mix_given = true;
  } else if (name == "json") {
    o.json_file = value;
  } else if (name == "plot") {
    o.plot_file = value;
  } else if (name == "history") {
    o.history_file = value;
  } else if (name == "interval") {
    return parse_duration("interval", value, false, o.interval, error);
  } else if (name == "threads") {
    if (!number(1, 64))
      return false;
    o.threads = n;
  } else if (name == "timeout") {
    return parse_duration("timeout", value, false, o.timeout, error);
  } else if (name == "seed") {
    if (!number(0, UINT64_MAX))
      return false;
    o.seed = n;
  } else if (name == "progress") {
    if (value != "auto" && value != "plain" && value != "none") {
      error = "--progress must be auto, plain or none, got '" + value + "'";
      return false;
    }
    o.progress = value;
  } else {
    error = "unknown flag --" + name;
    return false;
  }
  return true;
}

bool is_switch(const std::string& name) { return name == "fail-on-error"; }

} // namespace

std::optional<load_options> parse_load_args(const std::vector<std::string>& args, std::string& error) {
  load_options o;
  std::vector<std::string> positional;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& arg = args[i];
    if (arg == "-h" || arg == "--help") {
      error = "help";
      return std::nullopt;
    }
    std::string name, value;
    if (arg.starts_with("--")) {
      name = arg.substr(2);
    } else if (arg == "-c" || arg == "-d" || arg == "-n" || arg == "-r") {
      name = arg[1] == 'c' ? "concurrency" : arg[1] == 'd' ? "duration" : arg[1] == 'n' ? "count" : "rate";
    } else if (arg.starts_with("-") && arg.size() > 1) {
      error = "unknown flag " + arg;
      return std::nullopt;
    } else {
      positional.push_back(arg);
      continue;
    }
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    } else if (is_switch(name)) {
      o.fail_on_error = true;
      continue;
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      error = "flag " + arg + " needs a value";
      return std::nullopt;
    }
    if (!apply_flag(name, value, o, error))
      return std::nullopt;
  }
  if (positional.empty()) {
    error = "a scenario is needed: create N, churn, read, mixed or verify";
    return std::nullopt;
  }
  auto kind = scenario_from(positional[0]);
  if (!kind) {
    error = "unknown scenario '" + positional[0] + "' (create N, churn, read, mixed, verify)";
    return std::nullopt;
  }
  o.kind = *kind;
  std::size_t expected = 1;
  if (o.kind == scenario::create) {
    expected = 2;
    if (positional.size() < 2 || !parse_uint(positional[1], 10'000'000, o.create_count) || o.create_count == 0) {
      error = "create needs the number of changefeeds, e.g. `cdc-load create 10000`";
      return std::nullopt;
    }
  }
  if (positional.size() > expected) {
    error = "unexpected argument '" + positional[expected] + "'";
    return std::nullopt;
  }
  if (!o.mix_given)
    o.mix = default_mix(o.kind);
  else if (o.kind != scenario::read && o.kind != scenario::mixed) {
    error = "--mix applies to read and mixed only";
    return std::nullopt;
  } else if (o.kind == scenario::read && o.mix.has(pick::churn)) {
    error = "--mix: churn is not a read; use the mixed scenario";
    return std::nullopt;
  }
  if (o.kind == scenario::create && (o.duration_given || o.count)) {
    error = "create runs until N changefeeds are made; --duration and --count do not apply";
    return std::nullopt;
  }
  if (!o.history_file.empty() && o.kind != scenario::churn && o.kind != scenario::mixed
      && o.kind != scenario::verify) {
    error = "--history records churn steps: it applies to churn, mixed and verify";
    return std::nullopt;
  }
  if (o.kind == scenario::verify) {
    if (o.history_file.empty()) {
      error = "verify needs the --history=FILE a churn or mixed run wrote";
      return std::nullopt;
    }
    if (!o.duration_given)
      o.duration = std::chrono::seconds(5);
  }
  return o;
}

} // namespace cdc::load
