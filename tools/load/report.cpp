#include "tools/load/report.hpp"

#include <cstdio>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace cdc::load {

namespace {

double ms(std::uint64_t micros) { return static_cast<double>(micros) / 1000.0; }

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

/// Milliseconds with three significant digits where it matters.
std::string ms_text(double v) { return fixed(v, v < 10 ? 2 : v < 100 ? 1 : 0) + " ms"; }

boost::json::object latency_json(const latency_summary& l) {
  return {{"min", l.min_ms},   {"mean", l.mean_ms}, {"p50", l.p50_ms}, {"p90", l.p90_ms},
          {"p99", l.p99_ms},   {"p999", l.p999_ms}, {"max", l.max_ms}};
}

} // namespace

latency_summary latency_summary::of(const histogram& h) {
  return {ms(h.min()),           h.mean() / 1000.0,     ms(h.quantile(0.5)), ms(h.quantile(0.9)),
          ms(h.quantile(0.99)), ms(h.quantile(0.999)), ms(h.max())};
}

timeline_row make_row(double t_end_s, double length_s, const interval_stats& s) {
  timeline_row r;
  r.t_s = t_end_s;
  r.requests = s.requests;
  r.errors = s.errors;
  r.requests_per_second = length_s > 0 ? static_cast<double>(s.requests) / length_s : 0;
  r.p50_ms = ms(s.latency.quantile(0.5));
  r.p90_ms = ms(s.latency.quantile(0.9));
  r.p99_ms = ms(s.latency.quantile(0.99));
  r.max_ms = ms(s.latency.max());
  return r;
}

summary make_summary(std::string scenario, std::string target, std::size_t concurrency, double rate_limit,
                     double elapsed_s, const totals& t, std::vector<timeline_row> timeline) {
  summary s;
  s.scenario = std::move(scenario);
  s.target = std::move(target);
  s.concurrency = concurrency;
  s.rate_limit = rate_limit;
  s.elapsed_s = elapsed_s;
  s.requests = t.requests;
  s.errors = t.errors;
  s.requests_per_second = elapsed_s > 0 ? static_cast<double>(t.requests) / elapsed_s : 0;
  s.latency = latency_summary::of(t.latency);
  for (std::size_t i = 0; i < op_count; ++i) {
    const auto& per = t.by_op[i];
    if (per.requests == 0)
      continue;
    s.ops.push_back({static_cast<op>(i), per.requests, per.errors, latency_summary::of(*per.latency)});
  }
  s.errors_by_status = t.errors_by_status;
  s.errors_by_code = t.errors_by_code;
  s.timeline = std::move(timeline);
  return s;
}

std::string group_digits(std::uint64_t n) {
  auto digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0)
      out += ',';
    out += digits[i];
  }
  return out;
}

std::string format_text(const summary& s) {
  std::string out;
  auto line = [&](const std::string& l) { out += l + "\n"; };
  line("cdc-load " + s.scenario + " against " + s.target + ": " + std::to_string(s.concurrency) + " connections"
       + (s.rate_limit > 0 ? ", at most " + fixed(s.rate_limit, 0) + " requests/s" : ""));
  line("  requests     " + group_digits(s.requests) + " in " + fixed(s.elapsed_s, 2) + " s = "
       + fixed(s.requests_per_second, 1) + " requests/s");
  line("  errors       " + group_digits(s.errors));
  const auto& l = s.latency;
  line("  latency      p50 " + ms_text(l.p50_ms) + "  p90 " + ms_text(l.p90_ms) + "  p99 " + ms_text(l.p99_ms)
       + "  p999 " + ms_text(l.p999_ms) + "  max " + ms_text(l.max_ms) + "  (mean " + ms_text(l.mean_ms) + ")");
  if (s.ops.size() > 1 || (!s.ops.empty() && s.ops[0].errors)) {
    line("  by operation:");
    for (const auto& o : s.ops) {
      char buf[256];
      std::snprintf(buf, sizeof buf, "    %-11s %10s req %8s err   p50 %s  p99 %s  max %s",
                    std::string(to_string(o.kind)).c_str(), group_digits(o.requests).c_str(),
                    group_digits(o.errors).c_str(), ms_text(o.latency.p50_ms).c_str(),
                    ms_text(o.latency.p99_ms).c_str(), ms_text(o.latency.max_ms).c_str());
      line(buf);
    }
  }
  if (!s.errors_by_status.empty()) {
    std::string by;
    for (const auto& [k, v] : s.errors_by_status)
      by += (by.empty() ? "" : ", ") + k + ": " + group_digits(v);
    line("  errors by status      " + by);
    by.clear();
    for (const auto& [k, v] : s.errors_by_code)
      by += (by.empty() ? "" : ", ") + k + ": " + group_digits(v);
    line("  errors by error_code  " + by);
  }
  return out;
}

boost::json::value to_json(const summary& s) {
  boost::json::object o;
  o["scenario"] = s.scenario;
  o["target"] = s.target;
  o["concurrency"] = s.concurrency;
  o["rate_limit"] = s.rate_limit;
  o["elapsed_s"] = s.elapsed_s;
  o["requests"] = s.requests;
  o["errors"] = s.errors;
  o["requests_per_second"] = s.requests_per_second;
  o["latency_ms"] = latency_json(s.latency);
  boost::json::object ops;
  for (const auto& op : s.ops)
    ops[to_string(op.kind)] = {{"requests", op.requests}, {"errors", op.errors}, {"latency_ms", latency_json(op.latency)}};
  o["operations"] = std::move(ops);
  boost::json::object by_status, by_code;
  for (const auto& [k, v] : s.errors_by_status)
    by_status[k] = v;
  for (const auto& [k, v] : s.errors_by_code)
    by_code[k] = v;
  o["errors_by_status"] = std::move(by_status);
  o["errors_by_code"] = std::move(by_code);
  boost::json::array rows;
  for (const auto& r : s.timeline)
    rows.push_back({{"t_s", r.t_s},
                    {"requests", r.requests},
                    {"errors", r.errors},
                    {"requests_per_second", r.requests_per_second},
                    {"p50_ms", r.p50_ms},
                    {"p90_ms", r.p90_ms},
                    {"p99_ms", r.p99_ms},
                    {"max_ms", r.max_ms}});
  o["timeline"] = std::move(rows);
  return o;
}

std::string format_progress(const progress_view& v) {
  std::string out = v.phase + "  " + fixed(v.elapsed_s, 1) + "s  ";
  out += group_digits(v.requests);
  if (v.goal)
    out += "/" + group_digits(*v.goal);
  out += " req  " + fixed(v.last_rps, 0) + " req/s  p50 " + ms_text(v.last_p50_ms) + "  p99 " + ms_text(v.last_p99_ms)
         + "  errors " + group_digits(v.errors);
  return out;
}

} // namespace cdc::load
