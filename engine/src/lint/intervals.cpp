// Interval arithmetic over expression trees: see lint/intervals.hpp.
//
// Rounding to nearest is monotone, so an end computed with the same operation the evaluator
// uses (a + b, a * b, a / b at the extreme operands) bounds every result it can produce; only
// the library functions (log, exp, pow), which promise no monotone rounding, are widened by a
// few units in the last place.
#include "lint/intervals.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace tradeoff::linter {

namespace {

using expr::Func;
using expr::Node;
using expr::Op;
using expr::Tree;

/// The hull of some candidate ends; a NaN among them (inf - inf) makes the range unbounded.
Interval span(std::initializer_list<double> values) {
  Interval r{kInfinity, -kInfinity};
  for (double v : values) {
    if (std::isnan(v)) return Interval::everything();
    r.lo = std::min(r.lo, v);
    r.hi = std::max(r.hi, v);
  }
  return r;
}

/// A condition that can be true, false, or either.
Interval truth(bool can_be_true, bool can_be_false) {
  if (!can_be_true && !can_be_false) return {0, 1};  // cannot happen; stay conservative
  return {can_be_false ? 0.0 : 1.0, can_be_true ? 1.0 : 0.0};
}

/// Outward by a few units in the last place, for results of library functions.
Interval widened(Interval a) {
  for (int k = 0; k < 4; ++k) {
    a.lo = std::nextafter(a.lo, -kInfinity);
    a.hi = std::nextafter(a.hi, kInfinity);
  }
  return a;
}

/// A product of ends, with 0 x inf = 0: the zero end is a real zero, the infinite one only a
/// bound.
double times(double a, double b) { return a == 0 || b == 0 ? 0.0 : a * b; }

Interval multiply(const Interval& a, const Interval& b) {
  return span({times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)});
}

/// a / b for b of one sign, not zero at its ends.
Interval divide_away_from_zero(const Interval& a, const Interval& b) {
  return span({a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi});
}

/// a / y for y in (0, q]: towards +-infinity as y nears 0.
Interval divide_by_small_positive(const Interval& a, double q) {
  return {a.lo < 0 ? -kInfinity : a.lo / q, a.hi > 0 ? kInfinity : a.hi / q};
}

/// a / y for y in [p, 0).
Interval divide_by_small_negative(const Interval& a, double p) {
  return {a.hi > 0 ? -kInfinity : a.hi / p, a.lo < 0 ? kInfinity : a.lo / p};
}

/// a / b; division by zero is an error in evaluation, so zero itself is left out of b.
Interval divide(const Interval& a, const Interval& b) {
  if (b.lo == 0 && b.hi == 0) return Interval::everything();  // always an error: claim nothing
  if (b.lo > 0 || b.hi < 0) return divide_away_from_zero(a, b);
  bool any = false;
  Interval r{kInfinity, -kInfinity};
  if (b.hi > 0) {
    r = b.lo == 0 ? divide_by_small_positive(a, b.hi) : Interval::everything();
    any = true;
  }
  if (b.lo < 0) {
    const Interval part = b.hi == 0 ? divide_by_small_negative(a, b.lo) : Interval::everything();
    r = any ? hull(r, part) : part;
  }
  return r;
}

/// x^n for a whole n >= 1.
Interval whole_power(const Interval& a, double n) {
  const double at_lo = std::pow(a.lo, n);
  const double at_hi = std::pow(a.hi, n);
  const bool odd = std::fmod(n, 2.0) != 0;
  if (odd || a.lo >= 0) return widened(span({at_lo, at_hi}));
  if (a.hi <= 0) return widened(span({at_lo, at_hi}));
  return widened(Interval{0, std::max(at_lo, at_hi)});
}

