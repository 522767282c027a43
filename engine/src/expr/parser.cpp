// Recursive-descent parser for the expression language (grammar in the README), over the tokens
// of lexer.hpp. Every failure is a ParseError with a byte range; size, node count and nesting
// depth are bounded, so any input parses in linear time and bounded stack.
#include <fmt/format.h>

#include "expr/ast.hpp"
#include "expr/lexer.hpp"
#include "support/suggest.hpp"

namespace tradeoff::expr {

std::string_view to_string(Op op) {
  switch (op) {
    case Op::Number:
      return "number";
    case Op::String:
      return "string";
    case Op::Bool:
      return "bool";
    case Op::Name:
      return "name";
    case Op::List:
      return "list";
    case Op::Neg:
      return "neg";
    case Op::Not:
      return "not";
    case Op::Add:
      return "+";
    case Op::Sub:
      return "-";
    case Op::Mul:
      return "*";
    case Op::Div:
      return "/";
    case Op::Pow:
      return "^";
    case Op::Eq:
      return "==";
    case Op::Ne:
      return "!=";
    case Op::Lt:
      return "<";
    case Op::Le:
      return "<=";
    case Op::Gt:
      return ">";
    case Op::Ge:
      return ">=";
    case Op::And:
      return "and";
    case Op::Or:
      return "or";
    case Op::In:
      return "in";
    case Op::Call:
      return "call";
  }
  return "?";
}

std::string_view to_string(Func func) {
  switch (func) {
    case Func::None:
      return "";
    case Func::If:
      return "if";
    case Func::Min:
      return "min";
    case Func::Max:
      return "max";
    case Func::Clamp:
      return "clamp";
    case Func::Abs:
      return "abs";
    case Func::Round:
      return "round";
    case Func::Floor:
      return "floor";
    case Func::Ceil:
      return "ceil";
    case Func::Log:
      return "log";
    case Func::Exp:
      return "exp";
    case Func::Sqrt:
      return "sqrt";
  }
  return "";
}

std::string_view to_string(Type type) {
  switch (type) {
    case Type::Unknown:
      return "unknown";
    case Type::Number:
      return "a number";
    case Type::Bool:
      return "a boolean";
    case Type::String:
      return "a string";
    case Type::Level:
      return "a level";
    case Type::Choice:
      return "a choice";
    case Type::List:
      return "a list";
  }
  return "unknown";
}

const std::vector<std::string>& function_names() {
  static const std::vector<std::string> names = {"if",    "min",  "max", "clamp", "abs", "round",
                                                 "floor", "ceil", "log", "exp",   "sqrt"};
  return names;
}

Func function_named(std::string_view name) {
  for (Func f : {Func::If, Func::Min, Func::Max, Func::Clamp, Func::Abs, Func::Round, Func::Floor,
                 Func::Ceil, Func::Log, Func::Exp, Func::Sqrt}) {
    if (to_string(f) == name) return f;
  }
  return Func::None;
}

bool is_reserved(std::string_view word) {
  return word == "and" || word == "or" || word == "not" || word == "in" || word == "true" ||
         word == "false" || function_named(word) != Func::None;
}

namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : src_(text), lexer_(text) {
    tree_.source = std::string(text);
  }

  Tree run() {
    if (src_.size() > kMaxTextBytes) {
      fail(0, static_cast<uint32_t>(src_.size()),
           fmt::format("expression is too long ({} bytes; the limit is {})", src_.size(),
                       kMaxTextBytes),
           ParseError::Kind::Limit);
    }
    advance();
    if (tok_.kind == Tok::End) fail(tok_.begin, tok_.end, "expected an expression, got nothing");
    tree_.root = expression(0);
    if (tok_.kind == Tok::RParen) fail(tok_.begin, tok_.end, "unmatched ')'");
    if (tok_.kind == Tok::RBracket) fail(tok_.begin, tok_.end, "unmatched ']'");
    if (tok_.kind != Tok::End) {
      fail(tok_.begin, tok_.end,
           fmt::format("expected an operator or the end of the expression, got {}",
                       describe(tok_, src_)));
    }
    return std::move(tree_);
  }

 private:
  void advance() { tok_ = lexer_.next(); }

  // --- tree building ---------------------------------------------------------------------------

  uint32_t add(Node n) {
    if (tree_.nodes.size() >= kMaxNodes) {
      fail(n.begin, n.end, fmt::format("expression is too large (more than {} nodes)", kMaxNodes),
           ParseError::Kind::Limit);
    }
    tree_.nodes.push_back(std::move(n));
    return static_cast<uint32_t>(tree_.nodes.size() - 1);
  }

