// A recursive-descent parser for value_expr's SQL subset, with MySQL's
// operator precedence (OR < XOR < AND < NOT < comparison < + - < * / < unary).
#include "model/filter/table_schema.hpp"
#include "model/filter/value_expr.hpp"
#include "model/filter/value_expr_lexer.hpp"
#include "model/filter/value_expr_program.hpp"

namespace cdc::model::filter {

using namespace expr_detail;

namespace {

class parser {
public:
  explicit parser(std::string_view text) : lex_(text) {
    prog_.text = std::string(text);
    advance();
  }

  bool run() {
    auto root = expr();
    if (!root || cur_.kind != tok::end)
      return false;
    prog_.root = *root;
    return true;
  }

  program take() { return std::move(prog_); }

private:
  using idx = std::optional<std::uint32_t>;

  void advance() { cur_ = lex_.next(); }

  bool is_keyword(std::string_view kw) const {
    return cur_.kind == tok::ident && !cur_.text.empty() && same_name(cur_.text, kw);
  }
  bool accept_keyword(std::string_view kw) {
    if (!is_keyword(kw))
      return false;
    advance();
    return true;
  }
  bool is_symbol(std::string_view sym) const { return cur_.kind == tok::symbol && cur_.text == sym; }
  bool accept_symbol(std::string_view sym) {
    if (!is_symbol(sym))
      return false;
    advance();
    return true;
  }

  std::uint32_t add(node n) {
    prog_.nodes.push_back(std::move(n));
    return static_cast<std::uint32_t>(prog_.nodes.size() - 1);
  }
  std::uint32_t add(op kind, std::uint32_t a, std::uint32_t b = 0, std::uint32_t c = 0) {
    // Built in place: moving a fresh node trips GCC 12's -Wmaybe-uninitialized
    // on the variant it holds.
    auto& n = prog_.nodes.emplace_back();
    n.kind = kind;
    n.a = a, n.b = b, n.c = c;
    return static_cast<std::uint32_t>(prog_.nodes.size() - 1);
  }

  // Guards the recursion against pathological nesting such as "((((...".
  struct depth_guard {
    explicit depth_guard(int& d) : d_(++d) {}
    ~depth_guard() { --d_; }
    int& d_;
  };
  static constexpr int max_depth = 200;

  idx expr() {
    depth_guard guard(depth_);
    if (depth_ > max_depth)
      return std::nullopt;
    return or_expr();
  }

  idx or_expr() {
    auto left = xor_expr();
    while (left && (accept_keyword("or") || accept_symbol("||"))) {
      auto right = xor_expr();
      if (!right)
        return std::nullopt;
      left = add(op::logical_or, *left, *right);
    }
    return left;
  }

  idx xor_expr() {
    auto left = and_expr();
    while (left && accept_keyword("xor")) {
      auto right = and_expr();
      if (!right)
        return std::nullopt;
      left = add(op::logical_xor, *left, *right);
    }
    return left;
  }

  idx and_expr() {
    auto left = not_expr();
    while (left && (accept_keyword("and") || accept_symbol("&&"))) {
      auto right = not_expr();
      if (!right)
        return std::nullopt;
      left = add(op::logical_and, *left, *right);
    }
    return left;
  }

  idx not_expr() {
    if (accept_keyword("not")) {
      depth_guard guard(depth_);
      if (depth_ > max_depth)
        return std::nullopt;
      auto operand = not_expr();
      if (!operand)
        return std::nullopt;
      return add(op::logical_not, *operand);
    }
    return boolean_primary();
  }

  // comparison and IS chains are left-associative: a = b = c is (a = b) = c
  idx boolean_primary() {
    auto left = predicate();
    while (left) {
      if (accept_keyword("is")) {
        bool negated = accept_keyword("not");
        op kind;
        if (accept_keyword("null") || accept_keyword("unknown"))
          kind = negated ? op::is_not_null : op::is_null;
        else if (accept_keyword("true"))
          kind = negated ? op::is_not_true : op::is_true;
        else if (accept_keyword("false"))
          kind = negated ? op::is_not_false : op::is_false;
        else
          return std::nullopt;
        left = add(kind, *left);
        continue;
      }
      auto kind = comparison();
      if (!kind)
        break;
      auto right = predicate();
      if (!right)
        return std::nullopt;
      left = add(*kind, *left, *right);
    }
    return left;
  }

  std::optional<op> comparison() {
    static constexpr std::pair<std::string_view, op> table[] = {
      {"=", op::eq}, {"<=>", op::null_safe_eq}, {"!=", op::ne}, {"<>", op::ne},
      {"<", op::lt}, {"<=", op::le}, {">", op::gt}, {">=", op::ge}};
    for (auto [sym, kind] : table)
      if (accept_symbol(sym))
        return kind;
    return std::nullopt;
  }

