// Evaluation of checked expression trees over a slot array of doubles.
#include <cmath>

#include <fmt/format.h>

#include "expr/check.hpp"

namespace tradeoff::expr {

namespace {

class Evaluator {
 public:
  Evaluator(const Tree& t, const double* slots) : t_(t), slots_(slots) {}

  double eval(uint32_t i) const {
    const Node& n = t_.nodes[i];
    switch (n.op) {
      case Op::Number:
      case Op::String:  // bound to an index by the checker
      case Op::Bool:
        return n.number;
      case Op::Name:
        return slots_[n.slot];
      case Op::List:
        return 0;  // only evaluated through `in`
      case Op::Neg:
        return -eval(kid(n, 0));
      case Op::Not:
        return eval(kid(n, 0)) != 0 ? 0.0 : 1.0;
      case Op::Add:
        return finite(i, eval(kid(n, 0)) + eval(kid(n, 1)));
      case Op::Sub:
        return finite(i, eval(kid(n, 0)) - eval(kid(n, 1)));
      case Op::Mul:
        return finite(i, eval(kid(n, 0)) * eval(kid(n, 1)));
      case Op::Div: {
        const double a = eval(kid(n, 0));
        const double b = eval(kid(n, 1));
        if (b == 0) fail(i, "division by zero");
        return finite(i, a / b);
      }
      case Op::Pow: {
        const double a = eval(kid(n, 0));
        const double b = eval(kid(n, 1));
        if (a == 0 && b < 0) fail(i, "zero raised to a negative power");
        const double r = std::pow(a, b);
        if (std::isnan(r)) fail(i, "a negative number raised to a fractional power");
        return finite(i, r);
      }
      case Op::Eq:
        return eval(kid(n, 0)) == eval(kid(n, 1)) ? 1.0 : 0.0;
      case Op::Ne:
        return eval(kid(n, 0)) != eval(kid(n, 1)) ? 1.0 : 0.0;
      case Op::Lt:
        return eval(kid(n, 0)) < eval(kid(n, 1)) ? 1.0 : 0.0;
      case Op::Le:
        return eval(kid(n, 0)) <= eval(kid(n, 1)) ? 1.0 : 0.0;
      case Op::Gt:
        return eval(kid(n, 0)) > eval(kid(n, 1)) ? 1.0 : 0.0;
      case Op::Ge:
        return eval(kid(n, 0)) >= eval(kid(n, 1)) ? 1.0 : 0.0;
      case Op::And:
        return eval(kid(n, 0)) != 0 && eval(kid(n, 1)) != 0 ? 1.0 : 0.0;
      case Op::Or:
        return eval(kid(n, 0)) != 0 || eval(kid(n, 1)) != 0 ? 1.0 : 0.0;
      case Op::In: {
        const double v = eval(kid(n, 0));
        const Node& list = t_.nodes[kid(n, 1)];
        for (uint32_t k = 0; k < list.count; ++k) {
          if (eval(kid(list, k)) == v) return 1.0;
        }
        return 0.0;
      }
      case Op::Call:
        return call(i, n);
    }
    return 0;
  }

 private:
  uint32_t kid(const Node& n, uint32_t k) const { return t_.kids[n.first + k]; }

  [[noreturn]] void fail(uint32_t node, std::string message) const {
    throw EvalError{node, std::move(message)};
  }

  double finite(uint32_t node, double v) const {
    if (!std::isfinite(v)) fail(node, "the result is too large to represent");
    return v;
  }

  double call(uint32_t i, const Node& n) const {
    switch (n.func) {
      case Func::If:
        return eval(kid(n, 0)) != 0 ? eval(kid(n, 1)) : eval(kid(n, 2));
      case Func::Min:
      case Func::Max: {
        double best = eval(kid(n, 0));
        for (uint32_t k = 1; k < n.count; ++k) {
          const double v = eval(kid(n, k));
          best = n.func == Func::Min ? std::min(best, v) : std::max(best, v);
        }
        return best;
      }
      case Func::Clamp: {
        const double x = eval(kid(n, 0));
        const double lo = eval(kid(n, 1));
        const double hi = eval(kid(n, 2));
        if (lo > hi) fail(i, "clamp() needs its lower bound at most its upper bound");
        return std::min(std::max(x, lo), hi);
      }
      case Func::Abs:
        return std::fabs(eval(kid(n, 0)));
      case Func::Round: {
        const double x = eval(kid(n, 0));
        if (n.count == 1) return std::round(x);
        const double digits = eval(kid(n, 1));
        if (digits != std::floor(digits) || std::fabs(digits) > 15) {
          fail(i, "round() takes a whole number of digits between -15 and 15");
        }
        const double scale = std::pow(10.0, digits);
        // Numbers this large have no digits left to round away (and x * scale may overflow).
        if (std::fabs(x) >= 1e15 || !std::isfinite(x * scale)) return x;
        return finite(i, std::round(x * scale) / scale);
      }
      case Func::Floor:
        return std::floor(eval(kid(n, 0)));
      case Func::Ceil:
        return std::ceil(eval(kid(n, 0)));
      case Func::Log: {
        const double x = eval(kid(n, 0));
        if (!(x > 0)) {
          fail(i, fmt::format("the logarithm of {}, which is not positive", x == 0 ? 0.0 : x));
        }
        if (n.count == 1) return std::log(x);
        const double base = eval(kid(n, 1));
        if (!(base > 0) || base == 1) fail(i, "a logarithm base must be positive and not 1");
        // Exact for powers of 10 and 2: log(1000, 10) is 3, not 2.9999999999999996.
        if (base == 10) return std::log10(x);
        if (base == 2) return std::log2(x);
        return std::log(x) / std::log(base);
      }
      case Func::Exp:
        return finite(i, std::exp(eval(kid(n, 0))));
      case Func::Sqrt: {
        const double x = eval(kid(n, 0));
        if (x < 0) fail(i, fmt::format("the square root of {}, a negative number", x));
        return std::sqrt(x);
      }
      case Func::None:
        break;
    }
    return 0;
  }

  const Tree& t_;
  const double* slots_;
};

}  // namespace

double evaluate(const Tree& tree, const double* slots) {
  return Evaluator(tree, slots).eval(tree.root);
}

}  // namespace tradeoff::expr
