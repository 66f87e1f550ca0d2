#include "tools/load/op_mix.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "tools/load/names.hpp"

namespace cdc::load {

namespace {

constexpr std::array<std::string_view, op_count> op_names{"create", "status", "list",   "get",   "processors",
                                                          "pause",  "update", "resume", "remove"};
constexpr std::array<std::string_view, 5> scenario_names{"create", "churn", "read", "mixed", "verify"};
constexpr std::array<std::string_view, 5> pick_names{"status", "list", "get", "processors", "churn"};

} // namespace

std::string_view to_string(op o) noexcept { return op_names[static_cast<std::size_t>(o)]; }
std::optional<op> op_from(std::string_view name) noexcept { return find_name<op>(op_names, name); }
std::string_view to_string(scenario s) noexcept { return scenario_names[static_cast<std::size_t>(s)]; }
std::optional<scenario> scenario_from(std::string_view name) noexcept {
  return find_name<scenario>(scenario_names, name);
}
std::string_view to_string(pick p) noexcept { return pick_names[static_cast<std::size_t>(p)]; }
std::optional<pick> pick_from(std::string_view name) noexcept { return find_name<pick>(pick_names, name); }

op_mix::op_mix(std::vector<mix_entry> entries) {
  for (const auto& e : entries) {
    if (e.weight == 0)
      continue;
    entries_.push_back(e);
    total_ += e.weight;
    bounds_.push_back(total_);
  }
}

pick op_mix::choose(std::uint64_t r) const noexcept {
  if (total_ == 0)
    return pick::status;
  r %= total_;
  auto it = std::upper_bound(bounds_.begin(), bounds_.end(), r);
  return entries_[static_cast<std::size_t>(it - bounds_.begin())].what;
}

bool op_mix::has(pick p) const noexcept {
  return std::any_of(entries_.begin(), entries_.end(), [p](const mix_entry& e) { return e.what == p; });
}

std::string op_mix::to_string() const {
  std::string out;
  for (const auto& e : entries_) {
    if (!out.empty())
      out += ',';
    out += load::to_string(e.what);
    out += ':';
    out += std::to_string(e.weight);
  }
  return out;
}

std::optional<op_mix> parse_mix(std::string_view text, std::string& error) {
  std::vector<mix_entry> entries;
  while (!text.empty()) {
    auto comma = text.find(',');
    auto item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    auto colon = item.find(':');
    auto name = item.substr(0, colon);
    auto what = pick_from(name);
    if (!what) {
      error = "--mix: unknown operation '" + std::string(name) + "' (status, list, get, processors, churn)";
      return std::nullopt;
    }
    std::uint32_t weight = 1;
    if (colon != std::string_view::npos) {
      auto w = item.substr(colon + 1);
      auto [ptr, ec] = std::from_chars(w.data(), w.data() + w.size(), weight);
      if (ec != std::errc{} || ptr != w.data() + w.size() || w.empty() || weight > 1'000'000) {
        error = "--mix: weight of '" + std::string(name) + "' must be a whole number from 0 to 1000000";
        return std::nullopt;
      }
    }
    if (std::any_of(entries.begin(), entries.end(), [&](const mix_entry& e) { return e.what == *what; })) {
      error = "--mix: '" + std::string(name) + "' is given twice";
      return std::nullopt;
    }
    entries.push_back({*what, weight});
  }
  op_mix mix{std::move(entries)};
  if (mix.total() == 0) {
    error = "--mix: at least one operation needs a weight above 0";
    return std::nullopt;
  }
  return mix;
}

op_mix default_mix(scenario s) {
  std::vector<mix_entry> e{{pick::status, 1}, {pick::list, 1}, {pick::get, 4}, {pick::processors, 1}};
  if (s == scenario::mixed)
    e.push_back({pick::churn, 2});
  if (s == scenario::churn)
    e = {{pick::churn, 1}};
  return op_mix{std::move(e)};
}

} // namespace cdc::load
