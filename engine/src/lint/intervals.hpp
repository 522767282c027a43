// Interval analysis of expressions: the range of values a formula can take when each name it
// reads lies within a range (a number input's declared min and max; the index of a level or a
// choice; 0 and 1 for a condition). Conservative by construction: the range computed holds
// every value the formula can take (floating-point rounding included), so a condition found
// "never true" is false for every answer the inputs accept.
#pragma once

#include <limits>
#include <vector>

#include "expr/ast.hpp"

namespace tradeoff::linter {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// A closed range of doubles; either end may be infinite. Conditions are 0 (false) or 1 (true),
/// and any non-zero value counts as true, as in evaluation.
struct Interval {
  double lo = -kInfinity;
  double hi = kInfinity;

  static Interval point(double v) { return {v, v}; }
  static Interval everything() { return {}; }
  bool is_point() const { return lo == hi; }
  /// Some value in the range counts as true (is not zero).
  bool can_be_true() const { return !(lo == 0 && hi == 0); }
  /// Some value in the range counts as false (is zero).
  bool can_be_false() const { return lo <= 0 && hi >= 0; }
};

inline bool operator==(const Interval& a, const Interval& b) {
  return a.lo == b.lo && a.hi == b.hi;
}

/// The smallest range holding both.
Interval hull(const Interval& a, const Interval& b);

/// The range of every node of a checked `tree` (indexed like tree.nodes; nodes the evaluation
/// never reaches, such as the list of `in`, hold everything), given the range of every value
/// slot the tree reads.
std::vector<Interval> evaluate_intervals(const expr::Tree& tree,
                                         const std::vector<Interval>& slots);

}  // namespace tradeoff::linter