/// a ^ b. A whole constant exponent works for any base; otherwise the base must be
/// non-negative, where x^y = exp(y ln x) takes its extremes at the corners.
Interval power(const Interval& a, const Interval& b) {
  if (b.is_point() && std::isfinite(b.lo) && b.lo == std::floor(b.lo) && std::fabs(b.lo) <= 64) {
    if (b.lo == 0) return Interval::point(1);
    if (b.lo > 0) return whole_power(a, b.lo);
    return widened(divide(Interval::point(1), whole_power(a, -b.lo)));
  }
  if (a.lo < 0) return Interval::everything();
  if (a.lo == 0 && b.lo < 0) return Interval::everything();  // 0^-y is an error, near 0 huge
  return widened(span(
      {std::pow(a.lo, b.lo), std::pow(a.lo, b.hi), std::pow(a.hi, b.lo), std::pow(a.hi, b.hi)}));
}

/// Applies a non-decreasing function to both ends.
template <typename F>
Interval monotone(const Interval& a, F f) {
  return span({f(a.lo), f(a.hi)});
}

Interval absolute(const Interval& a) {
  if (a.lo >= 0) return a;
  if (a.hi <= 0) return {-a.hi, -a.lo};
  return {0, std::max(-a.lo, a.hi)};
}

Interval logarithm(const Interval& x) {
  if (x.hi <= 0) return Interval::everything();  // always an error
  return widened({x.lo <= 0 ? -kInfinity : std::log(x.lo), std::log(x.hi)});
}

/// a < b (or a <= b when `or_equal`): can it hold, and can it fail?
Interval less(const Interval& a, const Interval& b, bool or_equal) {
  const bool can_true = or_equal ? a.lo <= b.hi : a.lo < b.hi;
  const bool can_false = or_equal ? a.hi > b.lo : a.hi >= b.lo;
  return truth(can_true, can_false);
}

Interval equal(const Interval& a, const Interval& b) {
  const bool overlap = a.lo <= b.hi && b.lo <= a.hi;
  const bool same_point = a.is_point() && b.is_point() && a.lo == b.lo;
  return truth(overlap, !same_point);
}

Interval negate(const Interval& a) { return truth(a.can_be_false(), a.can_be_true()); }

class IntervalEvaluator {
 public:
  IntervalEvaluator(const Tree& tree, const std::vector<Interval>& slots)
      : t_(tree), slots_(slots), out_(tree.nodes.size()) {}

  std::vector<Interval> run() {
    if (!t_.nodes.empty()) eval(t_.root);
    return std::move(out_);
  }

 private:
  Interval eval(uint32_t i) {
    const Node& n = t_.nodes[i];
    out_[i] = n.op == Op::Call ? call(n) : operation(n);
    return out_[i];
  }

  Interval kid(const Node& n, uint32_t k) { return eval(t_.child_index(n, k)); }

  Interval operation(const Node& n) {
    switch (n.op) {
      case Op::Number:
      case Op::String:  // bound to a level's or a choice's index by the checker
      case Op::Bool:
        return Interval::point(n.number);
      case Op::Name:
        if (n.slot < 0 || static_cast<size_t>(n.slot) >= slots_.size()) {
          return Interval::everything();
        }
        return slots_[static_cast<size_t>(n.slot)];
      case Op::List:
        return Interval::everything();
      case Op::Neg: {
        const Interval a = kid(n, 0);
        return {-a.hi, -a.lo};
      }
      case Op::Not:
        return negate(kid(n, 0));
      default:
        return binary(n);
    }
  }

  Interval binary(const Node& n) {
    if (n.op == Op::In) return membership(n);
    const Interval a = kid(n, 0);
    const Interval b = kid(n, 1);
    switch (n.op) {
      case Op::Add:
        return span({a.lo + b.lo, a.hi + b.hi});
      case Op::Sub:
        return span({a.lo - b.hi, a.hi - b.lo});
      case Op::Mul:
        return multiply(a, b);
      case Op::Div:
        return divide(a, b);
      case Op::Pow:
        return power(a, b);
      case Op::Eq:
        return equal(a, b);
      case Op::Ne:
        return negate(equal(a, b));
      case Op::Lt:
        return less(a, b, false);
      case Op::Le:
        return less(a, b, true);
      case Op::Gt:
        return less(b, a, false);
      case Op::Ge:
        return less(b, a, true);
      case Op::And:
        return truth(a.can_be_true() && b.can_be_true(), a.can_be_false() || b.can_be_false());
      case Op::Or:
        return truth(a.can_be_true() || b.can_be_true(), a.can_be_false() && b.can_be_false());
      default:
        return Interval::everything();
    }
  }

