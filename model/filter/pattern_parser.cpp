// The pattern grammar of TiDB's pkg/util/table-filter/parser.go, re-derived:
// regex `/.../`, quoted "..." or `...`, or a wildcard/literal of plain bytes.
#include "model/filter/pattern_parser.hpp"

namespace cdc::model::filter {

namespace {

// The four token shapes, written exactly as TiDB writes them so that the
// leftmost-first match (and so where a token ends) is the same.
const go_regex& regex_token() {
  static const go_regex re = *go_regex::compile(R"(^/(?:\\.|[^/])+/)");
  return re;
}
const go_regex& double_quoted_token() {
  static const go_regex re = *go_regex::compile(R"(^"(?:""|[^"])+")");
  return re;
}
const go_regex& back_quoted_token() {
  static const go_regex re = *go_regex::compile(R"(^`(?:``|[^`])+`)");
  return re;
}
const go_regex& class_token() {
  static const go_regex re = *go_regex::compile(R"(^\[!?(?:\\[^0-9a-zA-Z]|[^\\\]])+\])");
  return re;
}

// The source of the `*` pattern; TiDB turns it into a match-everything matcher.
constexpr std::string_view match_all_regex = "(?s)^.*$";

bool is_alnum(unsigned char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

pattern_parse failure(std::string message) {
  pattern_parse out;
  out.error = tidb_error(message);
  return out;
}

pattern_parse success(name_matcher m, std::string_view rest) {
  pattern_parse out;
  out.matcher = std::move(m);
  out.rest = rest;
  return out;
}

// A compiled regex matcher, or TiDB's "invalid pattern" error. Folding adds
// `(?i)` to the already valid source, as TiDB's toLower does.
pattern_parse regex_matcher(const std::string& source, std::string_view rest, bool fold) {
  if (source == match_all_regex)
    return success(name_matcher::any(), rest);
  std::string error;
  auto re = go_regex::compile(source, &error);
  if (!re)
    return failure("invalid pattern: " + error);
  if (fold)
    if (auto folded = go_regex::compile("(?i)" + source))
      re = std::move(folded);
  return success(name_matcher::regex(std::move(*re)), rest);
}

pattern_parse literal_matcher(std::string text, std::string_view rest, bool fold) {
  return success(name_matcher::literal(std::move(text), fold), rest);
}

std::string unquote(std::string_view inner, char quote) {
  std::string out;
  out.reserve(inner.size());
  for (std::size_t i = 0; i < inner.size(); ++i) {
    out += inner[i];
    if (inner[i] == quote && i + 1 < inner.size() && inner[i + 1] == quote)
      ++i;
  }
  return out;
}

pattern_parse parse_quoted(std::string_view line, const go_regex& token, bool fold) {
  auto len = token.prefix_match(line);
  if (!len)
    return failure("syntax error: incomplete quoted identifier");
  return literal_matcher(unquote(line.substr(1, *len - 2), line[0]), line.substr(*len), fold);
}

// Wildcards become the regex TiDB would build (so compile errors match its
// errors); plain `*`/`?` wildcards are then matched by hand instead.
pattern_parse parse_wildcard(std::string_view line, bool needs_dot, bool fold) {
  std::string literal;
  std::string source = "(?s)^";
  name_matcher::glob_units units;
  bool is_literal = true;
  bool needs_regex = false;  // a class, or an unescaped `$` (an anchor to RE2)
  std::size_t i = 0;
  while (i < line.size()) {
    auto c = static_cast<unsigned char>(line[i]);
    if (c == '\\') {
      if (i == line.size() - 1)
        return failure("syntax error: cannot place \\ at end of line");
      auto esc = static_cast<unsigned char>(line[i + 1]);
      if (is_alnum(esc))
        return failure(std::string("cannot escape a letter or number (\\") + static_cast<char>(esc)
                       + "), it is reserved for future extension");
      if (is_literal)
        literal += static_cast<char>(esc);
      if (esc < 0x80)
        source += '\\';
      source += static_cast<char>(esc);
      units.push_back(esc);
      i += 2;
    } else if (c == '.') {
      if (needs_dot)
        break;
      return failure("unexpected special character '.'");
    } else if (c == '*') {
      is_literal = false;
      source += ".*";
      units.push_back(name_matcher::any_run);
      ++i;
    } else if (c == '?') {
      is_literal = false;
      source += '.';
      units.push_back(name_matcher::any_char);
      ++i;
    } else if (c == '[') {
      is_literal = false;
      needs_regex = true;
      auto len = class_token().prefix_match(line.substr(i));
      if (!len)
        return failure("syntax error: failed to parse character class");
      auto end = i + *len;
      if (line[i + 1] == '!') {
        source += "[^";
        source += line.substr(i + 2, end - i - 2);
      } else if (line[i + 1] == '^') {  // `[^` is not negation in a glob
        source += "[\\^";
        source += line.substr(i + 2, end - i - 2);
      } else {
        source += line.substr(i, end - i);
      }
      i = end;
    } else {
      if (!(c == '$' || c == '_' || is_alnum(c) || c >= 0x80))
        return failure(std::string("unexpected special character '") + static_cast<char>(c) + "'");
      if (c == '$')
        needs_regex = true;
      literal += static_cast<char>(c);
      source += static_cast<char>(c);
      units.push_back(c);
      ++i;
    }
  }
  auto rest = line.substr(i);
  if (is_literal)
    return literal_matcher(std::move(literal), rest, fold);
  source += '$';
  auto parsed = regex_matcher(source, rest, fold);
  if (!parsed.matcher || parsed.matcher->matches_all() || needs_regex)
    return parsed;
  if (fold && !is_ascii(source))
    return parsed;  // Unicode case folding: leave it to RE2
  return success(name_matcher::glob(std::move(units), fold), rest);
}

} // namespace

std::string tidb_error(std::string_view message) {
  std::string out = "at <cmdline>:1: ";
  out += message;
  return out;
}

rule_line split_rule_line(std::string_view line) noexcept {
  constexpr std::string_view blanks = " \t";
  auto first = line.find_first_not_of(blanks);
  if (first == std::string_view::npos)
    return {};
  line = line.substr(first, line.find_last_not_of(blanks) - first + 1);
  switch (line[0]) {
  case '#': return {};
  case '!': return {line_kind::rule, false, line.substr(1)};
  case '@': return {line_kind::import, true, line.substr(1)};
  default: return {line_kind::rule, true, line};
  }
}

pattern_parse parse_pattern(std::string_view line, bool needs_dot, bool fold) {
  if (line.empty())
    return failure("syntax error: missing pattern");
  switch (line[0]) {
  case '/': {
    auto len = regex_token().prefix_match(line);
    if (!len)
      return failure("syntax error: incomplete regexp");
    return regex_matcher(std::string(line.substr(1, *len - 2)), line.substr(*len), fold);
  }
  case '"': return parse_quoted(line, double_quoted_token(), fold);
  case '`': return parse_quoted(line, back_quoted_token(), fold);
  default: return parse_wildcard(line, needs_dot, fold);
  }
}

} // namespace cdc::model::filter
