// Matching for name_matcher: literals and `*`/`?` wildcards by hand (the hot
// path of every row), everything else through RE2.
#include "model/filter/name_matcher.hpp"

namespace cdc::model::filter {

namespace {

constexpr unsigned char lower(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
}

// Bytes of the UTF-8 character starting at name[pos]; a stray byte counts as
// one character, as RE2 counts an invalid byte.
std::size_t char_length(std::string_view name, std::size_t pos) noexcept {
  auto lead = static_cast<unsigned char>(name[pos]);
  std::size_t len = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF8 ? 4 : 1;
  return std::min(len, name.size() - pos);
}

bool same_byte(std::int16_t unit, char c, bool fold) noexcept {
  auto b = static_cast<unsigned char>(c);
  return unit == b || (fold && unit == lower(b));
}

// Classic wildcard matching with one remembered `*`: a later `*` can absorb
// anything an earlier one could, so only the last one is ever re-expanded.
bool glob_match(const name_matcher::glob_units& units, std::string_view name,
                bool fold) noexcept {
  std::size_t i = 0, j = 0;
  std::size_t star = units.size(), mark = 0;
  while (j < name.size()) {
    if (i < units.size() && units[i] == name_matcher::any_char) {
      j += char_length(name, j);
      ++i;
    } else if (i < units.size() && units[i] >= 0 && same_byte(units[i], name[j], fold)) {
      ++i;
      ++j;
    } else if (i < units.size() && units[i] == name_matcher::any_run) {
      star = i++;
      mark = j;
    } else if (star != units.size()) {
      i = star + 1;
      mark += char_length(name, mark);
      j = mark;
    } else {
      return false;
    }
  }
  while (i < units.size() && units[i] == name_matcher::any_run)
    ++i;
  return i == units.size();
}

bool literal_match(std::string_view pattern, std::string_view name, bool fold) noexcept {
  if (pattern.size() != name.size())
    return false;
  if (!fold)
    return pattern == name;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (static_cast<unsigned char>(pattern[i]) != lower(static_cast<unsigned char>(name[i])))
      return false;
  return true;
}

} // namespace

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    c = static_cast<char>(lower(static_cast<unsigned char>(c)));
  return out;
}

bool is_ascii(std::string_view text) noexcept {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80)
      return false;
  return true;
}

name_matcher name_matcher::any() {
  return name_matcher{};
}

name_matcher name_matcher::literal(std::string text, bool fold) {
  // Non-ASCII letters have case too (TiDB lower-cases with Unicode rules);
  // RE2's case folding knows them, our byte compare does not. Text that is
  // not UTF-8 has no letters beyond ASCII (and RE2 refuses it): its bytes
  // are compared, ASCII folded.
  if (fold && !is_ascii(text))
    if (auto re = go_regex::compile("(?i)(?s)^" + quote_meta(text) + "$"))
      return regex(std::move(*re));
  name_matcher m;
  m.kind_ = kind::literal;
  m.fold_ = fold;
  m.text_ = fold ? ascii_lower(text) : std::move(text);
  return m;
}

name_matcher name_matcher::glob(glob_units units, bool fold) {
  name_matcher m;
  m.kind_ = kind::glob;
  m.fold_ = fold;
  if (fold)
    for (auto& u : units)
      if (u >= 0)
        u = lower(static_cast<unsigned char>(u));
  m.units_ = std::move(units);
  return m;
}

name_matcher name_matcher::regex(go_regex re) {
  name_matcher m;
  m.kind_ = kind::regex;
  m.re_ = std::move(re);
  return m;
}

bool name_matcher::match(std::string_view name) const noexcept {
  switch (kind_) {
  case kind::any: return true;
  case kind::literal: return literal_match(text_, name, fold_);
  case kind::glob: return glob_match(units_, name, fold_);
  case kind::regex: return re_->search(name);
  }
  return false;
}

} // namespace cdc::model::filter