  uint32_t add(Op op, uint32_t begin, uint32_t end, std::initializer_list<uint32_t> children) {
    Node n;
    n.op = op;
    n.begin = begin;
    n.end = end;
    n.first = static_cast<uint32_t>(tree_.kids.size());
    n.count = static_cast<uint32_t>(children.size());
    for (uint32_t c : children) tree_.kids.push_back(c);
    return add(std::move(n));
  }

  void enter(int depth, const Token& at) {
    if (depth > kMaxDepth) {
      fail(at.begin, at.end,
           fmt::format("expression is nested too deeply (more than {} levels)", kMaxDepth),
           ParseError::Kind::Limit);
    }
  }

  bool is_keyword(std::string_view word) const {
    return tok_.kind == Tok::Ident && tok_.text == word;
  }

  // expression := or
  uint32_t expression(int depth) {
    enter(depth, tok_);
    return disjunction(depth);
  }

  uint32_t disjunction(int depth) {
    uint32_t left = conjunction(depth);
    while (is_keyword("or")) {
      advance();
      const uint32_t right = conjunction(depth);
      left = add(Op::Or, tree_.nodes[left].begin, tree_.nodes[right].end, {left, right});
    }
    return left;
  }

  uint32_t conjunction(int depth) {
    uint32_t left = negation(depth);
    while (is_keyword("and")) {
      advance();
      const uint32_t right = negation(depth);
      left = add(Op::And, tree_.nodes[left].begin, tree_.nodes[right].end, {left, right});
    }
    return left;
  }

  uint32_t negation(int depth) {
    if (is_keyword("not")) {
      const Token op = tok_;
      enter(depth + 1, op);
      advance();
      const uint32_t operand = negation(depth + 1);
      return add(Op::Not, op.begin, tree_.nodes[operand].end, {operand});
    }
    return comparison(depth);
  }

  static bool comparison_token(Tok t) {
    return t == Tok::Eq || t == Tok::Ne || t == Tok::Lt || t == Tok::Le || t == Tok::Gt ||
           t == Tok::Ge;
  }

  uint32_t comparison(int depth) {
    const uint32_t left = additive(depth);
    if (comparison_token(tok_.kind) || is_keyword("in")) {
      const Token op = tok_;
      advance();
      const uint32_t right = additive(depth);
      Op kind = Op::In;
      switch (op.kind) {
        case Tok::Eq:
          kind = Op::Eq;
          break;
        case Tok::Ne:
          kind = Op::Ne;
          break;
        case Tok::Lt:
          kind = Op::Lt;
          break;
        case Tok::Le:
          kind = Op::Le;
          break;
        case Tok::Gt:
          kind = Op::Gt;
          break;
        case Tok::Ge:
          kind = Op::Ge;
          break;
        default:
          break;
      }
      if (comparison_token(tok_.kind) || is_keyword("in")) {
        fail(tok_.begin, tok_.end,
             fmt::format("comparisons cannot be chained; join them with 'and' (got {} after a "
                         "comparison)",
                         describe(tok_, src_)));
      }
      return add(kind, tree_.nodes[left].begin, tree_.nodes[right].end, {left, right});
    }
    return left;
  }

  uint32_t additive(int depth) {
    uint32_t left = multiplicative(depth);
    while (tok_.kind == Tok::Plus || tok_.kind == Tok::Minus) {
      const Op kind = tok_.kind == Tok::Plus ? Op::Add : Op::Sub;
      advance();
      const uint32_t right = multiplicative(depth);
      left = add(kind, tree_.nodes[left].begin, tree_.nodes[right].end, {left, right});
    }
    return left;
  }

  uint32_t multiplicative(int depth) {
    uint32_t left = unary(depth);
    while (tok_.kind == Tok::Star || tok_.kind == Tok::Slash) {
      const Op kind = tok_.kind == Tok::Star ? Op::Mul : Op::Div;
      advance();
      const uint32_t right = unary(depth);
      left = add(kind, tree_.nodes[left].begin, tree_.nodes[right].end, {left, right});
    }
    return left;
  }

  uint32_t unary(int depth) {
    if (tok_.kind == Tok::Minus || tok_.kind == Tok::Plus) {
      const Token op = tok_;
      enter(depth + 1, op);
      advance();
      const uint32_t operand = unary(depth + 1);
      if (op.kind == Tok::Plus) return operand;  // unary plus changes nothing
      return add(Op::Neg, op.begin, tree_.nodes[operand].end, {operand});
    }
    return power(depth);
  }

