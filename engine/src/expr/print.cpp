// Printing expression trees: an S-expression dump for tests, and canonical source text that
// re-parses to the same tree (the fuzzer checks the round trip).
#include <algorithm>

#include <fmt/format.h>

#include "expr/ast.hpp"

namespace tradeoff::expr {

namespace {

std::string number_text(double v) { return fmt::format("{}", v); }

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

void dump_node(const Tree& t, uint32_t i, std::string& out) {
  const Node& n = t.node(i);
  switch (n.op) {
    case Op::Number:
      out += number_text(n.number);
      return;
    case Op::String:
      out += quoted(n.text);
      return;
    case Op::Bool:
      out += n.number != 0 ? "true" : "false";
      return;
    case Op::Name:
      out += n.text;
      return;
    case Op::List:
      out += '[';
      for (uint32_t k = 0; k < n.count; ++k) {
        if (k > 0) out += ' ';
        dump_node(t, t.child_index(n, k), out);
      }
      out += ']';
      return;
    default:
      break;
  }
  out += '(';
  out += n.op == Op::Call ? std::string(to_string(n.func)) : std::string(to_string(n.op));
  for (uint32_t k = 0; k < n.count; ++k) {
    out += ' ';
    dump_node(t, t.child_index(n, k), out);
  }
  out += ')';
}

/// Binding strength, weakest first; 9 = atoms and calls.
int precedence(Op op) {
  switch (op) {
    case Op::Or:
      return 1;
    case Op::And:
      return 2;
    case Op::Not:
      return 3;
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
    case Op::In:
      return 4;
    case Op::Add:
    case Op::Sub:
      return 5;
    case Op::Mul:
    case Op::Div:
      return 6;
    case Op::Neg:
      return 7;
    case Op::Pow:
      return 8;
    default:
      return 9;
  }
}

void source_node(const Tree& t, uint32_t i, std::string& out);

void operand(const Tree& t, uint32_t i, bool parens, std::string& out) {
  if (parens) out += '(';
  source_node(t, i, out);
  if (parens) out += ')';
}

void source_node(const Tree& t, uint32_t i, std::string& out) {
  const Node& n = t.node(i);
  const int p = precedence(n.op);
  switch (n.op) {
    case Op::Number:
      out += number_text(n.number);
      return;
    case Op::String:
      out += quoted(n.text);
      return;
    case Op::Bool:
      out += n.number != 0 ? "true" : "false";
      return;
    case Op::Name:
      out += n.text;
      return;
    case Op::List:
    case Op::Call:
      if (n.op == Op::Call) out += n.text;
      out += n.op == Op::Call ? '(' : '[';
      for (uint32_t k = 0; k < n.count; ++k) {
        if (k > 0) out += ", ";
        source_node(t, t.child_index(n, k), out);
      }
      out += n.op == Op::Call ? ')' : ']';
      return;
    case Op::Neg: {
      // The grammar takes a unary (minus or power) after '-', so neither needs parentheses.
      const uint32_t c = t.child_index(n, 0);
      out += '-';
      if (t.node(c).op == Op::Neg) out += ' ';
      operand(t, c, precedence(t.node(c).op) < 7, out);
      return;
    }
    case Op::Not: {
      const uint32_t c = t.child_index(n, 0);
      out += "not ";
      operand(t, c, precedence(t.node(c).op) < 3, out);
      return;
    }
    default:
      break;
  }
  const uint32_t l = t.child_index(n, 0);
  const uint32_t r = t.child_index(n, 1);
  const int lp = precedence(t.node(l).op);
  const int rp = precedence(t.node(r).op);
  bool left_parens = false;
  bool right_parens = false;
  if (n.op == Op::Pow) {
    // base is a primary; the exponent may be any unary.
    left_parens = lp < 9;
    right_parens = rp < 7;
  } else if (p == 4) {
    // Comparisons do not chain: both sides are additive expressions.
    left_parens = lp <= 4;
    right_parens = rp <= 4;
  } else {
    // Left-associative: the right side needs parentheses at equal strength.
    left_parens = lp < p;
    right_parens = rp <= p;
  }
  operand(t, l, left_parens, out);
  out += fmt::format(" {} ", to_string(n.op));
  operand(t, r, right_parens, out);
}

}  // namespace

std::string dump(const Tree& tree) {
  std::string out;
  if (!tree.nodes.empty()) dump_node(tree, tree.root, out);
  return out;
}

std::string to_source(const Tree& tree) {
  std::string out;
  if (!tree.nodes.empty()) source_node(tree, tree.root, out);
  return out;
}

std::vector<std::string> names_in(const Tree& tree) {
  std::vector<std::string> out;
  // Nodes are stored children-first, so scanning by index visits names in text order only
  // roughly; sort the distinct names by where they first appear.
  std::vector<std::pair<uint32_t, std::string>> found;
  for (const auto& n : tree.nodes) {
    if (n.op != Op::Name) continue;
    auto it =
        std::find_if(found.begin(), found.end(), [&](const auto& f) { return f.second == n.text; });
    if (it == found.end()) {
      found.emplace_back(n.begin, n.text);
    } else {
      it->first = std::min(it->first, n.begin);
    }
  }
  std::sort(found.begin(), found.end());
  for (auto& f : found) out.push_back(std::move(f.second));
  return out;
}

}  // namespace tradeoff::expr
