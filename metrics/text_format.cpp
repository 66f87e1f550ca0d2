#include "metrics/text_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace cdc::metrics {

namespace {

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;

void append_number(std::string& out, double v) {
  if (std::isnan(v)) {
    out += "NaN";
  } else if (std::isinf(v)) {
    out += v > 0 ? "+Inf" : "-Inf";
  } else {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, ec == std::errc{} ? end : buf);
  }
}

void append_number(std::string& out, std::uint64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

/// Label values escape backslash, quote and newline; HELP text backslash
/// and newline only (the format's rules).
void append_escaped(std::string& out, std::string_view text, bool quotes) {
  if (text.find_first_of(quotes ? "\\\n\"" : "\\\n") == std::string_view::npos) {
    out += text; // the usual case: nothing to escape
    return;
  }
  for (char c : text) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (c == '"' && quotes)
      out += "\\\"";
    else
      out += c;
  }
}

/// `name{labels[,le="bound"]}` followed by a space.
void append_series(std::string& out, std::string_view name, std::string_view suffix, const ClientMetric& m,
                   const double* le = nullptr) {
  out += name;
  out += suffix;
  if (!m.label.empty() || le) {
    out += '{';
    bool first = true;
    for (const auto& l : m.label) {
      if (!first)
        out += ',';
      first = false;
      out += l.name;
      out += "=\"";
      append_escaped(out, l.value, true);
      out += '"';
    }
    if (le) {
      out += first ? "le=\"" : ",le=\"";
      append_number(out, *le);
      out += '"';
    }
    out += '}';
  }
  out += ' ';
}

const char* type_name(MetricType t) {
  switch (t) {
    case MetricType::Counter: return "counter";
    case MetricType::Gauge: return "gauge";
    case MetricType::Histogram: return "histogram";
    case MetricType::Summary: return "summary";
    default: return "untyped";
  }
}

void append_metric(std::string& out, const MetricFamily& f, const ClientMetric& m) {
  switch (f.type) {
    case MetricType::Counter:
      append_series(out, f.name, "", m);
      append_number(out, m.counter.value);
      out += '\n';
      break;
    case MetricType::Gauge:
      append_series(out, f.name, "", m);
      append_number(out, m.gauge.value);
      out += '\n';
      break;
    case MetricType::Histogram:
      append_series(out, f.name, "_count", m);
      append_number(out, m.histogram.sample_count);
      out += '\n';
      append_series(out, f.name, "_sum", m);
      append_number(out, m.histogram.sample_sum);
      out += '\n';
      for (const auto& b : m.histogram.bucket) {
        append_series(out, f.name, "_bucket", m, &b.upper_bound);
        append_number(out, b.cumulative_count);
        out += '\n';
      }
      break;
    default: // our collectors make no summaries
      append_series(out, f.name, "", m);
      append_number(out, m.untyped.value);
      out += '\n';
  }
}

} // namespace

std::string text_format(const std::vector<MetricFamily>& families) {
  std::size_t series = 0;
  for (const auto& f : families)
    series += f.metric.size() * (f.type == MetricType::Histogram ? 20 : 1);
  std::string out;
  out.reserve(series * 96);
  for (const auto& f : families) {
    out += "# HELP ";
    out += f.name;
    out += ' ';
    append_escaped(out, f.help, false);
    out += "\n# TYPE ";
    out += f.name;
    out += ' ';
    out += type_name(f.type);
    out += '\n';
    for (const auto& m : f.metric)
      append_metric(out, f, m);
  }
  return out;
}

} // namespace cdc::metrics
