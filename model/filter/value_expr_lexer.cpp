// The tokenizer of value_expr's SQL subset.
#include "model/filter/value_expr_lexer.hpp"

#include <charconv>
#include <string>

namespace cdc::model::filter::expr_detail {

namespace {

bool ident_char(char c) noexcept {
  auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
         || c == '$' || u >= 0x80;
}

} // namespace

token lexer::next() {
  while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
    ++pos_;
  if (pos_ >= s_.size())
    return {};
  char c = s_[pos_];
  if ((c >= '0' && c <= '9') || (c == '.' && pos_ + 1 < s_.size() && s_[pos_ + 1] >= '0' && s_[pos_ + 1] <= '9'))
    return number();
  if (c == '\'' || c == '"')
    return quoted_string(c);
  if (c == '`')
    return quoted_ident();
  if (ident_char(c)) {
    auto start = pos_;
    while (pos_ < s_.size() && ident_char(s_[pos_]))
      ++pos_;
    return {tok::ident, s_.substr(start, pos_ - start), {}};
  }
  for (std::string_view sym : {"<=>", "<=", ">=", "<>", "!=", "&&", "||"})
    if (s_.substr(pos_, sym.size()) == sym) {
      pos_ += sym.size();
      return {tok::symbol, sym, {}};
    }
  if (std::string_view("=<>!+-*/%(),").find(c) != std::string_view::npos)
    return {tok::symbol, s_.substr(pos_++, 1), {}};
  return {tok::bad, {}, {}};
}

token lexer::number() {
  auto start = pos_;
  bool is_float = false;
  while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9')
    ++pos_;
  if (pos_ < s_.size() && s_[pos_] == '.') {
    is_float = true;
    ++pos_;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9')
      ++pos_;
  }
  if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
    auto save = pos_++;
    if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-'))
      ++pos_;
    if (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') {
      is_float = true;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9')
        ++pos_;
    } else {
      pos_ = save;
    }
  }
  if (pos_ < s_.size() && ident_char(s_[pos_]))  // "12abc" is no number
    return {tok::bad, {}, {}};
  auto text = s_.substr(start, pos_ - start);
  if (!is_float) {
    std::int64_t i = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), i);
    if (ec == std::errc() && p == text.data() + text.size())
      return {tok::number, text, i};
  }
  return {tok::number, text, string_to_double(text)};
}

token lexer::quoted_string(char quote) {
  std::string out;
  ++pos_;
  while (pos_ < s_.size()) {
    char c = s_[pos_++];
    if (c == quote) {
      if (pos_ < s_.size() && s_[pos_] == quote) {
        out += quote;
        ++pos_;
        continue;
      }
      return {tok::string, {}, std::move(out)};
    }
    if (c == '\\' && pos_ < s_.size()) {
      char e = s_[pos_++];
      switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case '0': out += '\0'; break;
      case 'Z': out += '\x1a'; break;
      case '%': case '_': out += '\\'; out += e; break;  // kept for LIKE, as MySQL does
      default: out += e;
      }
      continue;
    }
    out += c;
  }
  return {tok::bad, {}, {}};
}

token lexer::quoted_ident() {
  std::string out;
  auto start = ++pos_;
  while (pos_ < s_.size()) {
    char c = s_[pos_++];
    if (c == '`') {
      if (pos_ < s_.size() && s_[pos_] == '`') {
        out += '`';
        ++pos_;
        continue;
      }
      if (out.empty())
        return {tok::bad, {}, {}};
      token t{tok::ident, s_.substr(start, pos_ - start - 1), std::move(out)};
      t.text = {};  // quoted: never a keyword; the name is in value
      return t;
    }
    out += c;
  }
  return {tok::bad, {}, {}};
}

} // namespace cdc::model::filter::expr_detail
