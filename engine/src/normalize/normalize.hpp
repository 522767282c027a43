// The normalisation stage: raw scores -> comparable values, one criterion (column) at a time.
// Takes a decision problem and a normalisation; gives a transform per column (and, when asked,
// the normalised matrix). The formulas, and how each treats costs, are in the README.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "problem/problem.hpp"
#include "tradeoff/choices.hpp"

namespace tradeoff::detail {

/// Piecewise-linear interpolation; constant beyond the first and last points.
double apply_value_function(const ValueFunction& vf, double x);

/// How a column's raw value becomes its normalised value: r = (x - shift) / divisor + offset
/// (a constant column divides by infinity), r = divisor / x (ratios of cost criteria), or the
/// value function; then kept within [low, high]. Dividing, rather than multiplying by a
/// reciprocal, keeps the ends exact: min-max gives the worst option exactly 0 and the best 1.
/// Where a range, sum or norm of the raw values would overflow (or a norm underflow), x is
/// first divided by `scale`, a power of two, and the other terms are in those units; for
/// ordinary values scale is 1 and the arithmetic is exactly the plain formula's.
struct Transform {
  enum class Kind { Affine, Reciprocal, ValueFunction } kind = Kind::Affine;
  double shift = 0;
  double divisor = 1;
  double offset = 0;
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
  const ValueFunction* function = nullptr;
  double scale = 1;

  /// A plain affine map, with no clamping or scaling, whose coefficient 1 / divisor is finite:
  /// methods can fold it into their own arithmetic.
  bool affine() const {
    return kind == Kind::Affine && scale == 1 && std::isfinite(1 / divisor) &&
           low == -std::numeric_limits<double>::infinity() &&
           high == std::numeric_limits<double>::infinity();
  }
  double apply(double x) const {
    const double u = scale == 1 ? x : x / scale;
    double r = kind == Kind::Affine       ? (u - shift) / divisor + offset
               : kind == Kind::Reciprocal ? divisor / u
                                          : apply_value_function(*function, x);
    return r < low ? low : r > high ? high : r;
  }
};

struct NormalizedMatrix {
  std::vector<double> values;        ///< rows x cols, row-major; empty unless materialised
  std::vector<Transform> transform;  ///< per column: how values come from the raw scores
  std::vector<double> sign;          ///< per column: +1 = more is better; -1 = raw cost values
  std::vector<std::string> how;      ///< per column, e.g. "scale [1, 5]"; filled by normalize()
  std::vector<double> raw_min;       ///< per column, of the raw scores
  std::vector<double> raw_max;
  /// Per column: 1 when its values are value (more is better, in [0, 1]) from its value
  /// function or scale, whatever the normalisation (see normalize()); a method that finds the
  /// best of a column itself (TOPSIS) takes such a column as a benefit.
  std::vector<uint8_t> valued;
  bool affine = true;  ///< every column is plainly affine
  Normalization normalization = Normalization::Declared;
  bool oriented = true;         ///< costs flipped so that more is better
  std::vector<double> sums;     ///< scratch: per-column sums and sums of squares, then
  std::vector<double> squares;  ///< the affine terms of materialisation
  std::vector<double> offsets;

  /// Column j holds value, more is better, from its value function or scale.
  bool is_valued(size_t j) const { return j < valued.size() && valued[j] != 0; }

  /// The normalised value of row i, column j of `problem`.
  double value(const DecisionProblem& problem, size_t i, size_t j) const {
    return values.empty() ? transform[j].apply(problem.at(i, j)) : values[i * sign.size() + j];
  }
};

/// Throws Error [method-domain] when a ratio normalisation meets a value it cannot take. When
/// the normalisation is a method's default rather than the user's choice, `method` names the
/// method so that the message says why it was used.
/// With `orient` false, every criterion is normalised as a benefit (costs are not flipped);
/// TOPSIS finds the ideal itself.
/// With `materialize` false, only the transforms are computed (one pass over the matrix for the
/// column statistics); methods apply them on the fly.
/// With `declared_values`, a column with a value function or a scale is turned into value as
/// `declared` does (costs mirrored, even when `orient` is false), whatever `normalization`; it
/// is marked in `valued` and its sign is +1. `normalization` applies to the other columns. The
/// pipeline asks for it unless the user chose the normalisation.
NormalizedMatrix normalize(const DecisionProblem& problem, Normalization normalization,
                           std::string_view method = {}, bool orient = true,
                           bool materialize = true, bool declared_values = false);

/// The same into `out`, reusing its storage (no allocation once it has held this size), and
/// without the words of `how`.
void normalize_into(const DecisionProblem& problem, Normalization normalization,
                    std::string_view method, bool orient, bool materialize, NormalizedMatrix& out,
                    bool declared_values = false);

/// Fills `out.values` from its transforms, as normalize() with `materialize` does.
void materialize_values(const DecisionProblem& problem, NormalizedMatrix& out);

/// How a column is normalised, in words: "scale [1, 5]", "min-max", "x / norm, cost not
/// mirrored". It depends on the column's declaration alone, not on its values. With
/// `declared_values` (as given to normalize()), a column with a value function or a scale is
/// described by it ("value function", "scale [1, 5]") whatever the normalisation.
std::string describe_normalization(const Column& column, Normalization normalization, bool orient,
                                   bool declared_values = false);

/// Whether normalize() with `declared_values` turns `column` into value: it has a value
/// function or a scale.
inline bool has_declared_value(const Column& column) {
  return column.value_function.has_value() || column.scale.has_value();
}

}  // namespace tradeoff::detail
