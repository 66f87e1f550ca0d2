// What cdc-load sends: the operations, the scenarios, and the weighted blend
// a read or mixed run draws its next request from (`--mix=get:4,list:1`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdc::load {

/// One kind of request.
enum class op : std::uint8_t { create, status, list, get, processors, pause, update, resume, remove };
inline constexpr std::size_t op_count = 9;

std::string_view to_string(op o) noexcept;
std::optional<op> op_from(std::string_view name) noexcept;

/// verify is no load: it checks a churn history against the server's list.
enum class scenario : std::uint8_t { create, churn, read, mixed, verify };

std::string_view to_string(scenario s) noexcept;
std::optional<scenario> scenario_from(std::string_view name) noexcept;

/// What a blend can draw: a read, or the next step of a churn cycle.
enum class pick : std::uint8_t { status, list, get, processors, churn };

std::string_view to_string(pick p) noexcept;
std::optional<pick> pick_from(std::string_view name) noexcept;

struct mix_entry {
  pick what = pick::get;
  std::uint32_t weight = 0;

  friend bool operator==(const mix_entry&, const mix_entry&) = default;
};

/// A weighted choice: entry i is drawn with probability weight_i / total.
class op_mix {
public:
  /// Entries of weight 0 are dropped; at least one must remain.
  explicit op_mix(std::vector<mix_entry> entries);

  /// The entry `r` falls in, for `r` uniform in [0, total()); larger `r`
  /// wrap around, so any 64-bit random number works.
  pick choose(std::uint64_t r) const noexcept;
  std::uint64_t total() const noexcept { return total_; }
  const std::vector<mix_entry>& entries() const noexcept { return entries_; }
  bool has(pick p) const noexcept;
  /// "status:1,get:4": the form parse_mix reads.
  std::string to_string() const;

private:
  std::vector<mix_entry> entries_;
  std::vector<std::uint64_t> bounds_; ///< running sums of the weights
  std::uint64_t total_ = 0;
};

/// Parses "name:weight,..." (names of `pick`; a name without ":w" weighs 1).
/// Returns nullopt with `error` set on an unknown name, a bad or repeated
/// weight, or when every weight is 0.
std::optional<op_mix> parse_mix(std::string_view text, std::string& error);

/// The blend a scenario uses when --mix is not given: read draws
/// status 1, list 1, get 4, processors 1; mixed adds churn 2.
op_mix default_mix(scenario s);

} // namespace cdc::load
