// Normalisation: raw scores -> comparable values, one criterion (column) at a time.
// The formulas, and how each treats cost criteria, are documented in the README.
#pragma once

#include <string>
#include <vector>

#include "problem.hpp"
#include "tradeoff/evaluate.hpp"

namespace tradeoff::detail {

struct NormalizedMatrix {
  std::vector<double> values;     ///< rows x cols, row-major
  std::vector<double> sign;       ///< per column: +1 = more is better; -1 = raw cost values
  std::vector<std::string> how;   ///< per column, e.g. "scale [1, 5]", "min-max"
};

/// Piecewise-linear interpolation; constant beyond the first and last points.
double apply_value_function(const ValueFunction& vf, double x);

/// Throws Error [method-domain] when a ratio normalisation meets a value it cannot take. When
/// the normalisation is a method's default rather than the user's choice, `method` names the
/// method so that the message says why it was used.
/// With `orient` false, every criterion is normalised as a benefit (costs are not flipped);
/// TOPSIS finds the ideal itself.
NormalizedMatrix normalize(const DecisionProblem& problem, Normalization normalization,
                           std::string_view method = {}, bool orient = true);

}  // namespace tradeoff::detail
