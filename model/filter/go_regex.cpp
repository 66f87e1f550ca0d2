// RE2 behind go_regex: Go's regexp package is a port of RE2, so the syntax and
// the leftmost-first match semantics are the same; only the error texts differ.
#include "model/filter/go_regex.hpp"

#include <re2/re2.h>

namespace cdc::model::filter {

namespace {

// Go's syntax.ErrorCode strings for RE2's codes, so messages read as TiDB's.
std::string_view go_error_text(re2::RE2::ErrorCode code) {
  switch (code) {
  case re2::RE2::ErrorBadEscape: return "invalid escape sequence";
  case re2::RE2::ErrorBadCharClass: return "invalid character class";
  case re2::RE2::ErrorBadCharRange: return "invalid character class range";
  case re2::RE2::ErrorMissingBracket: return "missing closing ]";
  case re2::RE2::ErrorMissingParen: return "missing closing )";
  case re2::RE2::ErrorUnexpectedParen: return "unexpected )";
  case re2::RE2::ErrorTrailingBackslash: return "trailing backslash at end of expression";
  case re2::RE2::ErrorRepeatArgument: return "missing argument to repetition operator";
  case re2::RE2::ErrorRepeatSize: return "invalid repeat count";
  case re2::RE2::ErrorRepeatOp: return "invalid nested repetition operator";
  case re2::RE2::ErrorBadPerlOp: return "invalid or unsupported Perl syntax";
  case re2::RE2::ErrorBadUTF8: return "invalid UTF-8";
  case re2::RE2::ErrorBadNamedCapture: return "invalid named capture group";
  case re2::RE2::ErrorPatternTooLarge: return "expression too large";
  default: return "unexpected error";
  }
}

re2::RE2::Options go_options() {
  re2::RE2::Options options;
  options.set_log_errors(false);  // errors are returned, never printed
  options.set_never_capture(true); // only match/no-match is ever asked
  return options;
}

} // namespace

std::optional<go_regex> go_regex::compile(std::string_view pattern, std::string* error) {
  auto re = std::make_shared<const re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()),
                                             go_options());
  if (!re->ok()) {
    if (error) {
      *error = "error parsing regexp: ";
      *error += go_error_text(re->error_code());
      *error += ": `";
      *error += re->error_arg();
      *error += '`';
    }
    return std::nullopt;
  }
  return go_regex(std::move(re));
}

bool go_regex::search(std::string_view text) const noexcept {
  return re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

std::optional<std::size_t> go_regex::prefix_match(std::string_view text) const noexcept {
  re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece match;
  if (!re_->Match(whole, 0, whole.size(), re2::RE2::ANCHOR_START, &match, 1))
    return std::nullopt;
  return match.size();
}

const std::string& go_regex::pattern() const noexcept {
  return re_->pattern();
}

std::string quote_meta(std::string_view literal) {
  // Go's QuoteMeta escapes exactly these; RE2's own QuoteMeta escapes more
  // (every non-word byte), which would be equivalent but harder to read.
  static constexpr std::string_view special = "\\.+*?()|[]{}^$";
  std::string out;
  out.reserve(literal.size() * 2);
  for (char c : literal) {
    if (special.find(c) != std::string_view::npos)
      out += '\\';
    out += c;
  }
  return out;
}

} // namespace cdc::model::filter
