#include "tools/load/stats.hpp"

namespace cdc::load {

std::string_view extract_error_code(std::string_view body) noexcept {
  constexpr std::string_view key = "\"error_code\"";
  auto at = body.find(key);
  if (at == std::string_view::npos)
    return {};
  auto rest = body.substr(at + key.size());
  auto skip_space = [&] {
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t' || rest.front() == '\n' || rest.front() == '\r'))
      rest.remove_prefix(1);
  };
  skip_space();
  if (rest.empty() || rest.front() != ':')
    return {};
  rest.remove_prefix(1);
  skip_space();
  if (rest.empty() || rest.front() != '"')
    return {};
  rest.remove_prefix(1);
  auto end = rest.find('"');
  if (end == std::string_view::npos)
    return {};
  return rest.substr(0, end);
}

void totals::add(const outcome& o) {
  ++requests;
  latency.record(o.latency);
  auto& per = by_op[static_cast<std::size_t>(o.kind)];
  ++per.requests;
  if (!per.latency)
    per.latency = std::make_unique<histogram>();
  per.latency->record(o.latency);
  if (!o.failed())
    return;
  ++errors;
  ++per.errors;
  ++errors_by_status[o.status == 0 ? std::string("transport") : std::to_string(o.status)];
  ++errors_by_code[o.error_code.empty() ? std::string("(none)") : std::string(o.error_code)];
}

void totals::merge(const totals& other) {
  requests += other.requests;
  errors += other.errors;
  latency.merge(other.latency);
  for (std::size_t i = 0; i < op_count; ++i) {
    const auto& from = other.by_op[i];
    auto& to = by_op[i];
    to.requests += from.requests;
    to.errors += from.errors;
    if (from.latency) {
      if (!to.latency)
        to.latency = std::make_unique<histogram>();
      to.latency->merge(*from.latency);
    }
  }
  for (const auto& [k, v] : other.errors_by_status)
    errors_by_status[k] += v;
  for (const auto& [k, v] : other.errors_by_code)
    errors_by_code[k] += v;
}

void interval_stats::merge(const interval_stats& other) {
  requests += other.requests;
  errors += other.errors;
  latency.merge(other.latency);
}

void recorder::record(const outcome& o) {
  std::lock_guard guard{lock_};
  total_.add(o);
  ++interval_.requests;
  if (o.failed())
    ++interval_.errors;
  interval_.latency.record(o.latency);
}

void recorder::drain_interval(interval_stats& into) {
  std::lock_guard guard{lock_};
  into.merge(interval_);
  interval_.requests = 0;
  interval_.errors = 0;
  interval_.latency.reset();
}

void recorder::add_totals(totals& into) const {
  std::lock_guard guard{lock_};
  into.merge(total_);
}

} // namespace cdc::load