  Interval membership(const Node& n) {
    const Interval v = kid(n, 0);
    const Node& list = t_.nodes[t_.child_index(n, 1)];
    bool can_true = false;
    bool can_false = true;
    for (uint32_t k = 0; k < list.count; ++k) {
      const Interval item = equal(v, kid(list, k));
      can_true = can_true || item.can_be_true();
      can_false = can_false && item.can_be_false();
    }
    return truth(can_true, can_false);
  }

  Interval call(const Node& n) {
    switch (n.func) {
      case Func::If: {
        const Interval c = kid(n, 0);
        const Interval a = kid(n, 1);
        const Interval b = kid(n, 2);
        if (!c.can_be_false()) return a;
        if (!c.can_be_true()) return b;
        return hull(a, b);
      }
      case Func::Min:
      case Func::Max:
        return extreme(n);
      case Func::Clamp: {
        // min(max(x, lo), hi) does not decrease in any argument.
        const Interval x = kid(n, 0);
        const Interval lo = kid(n, 1);
        const Interval hi = kid(n, 2);
        return {std::min(std::max(x.lo, lo.lo), hi.lo), std::min(std::max(x.hi, lo.hi), hi.hi)};
      }
      default:
        return unary_call(n);
    }
  }

  Interval extreme(const Node& n) {
    Interval r = kid(n, 0);
    for (uint32_t k = 1; k < n.count; ++k) {
      const Interval v = kid(n, k);
      r = n.func == Func::Min ? Interval{std::min(r.lo, v.lo), std::min(r.hi, v.hi)}
                              : Interval{std::max(r.lo, v.lo), std::max(r.hi, v.hi)};
    }
    return r;
  }

  Interval unary_call(const Node& n) {
    const Interval x = kid(n, 0);
    switch (n.func) {
      case Func::Abs:
        return absolute(x);
      case Func::Round:
        return rounding(n, x);
      case Func::Floor:
        return monotone(x, [](double v) { return std::floor(v); });
      case Func::Ceil:
        return monotone(x, [](double v) { return std::ceil(v); });
      case Func::Log:
        return n.count == 1 ? logarithm(x) : widened(divide(logarithm(x), logarithm(kid(n, 1))));
      case Func::Exp:
        return widened(monotone(x, [](double v) { return std::exp(v); }));
      case Func::Sqrt:
        if (x.hi < 0) return Interval::everything();  // always an error
        return monotone(x, [](double v) { return std::sqrt(std::max(0.0, v)); });
      default:
        return Interval::everything();
    }
  }

  /// round(x) does not decrease; with a constant number of digits, neither does round(x, d).
  Interval rounding(const Node& n, const Interval& x) {
    if (n.count == 1) return monotone(x, [](double v) { return std::round(v); });
    const Interval digits = kid(n, 1);
    if (!digits.is_point() || !std::isfinite(digits.lo)) return Interval::everything();
    const double scale = std::pow(10.0, digits.lo);
    return widened(monotone(x, [scale](double v) {
      return std::fabs(v) >= 1e15 || !std::isfinite(v * scale) ? v : std::round(v * scale) / scale;
    }));
  }

  const Tree& t_;
  const std::vector<Interval>& slots_;
  std::vector<Interval> out_;
};

}  // namespace

Interval hull(const Interval& a, const Interval& b) {
  return {std::min(a.lo, b.lo), std::max(a.hi, b.hi)};
}

std::vector<Interval> evaluate_intervals(const Tree& tree, const std::vector<Interval>& slots) {
  return IntervalEvaluator(tree, slots).run();
}

}  // namespace tradeoff::linter