  // power := primary ('^' unary)?   -- right-associative, binds tighter than unary minus
  uint32_t power(int depth) {
    const uint32_t base = primary(depth);
    if (tok_.kind == Tok::Caret) {
      const Token op = tok_;
      enter(depth + 1, op);
      advance();
      const uint32_t exponent = unary(depth + 1);
      return add(Op::Pow, tree_.nodes[base].begin, tree_.nodes[exponent].end, {base, exponent});
    }
    return base;
  }

  uint32_t primary(int depth) {
    const Token t = tok_;
    switch (t.kind) {
      case Tok::Number: {
        advance();
        Node n;
        n.op = Op::Number;
        n.number = t.number;
        n.begin = t.begin;
        n.end = t.end;
        return add(std::move(n));
      }
      case Tok::String: {
        advance();
        Node n;
        n.op = Op::String;
        n.text = t.text;
        n.begin = t.begin;
        n.end = t.end;
        return add(std::move(n));
      }
      case Tok::LParen: {
        advance();
        const uint32_t inner = expression(depth + 1);
        const uint32_t close = tok_.end;
        expect(Tok::RParen, "')'", t);
        // The parenthesised expression spans its parentheses, so that an error underlines
        // "(a + 1) / (a - 5)" whole, not "a + 1) / (a - 5".
        tree_.nodes[inner].begin = t.begin;
        tree_.nodes[inner].end = close;
        return inner;
      }
      case Tok::LBracket:
        return list(depth, t);
      case Tok::Ident:
        return identifier(depth, t);
      default:
        fail(t.begin, t.end, fmt::format("expected a value, got {}", describe(t, src_)));
    }
  }

  void expect(Tok kind, std::string_view what, const Token& opener) {
    if (tok_.kind == kind) {
      advance();
      return;
    }
    if (tok_.kind == Tok::End) {
      fail(opener.begin, opener.end,
           fmt::format("expected {} to close this, got end of input", what));
    }
    fail(tok_.begin, tok_.end, fmt::format("expected {}, got {}", what, describe(tok_, src_)));
  }

  uint32_t list(int depth, const Token& open) {
    advance();
    std::vector<uint32_t> items;
    if (tok_.kind != Tok::RBracket) {
      while (true) {
        items.push_back(expression(depth + 1));
        if (tok_.kind != Tok::Comma) break;
        advance();
      }
    }
    const uint32_t end = tok_.end;
    expect(Tok::RBracket, "']'", open);
    return add_variadic(Op::List, Func::None, open.begin, end, items, "");
  }

  uint32_t add_variadic(Op op, Func func, uint32_t begin, uint32_t end,
                        const std::vector<uint32_t>& items, std::string text) {
    Node n;
    n.op = op;
    n.func = func;
    n.begin = begin;
    n.end = end;
    n.text = std::move(text);
    n.first = static_cast<uint32_t>(tree_.kids.size());
    n.count = static_cast<uint32_t>(items.size());
    for (uint32_t c : items) tree_.kids.push_back(c);
    return add(std::move(n));
  }

  uint32_t identifier(int depth, const Token& t) {
    if (t.text == "true" || t.text == "false") {
      advance();
      Node n;
      n.op = Op::Bool;
      n.number = t.text == "true" ? 1 : 0;
      n.begin = t.begin;
      n.end = t.end;
      return add(std::move(n));
    }
    if (t.text == "and" || t.text == "or" || t.text == "in" || t.text == "not") {
      fail(t.begin, t.end, fmt::format("expected a value, got '{}'", t.text));
    }
    advance();
    if (tok_.kind == Tok::LParen) {
      const Token open = tok_;
      const Func func = function_named(t.text);
      if (func == Func::None) {
        throw ParseError{t.begin, t.end, fmt::format("unknown function '{}'", t.text),
                         detail::did_you_mean(t.text, function_names()),
                         ParseError::Kind::UnknownName};
      }
      advance();
      std::vector<uint32_t> args;
      if (tok_.kind != Tok::RParen) {
        while (true) {
          args.push_back(expression(depth + 1));
          if (tok_.kind != Tok::Comma) break;
          advance();
        }
      }
      const uint32_t end = tok_.end;
      expect(Tok::RParen, "')'", open);
      return add_variadic(Op::Call, func, t.begin, end, args, t.text);
    }
    if (function_named(t.text) != Func::None) {
      fail(t.begin, t.end, fmt::format("'{}' is a function; call it as {}(...)", t.text, t.text));
    }
    Node n;
    n.op = Op::Name;
    n.text = t.text;
    n.begin = t.begin;
    n.end = t.end;
    return add(std::move(n));
  }

  std::string_view src_;
  Lexer lexer_;
  Token tok_;
  Tree tree_;
};

}  // namespace

Tree parse(std::string_view text) { return Parser(text).run(); }

}  // namespace tradeoff::expr
