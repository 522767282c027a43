// Type checking: resolves names, infers types, reports mismatches with the offending range.
#include "expr/check.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "support/suggest.hpp"

namespace tradeoff::expr {

const Symbol* Symbols::find(std::string_view name) const {
  for (const auto& s : symbols) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::vector<std::string> Symbols::names() const {
  std::vector<std::string> out;
  for (const auto& s : symbols) out.push_back(s.name);
  return out;
}

Type result_type(const Tree& tree) {
  return tree.nodes.empty() ? Type::Unknown : tree.node(tree.root).type;
}
int32_t result_domain(const Tree& tree) {
  return tree.nodes.empty() ? -1 : tree.node(tree.root).domain;
}

namespace {

/// The upper bound on the arguments of min() and max().
constexpr uint32_t kNoLimit = 100000;

/// "a condition (true or false)" reads better than "a boolean" in messages about `when`.
std::string describe_type(Type t) {
  return t == Type::Bool ? "a condition (true or false)" : std::string(to_string(t));
}

std::string list_values(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += ", ";
    out += v;
  }
  return out;
}

class Checker {
 public:
  Checker(Tree& tree, const Symbols& symbols) : t_(tree), sym_(symbols) {}

  std::vector<CheckError> run(Type expected) {
    const Type got = infer(t_.root);
    if (got != Type::Unknown && errors_.empty() && expected != Type::Unknown && got != expected) {
      const Node& root = t_.node(t_.root);
      error(root, fmt::format("expected {}, got {}", describe_type(expected), describe_type(got)));
    }
    if (got == Type::String && errors_.empty()) {
      error(t_.node(t_.root), "a string on its own has no value here; compare it with an input");
    }
    return std::move(errors_);
  }

 private:
  void error(const Node& n, std::string message, std::string hint = {},
             ErrorCode code = ErrorCode::ExprType) {
    errors_.push_back({n.begin, n.end, code, std::move(message), std::move(hint)});
  }

  /// "a number", "a level of 'skill'": the type, and for levels and choices whose values.
  std::string describe_typed(uint32_t i) const {
    const Node& n = t_.nodes[i];
    if ((n.type == Type::Level || n.type == Type::Choice) && n.domain >= 0) {
      return fmt::format("{} of '{}'", to_string(n.type),
                         sym_.domains[static_cast<size_t>(n.domain)].input);
    }
    return describe_type(n.type);
  }

  /// "a level (none, basic, solid, expert)"
  std::string describe_domain(const Node& n) const {
    const Domain& d = sym_.domains[static_cast<size_t>(n.domain)];
    return fmt::format("{} ({})", d.ordered ? "a level" : "a choice", list_values(d.values));
  }

  std::string what(const Node& n) const {
    return fmt::format("'{}'", t_.source.substr(n.begin, n.end - n.begin));
  }

  Node& node(uint32_t i) { return t_.nodes[i]; }
  uint32_t kid(uint32_t i, uint32_t k) const { return t_.kids[t_.nodes[i].first + k]; }

  Type set(uint32_t i, Type type, int32_t domain = -1) {
    t_.nodes[i].type = type;
    t_.nodes[i].domain = domain;
    return type;
  }

  bool expect_number(uint32_t i, std::string_view context) {
    const Type ty = infer(i);
    if (ty == Type::Number || ty == Type::Unknown) return ty == Type::Number;
    const Node& n = node(i);
    if (ty == Type::String) {
      error(n, fmt::format("cannot use a string in {}", context));
    } else if (ty == Type::Level || ty == Type::Choice) {
      error(n, fmt::format("cannot use {} in {}: it is {} ({})", what(n), context, to_string(ty),
                           list_values(sym_.domains[static_cast<size_t>(n.domain)].values)));
    } else {
      error(n, fmt::format("cannot use {} in {}", describe_type(ty), context));
    }
    return false;
  }

  bool expect_bool(uint32_t i, std::string_view context) {
    const Type ty = infer(i);
    if (ty == Type::Bool || ty == Type::Unknown) return ty == Type::Bool;
    error(node(i), fmt::format("expected a condition (true or false) {}, got {}", context,
                               describe_type(ty)));
    return false;
  }

  /// Makes a string literal at `lit` the index of its value in `domain`; reports it otherwise.
  bool bind_literal(uint32_t lit, int32_t domain) {
    const Domain& d = sym_.domains[static_cast<size_t>(domain)];
    Node& n = node(lit);
    const auto it = std::find(d.values.begin(), d.values.end(), n.text);
    if (it == d.values.end()) {
      error(n,
            fmt::format("'{}' is not {} of '{}' ({})", n.text, d.ordered ? "a level" : "a choice",
                        d.input, list_values(d.values)),
            detail::did_you_mean(n.text, d.values), ErrorCode::InvalidValue);
      return false;
    }
    n.number = static_cast<double>(it - d.values.begin());
    set(lit, d.ordered ? Type::Level : Type::Choice, domain);
    return true;
  }

  bool same_domain(int32_t a, int32_t b) const {
    if (a == b) return true;
    const Domain& da = sym_.domains[static_cast<size_t>(a)];
    const Domain& db = sym_.domains[static_cast<size_t>(b)];
    return da.ordered == db.ordered && da.values == db.values;
  }

  /// Checks the two sides of a comparison; `ordered` for <, <=, >, >=.
  Type compare(uint32_t i, uint32_t l, uint32_t r, bool ordered) {
    const Type lt = infer(l);
    const Type rt = infer(r);
    if (lt == Type::Unknown || rt == Type::Unknown) return set(i, Type::Unknown);
    const bool l_enum = lt == Type::Level || lt == Type::Choice;
    const bool r_enum = rt == Type::Level || rt == Type::Choice;
    if (ordered && (lt == Type::Choice || rt == Type::Choice)) {
      const uint32_t c = lt == Type::Choice ? l : r;
      error(node(c), fmt::format("{} is a choice, and choices have no order; compare it with "
                                 "'==', or declare the input as a level",
                                 what(node(c))));
      return set(i, Type::Unknown);
    }
    if (l_enum && rt == Type::String) {
      return bind_literal(r, node(l).domain) ? set(i, Type::Bool) : set(i, Type::Unknown);
    }
    if (r_enum && lt == Type::String) {
      return bind_literal(l, node(r).domain) ? set(i, Type::Bool) : set(i, Type::Unknown);
    }
    if (l_enum && r_enum) {
      if (lt == rt && same_domain(node(l).domain, node(r).domain)) return set(i, Type::Bool);
      error(node(i), fmt::format("cannot compare {} ({}) with {} ({}): they take different values",
                                 what(node(l)), describe_domain(node(l)), what(node(r)),
                                 describe_domain(node(r))));
      return set(i, Type::Unknown);
    }
    if (lt == Type::Number && rt == Type::Number) return set(i, Type::Bool);
    if (ordered && lt == Type::Bool && rt == Type::Bool) {
      error(node(i), "conditions have no order; compare them with '==' or '!='");
      return set(i, Type::Unknown);
    }
    if (!ordered && lt == rt && (lt == Type::Bool || lt == Type::String)) {
      if (lt == Type::String) {
        // Two literals: decide now.
        Node& n = node(i);
        const bool equal = node(l).text == node(r).text;
        const bool want_equal = n.op == Op::Eq;
        n.op = Op::Bool;
        n.number = equal == want_equal ? 1 : 0;
        n.count = 0;
        return set(i, Type::Bool);
      }
      return set(i, Type::Bool);
    }
    if (l_enum || r_enum) {
      const uint32_t e = l_enum ? l : r;
      const Domain& d = sym_.domains[static_cast<size_t>(node(e).domain)];
      const std::string example = d.values[d.values.size() / 2];
      error(node(i),
            fmt::format("cannot compare {} with {}: {} is {}", to_string(lt), to_string(rt),
                        what(node(e)), describe_domain(node(e))),
            fmt::format("compare it with one of its values, in quotes, e.g. {} {} \"{}\"",
                        t_.source.substr(node(e).begin, node(e).end - node(e).begin),
                        to_string(node(i).op), example));
      return set(i, Type::Unknown);
    }
    error(node(i), fmt::format("cannot compare {} with {}", to_string(lt), to_string(rt)));
    return set(i, Type::Unknown);
  }

  Type infer(uint32_t i) {
    Node& n0 = node(i);
    switch (n0.op) {
      case Op::Number:
        return set(i, Type::Number);
      case Op::Bool:
        return set(i, Type::Bool);
      case Op::String:
        return set(i, Type::String);
      case Op::Name: {
        const Symbol* s = sym_.find(n0.text);
        if (s == nullptr) {
          error(n0, fmt::format("unknown name '{}'", n0.text),
                detail::did_you_mean(n0.text, sym_.names()), ErrorCode::UnknownReference);
          return set(i, Type::Unknown);
        }
        if (s->slot < 0) {
          // A derived value whose own formula failed to check: already reported.
          return set(i, Type::Unknown);
        }
        n0.slot = s->slot;
        return set(i, s->type, s->domain);
      }
      case Op::List:
        error(n0, "a list can only follow 'in'");
        return set(i, Type::Unknown);
      case Op::Neg:
        return set(i, expect_number(kid(i, 0), "arithmetic") ? Type::Number : Type::Unknown);
      case Op::Not:
        return set(i, expect_bool(kid(i, 0), "after 'not'") ? Type::Bool : Type::Unknown);
      case Op::Add:
      case Op::Sub:
      case Op::Mul:
      case Op::Div:
      case Op::Pow: {
        const bool a = expect_number(kid(i, 0), "arithmetic");
        const bool b = expect_number(kid(i, 1), "arithmetic");
        return set(i, a && b ? Type::Number : Type::Unknown);
      }
      case Op::And:
      case Op::Or: {
        const std::string ctx = fmt::format("around '{}'", to_string(n0.op));
        const bool a = expect_bool(kid(i, 0), ctx);
        const bool b = expect_bool(kid(i, 1), ctx);
        return set(i, a && b ? Type::Bool : Type::Unknown);
      }
      case Op::Eq:
      case Op::Ne:
        return compare(i, kid(i, 0), kid(i, 1), false);
      case Op::Lt:
      case Op::Le:
      case Op::Gt:
      case Op::Ge:
        return compare(i, kid(i, 0), kid(i, 1), true);
      case Op::In:
        return in(i);
      case Op::Call:
        return call(i);
    }
    return set(i, Type::Unknown);
  }

  Type in(uint32_t i) {
    const uint32_t l = kid(i, 0);
    const uint32_t r = kid(i, 1);
    const Type lt = infer(l);
    if (node(r).op != Op::List) {
      error(node(r), "expected a list after 'in', e.g. [\"a\", \"b\"]");
      return set(i, Type::Unknown);
    }
    set(r, Type::List);
    if (lt == Type::Unknown) return set(i, Type::Unknown);
    bool ok = true;
    const uint32_t count = node(r).count;
    for (uint32_t k = 0; k < count; ++k) {
      const uint32_t item = kid(r, k);
      const Type it = infer(item);
      if (it == Type::Unknown) {
        ok = false;
      } else if ((lt == Type::Level || lt == Type::Choice) && it == Type::String) {
        ok = bind_literal(item, node(l).domain) && ok;
      } else if (it != lt || ((lt == Type::Level || lt == Type::Choice) &&
                              !same_domain(node(l).domain, node(item).domain))) {
        error(node(item), fmt::format("expected {} in this list, like {}, got {}",
                                      describe_typed(l), what(node(l)), describe_typed(item)));
        ok = false;
      }
    }
    if (lt == Type::String) {
      error(node(l), "a string on its own has no value here; compare it with an input");
      ok = false;
    }
    return set(i, ok ? Type::Bool : Type::Unknown);
  }

  Type call(uint32_t i) {
    switch (node(i).func) {
      case Func::If:
        return call_if(i);
      case Func::Min:
      case Func::Max:
        return numeric_call(i, 1, kNoLimit);
      case Func::Clamp:
        return numeric_call(i, 3, 3);
      case Func::Round:
      case Func::Log:
        return numeric_call(i, 1, 2);
      case Func::Abs:
      case Func::Floor:
      case Func::Ceil:
      case Func::Exp:
      case Func::Sqrt:
        return numeric_call(i, 1, 1);
      case Func::None:
        break;
    }
    return set(i, Type::Unknown);
  }

  /// True when call `i` has `lo` to `hi` arguments; else reports it.
  bool arity(uint32_t i, uint32_t lo, uint32_t hi) {
    const Node& n = node(i);
    const uint32_t argc = n.count;
    if (argc >= lo && argc <= hi) return true;
    const std::string want = lo == hi         ? fmt::format("{}", lo)
                             : hi == kNoLimit ? fmt::format("at least {}", lo)
                                              : fmt::format("{} or {}", lo, hi);
    const bool one = lo == 1 && (hi == 1 || hi == kNoLimit);
    error(n, fmt::format("{}() takes {} argument{}, got {}", n.text, want, one ? "" : "s", argc));
    return false;
  }

  /// A function of numbers: `lo` to `hi` arguments, every one a number.
  Type numeric_call(uint32_t i, uint32_t lo, uint32_t hi) {
    if (!arity(i, lo, hi)) return set(i, Type::Unknown);
    const std::string context = fmt::format("{}()", node(i).text);
    const uint32_t argc = node(i).count;
    bool ok = true;
    for (uint32_t k = 0; k < argc; ++k) ok = expect_number(kid(i, k), context) && ok;
    return set(i, ok ? Type::Number : Type::Unknown);
  }

  /// if(condition, a, b): the branches are numbers, conditions, or values of one level or
  /// choice (a string naming one of them is read as that value).
  Type call_if(uint32_t i) {
    if (!arity(i, 3, 3)) return set(i, Type::Unknown);
    const bool c = expect_bool(kid(i, 0), "as the first argument of if()");
    Type a = infer(kid(i, 1));
    Type b = infer(kid(i, 2));
    if (!c || a == Type::Unknown || b == Type::Unknown) return set(i, Type::Unknown);
    // A level or choice on one side names the other side's string: if(x, skill, "basic").
    if ((a == Type::Level || a == Type::Choice) && b == Type::String) {
      if (!bind_literal(kid(i, 2), node(kid(i, 1)).domain)) return set(i, Type::Unknown);
      b = a;
    } else if ((b == Type::Level || b == Type::Choice) && a == Type::String) {
      if (!bind_literal(kid(i, 1), node(kid(i, 2)).domain)) return set(i, Type::Unknown);
      a = b;
    }
    if (a == Type::String || a == Type::List || b == Type::String || b == Type::List) {
      error(node(i), fmt::format("the branches of if() must be numbers, conditions, or values "
                                 "of one level or choice, got {} and {}",
                                 to_string(a), to_string(b)));
      return set(i, Type::Unknown);
    }
    if (a != b || ((a == Type::Level || a == Type::Choice) &&
                   !same_domain(node(kid(i, 1)).domain, node(kid(i, 2)).domain))) {
      error(node(i), fmt::format("the two branches of if() must have the same type, got {} "
                                 "and {}",
                                 describe_typed(kid(i, 1)), describe_typed(kid(i, 2))));
      return set(i, Type::Unknown);
    }
    return set(i, a, node(kid(i, 1)).domain);
  }

  Tree& t_;
  const Symbols& sym_;
  std::vector<CheckError> errors_;
};

}  // namespace

std::vector<CheckError> check(Tree& tree, const Symbols& symbols, Type expected) {
  if (tree.nodes.empty()) return {};
  return Checker(tree, symbols).run(expected);
}

}  // namespace tradeoff::expr
