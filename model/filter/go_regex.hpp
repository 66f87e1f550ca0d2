// A compiled regular expression with Go's (RE2) syntax and error texts, the
// dialect TiDB's table filter and TiCDC's ignore_sql rules are written in.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace cdc::model::filter {

/// Immutable and cheap to copy (the compiled program is shared), safe to use
/// from many threads at once.
class go_regex {
public:
  /// Compiles `pattern`; on failure returns nullopt and, if `error` is given,
  /// stores Go's message, e.g. "error parsing regexp: missing closing ]: `[^]`".
  static std::optional<go_regex> compile(std::string_view pattern,
                                         std::string* error = nullptr);

  /// Go's MatchString: does the pattern match anywhere in `text`?
  bool search(std::string_view text) const noexcept;

  /// The length of the match that starts at text[0] (Go's FindStringIndex on
  /// a `^`-anchored pattern), or nullopt when there is none.
  std::optional<std::size_t> prefix_match(std::string_view text) const noexcept;

  /// The source pattern.
  const std::string& pattern() const noexcept;

private:
  explicit go_regex(std::shared_ptr<const re2::RE2> re) : re_(std::move(re)) {}
  std::shared_ptr<const re2::RE2> re_;
};

/// Escapes every regex metacharacter of `literal` (Go's regexp.QuoteMeta).
std::string quote_meta(std::string_view literal);

} // namespace cdc::model::filter
