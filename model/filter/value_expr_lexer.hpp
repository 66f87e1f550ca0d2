// Internal to value_expr: the tokenizer of the expression subset (numbers,
// quoted strings and names, identifiers, operators). Not for use elsewhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/filter/sql_value.hpp"

namespace cdc::model::filter::expr_detail {

enum class tok : std::uint8_t { end, number, string, ident, symbol, bad };

struct token {
  tok kind = tok::end;
  std::string_view text;  ///< symbols and plain identifiers; empty for `quoted` names
  sql_value value;        ///< numbers, strings, and the name of a `quoted` identifier
};

class lexer {
public:
  explicit lexer(std::string_view s) : s_(s) {}

  /// The next token; tok::bad for anything outside the subset.
  token next();

private:
  token number();
  token quoted_string(char quote);
  token quoted_ident();

  std::string_view s_;
  std::size_t pos_ = 0;
};

} // namespace cdc::model::filter::expr_detail
