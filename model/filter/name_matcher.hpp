// One compiled schema, table or column pattern of TiDB's filter syntax: `*`,
// a literal, a wildcard or a regex, matched without allocating.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/filter/go_regex.hpp"

namespace cdc::model::filter {

/// Lower-cases ASCII letters only.
std::string ascii_lower(std::string_view text);

/// True if every byte is ASCII.
bool is_ascii(std::string_view text) noexcept;

class name_matcher {
public:
  /// One unit of a wildcard: a literal byte (0..255), any one character, or
  /// any run of characters.
  enum : std::int16_t { any_char = -1, any_run = -2 };
  using glob_units = std::vector<std::int16_t>;

  /// `*` alone: matches every name (TiDB's trueMatcher).
  static name_matcher any();
  /// Exact text; `fold` compares case-insensitively.
  static name_matcher literal(std::string text, bool fold);
  /// `*` and `?` over literal bytes; `?` is one UTF-8 character, as in RE2.
  static name_matcher glob(glob_units units, bool fold);
  /// A compiled regex (already carrying `(?i)` when folding).
  static name_matcher regex(go_regex re);

  bool match(std::string_view name) const noexcept;

  /// True only for `*` (decides TiDB's MatchSchema for negative rules).
  bool matches_all() const noexcept { return kind_ == kind::any; }

private:
  enum class kind : std::uint8_t { any, literal, glob, regex };
  name_matcher() = default;

  kind kind_ = kind::any;
  bool fold_ = false;
  std::string text_;
  glob_units units_;
  std::optional<go_regex> re_;
};

} // namespace cdc::model::filter