  idx predicate() {
    auto left = sum();
    if (!left)
      return std::nullopt;
    bool negated = false;
    if (is_keyword("not")) {
      // NOT here must introduce IN, BETWEEN or LIKE.
      advance();
      negated = true;
      if (!is_keyword("in") && !is_keyword("between") && !is_keyword("like"))
        return std::nullopt;
    }
    if (accept_keyword("in")) {
      if (!accept_symbol("("))
        return std::nullopt;
      node n;
      n.kind = negated ? op::not_in : op::in;
      n.a = *left;
      do {
        auto item = expr();
        if (!item)
          return std::nullopt;
        n.list.push_back(*item);
      } while (accept_symbol(","));
      if (!accept_symbol(")"))
        return std::nullopt;
      return add(std::move(n));
    }
    if (accept_keyword("between")) {
      auto low = sum();
      if (!low || !accept_keyword("and"))
        return std::nullopt;
      auto high = predicate();
      if (!high)
        return std::nullopt;
      return add(negated ? op::not_between : op::between, *left, *low, *high);
    }
    if (accept_keyword("like")) {
      auto pattern = sum();
      if (!pattern)
        return std::nullopt;
      return add(negated ? op::not_like : op::like, *left, *pattern);
    }
    return left;
  }

  idx sum() {
    auto left = product();
    while (left) {
      op kind;
      if (accept_symbol("+"))
        kind = op::add;
      else if (accept_symbol("-"))
        kind = op::subtract;
      else
        break;
      auto right = product();
      if (!right)
        return std::nullopt;
      left = add(kind, *left, *right);
    }
    return left;
  }

  idx product() {
    auto left = unary();
    while (left) {
      op kind;
      if (accept_symbol("*"))
        kind = op::multiply;
      else if (accept_symbol("/"))
        kind = op::divide;
      else if (accept_symbol("%") || accept_keyword("mod"))
        kind = op::modulo;
      else if (accept_keyword("div"))
        kind = op::int_divide;
      else
        break;
      auto right = unary();
      if (!right)
        return std::nullopt;
      left = add(kind, *left, *right);
    }
    return left;
  }

  idx unary() {
    depth_guard guard(depth_);
    if (depth_ > max_depth)
      return std::nullopt;
    if (accept_symbol("-")) {
      auto operand = unary();
      return operand ? idx(add(op::negate, *operand)) : std::nullopt;
    }
    if (accept_symbol("+"))
      return unary();
    if (accept_symbol("!")) {
      auto operand = unary();
      return operand ? idx(add(op::logical_not, *operand)) : std::nullopt;
    }
    return primary();
  }

  idx primary() {
    if (accept_symbol("(")) {
      auto inner = expr();
      if (!inner || !accept_symbol(")"))
        return std::nullopt;
      return inner;
    }
    if (cur_.kind == tok::number || cur_.kind == tok::string) {
      node n;
      n.literal = std::move(cur_.value);
      advance();
      return add(std::move(n));
    }
    if (cur_.kind != tok::ident)
      return std::nullopt;
    if (accept_keyword("null"))
      return literal(sql_null());
    if (accept_keyword("true"))
      return literal(std::int64_t{1});
    if (accept_keyword("false"))
      return literal(std::int64_t{0});
    if (is_reserved())
      return std::nullopt;
    std::string name = cur_.text.empty() ? std::get<std::string>(cur_.value) : std::string(cur_.text);
    advance();
    if (is_symbol("(") || is_symbol("."))  // function calls are outside the subset
      return std::nullopt;
    node n;
    n.kind = op::column;
    n.slot = slot_of(name);
    return add(std::move(n));
  }

  idx literal(sql_value v) {
    node n;
    n.literal = std::move(v);
    return add(std::move(n));
  }

  bool is_reserved() const {
    if (cur_.text.empty())
      return false;  // a back-quoted name is never a keyword
    for (std::string_view kw : {"and", "or", "xor", "not", "is", "in", "between", "like", "div",
                                "mod", "null", "true", "false", "unknown", "select", "from", "where"})
      if (same_name(cur_.text, kw))
        return true;
    return false;
  }

  std::uint32_t slot_of(const std::string& name) {
    for (std::size_t i = 0; i < prog_.columns.size(); ++i)
      if (same_name(prog_.columns[i], name))
        return static_cast<std::uint32_t>(i);
    prog_.columns.push_back(name);
    return static_cast<std::uint32_t>(prog_.columns.size() - 1);
  }

  lexer lex_;
  token cur_;
  program prog_;
  int depth_ = 0;
};

} // namespace

result<value_expr> value_expr::parse(std::string_view text) {
  parser p(text);
  if (!p.run())
    return fail(api_error::invalid_filter_expression, {text});
  return value_expr(std::make_shared<const program>(p.take()));
}

} // namespace cdc::model::filter
