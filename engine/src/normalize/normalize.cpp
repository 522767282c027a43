// Column-wise normalisation. Every formula keeps a constant column constant (no 0/0): the
// tests assert that no NaN ever leaves this file.
#include "normalize/normalize.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>

#include <fmt/format.h>

#include "problem/magnitude.hpp"
#include "support/linalg.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

struct DomainContext {
  std::string_view normalization;
  std::string_view method;  ///< set when the normalisation is this method's default
};

[[noreturn]] void domain_error(const DecisionProblem& p, size_t i, size_t j,
                               const DomainContext& ctx, std::string_view need) {
  if (ctx.method.empty()) {
    fail(ErrorCode::MethodDomain, p.location(i, j),
         fmt::format(
             "normalization '{}' needs {} values, but option '{}' scores {} on criterion '{}'",
             ctx.normalization, need, p.option(i), quantity(p.at(i, j)), p.criteria[j].id),
         "choose another normalization, e.g. --normalization minmax");
  }
  fail(ErrorCode::MethodDomain, p.location(i, j),
       fmt::format("{} compares {} as ratios (normalization '{}'), which needs {} values, "
                   "but option '{}' scores {} on criterion '{}'",
                   // "the weighted product", but "WASPAS": a name needs no article
                   std::isupper(static_cast<unsigned char>(ctx.method[0])) != 0
                       ? std::string(ctx.method)
                       : "the " + std::string(ctx.method),
                   p.criteria[j].direction == Direction::Cost ? "costs" : "values",
                   ctx.normalization, need, p.option(i), quantity(p.at(i, j)), p.criteria[j].id),
       "the weighted sum accepts it: --method wsm");
}

/// What one pass over the rows learns about each column.
struct ColumnStats {
  double min = 0;
  double max = 0;
  double sum = 0;
  double sum_squares = 0;
};

// Row-major, one branch-free pass: the matrix is read once, whatever its size. The pointers do
// not alias, which lets the compiler vectorise across the columns of a row.
void extremes(const double* __restrict x, size_t n, size_t m, double* __restrict lo,
              double* __restrict hi) {
  for (size_t i = 0; i < n; ++i) {
    const double* row = x + i * m;
    for (size_t j = 0; j < m; ++j) {
      lo[j] = row[j] < lo[j] ? row[j] : lo[j];
      hi[j] = row[j] > hi[j] ? row[j] : hi[j];
    }
  }
}

void extremes_and_sums(const double* __restrict x, size_t n, size_t m, double* __restrict lo,
                       double* __restrict hi, double* __restrict sum, double* __restrict squares) {
  for (size_t i = 0; i < n; ++i) {
    const double* row = x + i * m;
    for (size_t j = 0; j < m; ++j) {
      lo[j] = row[j] < lo[j] ? row[j] : lo[j];
      hi[j] = row[j] > hi[j] ? row[j] : hi[j];
      sum[j] += row[j];
      squares[j] += row[j] * row[j];
    }
  }
}

/// Extremes (into raw_min and raw_max) always; sums and sums of squares only when the
/// normalisation uses them.
void column_stats(const DecisionProblem& p, bool with_sums, NormalizedMatrix& out) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  out.sums.assign(m, 0.0);
  out.squares.assign(m, 0.0);
  if (n == 0) {
    out.raw_min.assign(m, 0.0);
    out.raw_max.assign(m, 0.0);
    return;
  }
  out.raw_min.assign(p.data(), p.data() + m);
  out.raw_max.assign(out.raw_min.begin(), out.raw_min.end());
  if (with_sums) {
    extremes_and_sums(p.data(), n, m, out.raw_min.data(), out.raw_max.data(), out.sums.data(),
                      out.squares.data());
  } else {
    extremes(p.data(), n, m, out.raw_min.data(), out.raw_max.data());
  }
}

/// The first row whose value in column j fails `ok` (the caller knows one does).
template <typename Pred>
size_t first_row(const DecisionProblem& p, size_t j, Pred ok) {
  for (size_t i = 0; i < p.rows(); ++i) {
    if (!ok(p.at(i, j))) return i;
  }
  return 0;
}

bool is_positive(double x) { return x > 0; }
bool is_non_negative(double x) { return x >= 0; }

Transform affine(double shift, double divisor, double offset = 0) {
  return {Transform::Kind::Affine, shift, divisor, offset};
}

Transform constant(double value) {
  return affine(0, std::numeric_limits<double>::infinity(), value);
}

// The paths taken only at the ends of the range are kept out of line (cold), so that the hot
// loops of normalize_into() compile as they did without them.

/// interpolate() when to - from overflows: every term in units of a power of two first.
[[gnu::cold, gnu::noinline]] Transform scaled_interpolation(double from, double to) {
  const double k = power_of_two_below(from, to);
  Transform t = affine(from / k, to / k - from / k);
  t.scale = k;
  return t;
}

/// (x - from) / (to - from): `from` maps to 0 and `to` to 1.
Transform interpolate(double from, double to) {
  const double width = to - from;
  return std::isfinite(width) ? affine(from, width) : scaled_interpolation(from, to);
}

/// Min-max: benefit (x - min) / range, cost (max - x) / range; a constant column maps to 1
/// (every option reaches the best value seen).
Transform minmax(const ColumnStats& s, bool cost) {
  if (!(s.max > s.min)) return constant(1);
  return cost ? interpolate(s.max, s.min) : interpolate(s.min, s.max);
}

/// x / sum(x) when the sum overflows: in units of the largest value.
[[gnu::cold, gnu::noinline]] Transform scaled_share_of_sum(const DecisionProblem& p, size_t j,
                                                           const ColumnStats& s) {
  const double k = power_of_two_below(s.max);
  double sum = 0;
  for (size_t i = 0; i < p.rows(); ++i) sum += p.at(i, j) / k;
  Transform t = affine(0, sum);
  t.scale = k;
  return t;
}

/// (1/x) / sum(1/x) when 1/x overflows (x below about 1e-308): the reciprocals in units of the
/// smallest value, (k/x) / sum(k/x).
[[gnu::cold, gnu::noinline]] Transform scaled_share_of_reciprocals(const DecisionProblem& p,
                                                                   size_t j, const ColumnStats& s) {
  const double k = power_of_two_below(s.min);
  double sum = 0;
  for (size_t i = 0; i < p.rows(); ++i) sum += 1 / (p.at(i, j) / k);
  Transform t{Transform::Kind::Reciprocal, 0, 1 / sum, 0};
  t.scale = k;
  return t;
}

/// (1/x) / sum(1/x) for positive values.
Transform share_of_reciprocals(const DecisionProblem& p, size_t j, const ColumnStats& s) {
  double sum_inverse = 0;
  for (size_t i = 0; i < p.rows(); ++i) sum_inverse += 1 / p.at(i, j);
  if (std::isfinite(sum_inverse)) return {Transform::Kind::Reciprocal, 0, 1 / sum_inverse, 0};
  return scaled_share_of_reciprocals(p, j, s);
}

/// The Euclidean norm when the sum of squares overflows (values above about 1e154) or lost
/// its digits (below about 1e-154): in units of the largest value.
[[gnu::cold, gnu::noinline]] Transform scaled_share_of_norm(const DecisionProblem& p, size_t j,
                                                            const ColumnStats& s, bool cost) {
  const double k = power_of_two_below(s.min, s.max);
  double squares = 0;
  for (size_t i = 0; i < p.rows(); ++i) squares += (p.at(i, j) / k) * (p.at(i, j) / k);
  const double norm = std::sqrt(squares);
  Transform t = cost ? affine(0, -norm, 1) : affine(0, norm);
  t.scale = k;
  return t;
}

/// x / norm, or 1 - x / norm for a cost.
Transform share_of_norm(const DecisionProblem& p, size_t j, const ColumnStats& s, bool cost) {
  if (s.min == 0 && s.max == 0) return constant(cost ? 1.0 : 0.0);
  if (!(s.sum_squares >= std::numeric_limits<double>::min() && std::isfinite(s.sum_squares))) {
    return scaled_share_of_norm(p, j, s, cost);
  }
  const double norm = std::sqrt(s.sum_squares);
  return cost ? affine(0, -norm, 1) : affine(0, norm);
}

/// The transform of column j under `normalization`; throws when a ratio normalisation meets a
/// value it cannot take.
Transform column_transform(const DecisionProblem& p, size_t j, Normalization normalization,
                           bool orient, const ColumnStats& s, const DomainContext& name) {
  const Column& c = p.criteria[j];
  const bool cost = orient && c.direction == Direction::Cost;
  switch (normalization) {
    case Normalization::Declared:
      if (c.value_function) {
        Transform t;
        t.kind = Transform::Kind::ValueFunction;
        t.function = &*c.value_function;
        return t;
      }
      if (c.scale) {
        const double lo = c.scale->first;
        const double hi = c.scale->second;
        Transform t = cost ? interpolate(hi, lo) : interpolate(lo, hi);
        // Scores outside the scale are rejected on loading; keep API callers within it too.
        t.low = 0;
        t.high = 1;
        return t;
      }
      return minmax(s, cost);
    case Normalization::MinMax:
      return minmax(s, cost);
    case Normalization::None:
      return affine(0, 1);
    case Normalization::Max:
      if (cost) {
        if (!(s.min > 0)) domain_error(p, first_row(p, j, is_positive), j, name, "positive");
        return {Transform::Kind::Reciprocal, 0, s.min, 0};
      }
      if (s.min < 0) domain_error(p, first_row(p, j, is_non_negative), j, name, "non-negative");
      return s.max > 0 ? affine(0, s.max) : constant(1);
    case Normalization::Sum:
      if (cost) {
        if (!(s.min > 0)) domain_error(p, first_row(p, j, is_positive), j, name, "positive");
        return share_of_reciprocals(p, j, s);
      }
      if (s.min < 0) domain_error(p, first_row(p, j, is_non_negative), j, name, "non-negative");
      if (!(s.sum > 0)) return constant(1 / static_cast<double>(p.rows()));
      return std::isfinite(s.sum) ? affine(0, s.sum) : scaled_share_of_sum(p, j, s);
    case Normalization::Vector:
      return share_of_norm(p, j, s, cost);
  }
  return affine(0, 1);
}

}  // namespace

/// The normalised matrix: every column as if affine (vectorised), then the few that are not.
void materialize_values(const DecisionProblem& p, NormalizedMatrix& out) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  // The column statistics are no longer needed: reuse their storage for the affine terms.
  std::vector<double>& shift = out.sums;
  std::vector<double>& divisor = out.squares;
  std::vector<double>& offset = out.offsets;
  shift.assign(m, 0.0);
  divisor.assign(m, 1.0);
  offset.assign(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    const Transform& t = out.transform[j];
    if (t.kind != Transform::Kind::Affine) continue;
    shift[j] = t.shift;
    divisor[j] = t.divisor;
    offset[j] = t.offset;
  }
  out.values.resize(n * m);
  as_matrix(out.values, n, m).array() =
      ((as_matrix(p.data(), n, m).rowwise() - as_vector(shift).transpose()).array().rowwise() /
       as_vector(divisor).transpose().array())
          .rowwise() +
      as_vector(offset).transpose().array();
  if (out.affine) return;
  for (size_t j = 0; j < m; ++j) {
    if (out.transform[j].affine()) continue;
    for (size_t i = 0; i < n; ++i) out.values[i * m + j] = out.transform[j].apply(p.at(i, j));
  }
}

double apply_value_function(const ValueFunction& vf, double x) {
  const auto& p = vf.points;
  if (x <= p.front().first) return p.front().second;
  if (x >= p.back().first) return p.back().second;
  const auto upper = std::upper_bound(p.begin(), p.end(), x,
                                      [](double v, const auto& point) { return v < point.first; });
  const auto lower = upper - 1;
  const double width = upper->first - lower->first;
  // Points far apart (at -1e308 and 1e308, say) are taken in units of a power of two, so
  // that their distance does not overflow.
  const double k = std::isfinite(width) ? 1.0 : power_of_two_below(lower->first, upper->first);
  const double t = k == 1 ? (x - lower->first) / width
                          : (x / k - lower->first / k) / (upper->first / k - lower->first / k);
  return lower->second + t * (upper->second - lower->second);
}

namespace {

/// Under a ratio normalisation (WPM, WASPAS), a scale that starts above 0 is taken as a ratio
/// to its best end.
bool scale_ratio(const Column& c, Normalization normalization) {
  return !c.value_function && c.scale && c.scale->first > 0 &&
         (normalization == Normalization::Max || normalization == Normalization::Sum);
}

Transform scale_ratio_transform(const Column& c) {
  // A benefit: x / high; a cost: low / x. Both are 1 at the scale's best end.
  Transform t = c.direction == Direction::Cost
                    ? Transform{Transform::Kind::Reciprocal, 0, c.scale->first, 0}
                    : affine(0, c.scale->second);
  t.low = 0;
  t.high = 1;
  return t;
}

}  // namespace

std::string describe_normalization(const Column& c, Normalization normalization, bool orient,
                                   bool declared_values) {
  if (declared_values && scale_ratio(c, normalization)) {
    return fmt::format("scale [{}, {}], {}", quantity(c.scale->first), quantity(c.scale->second),
                       c.direction == Direction::Cost
                           ? fmt::format("{} / x", quantity(c.scale->first))
                           : fmt::format("x / {}", quantity(c.scale->second)));
  }
  // A value function or a scale gives value, more is better, whatever the method's own
  // normalisation (costs mirrored even by a method that does not orient the others).
  if (declared_values && has_declared_value(c)) {
    return describe_normalization(c, Normalization::Declared, true, false);
  }
  const bool cost = orient && c.direction == Direction::Cost;
  std::string how;
  switch (normalization) {
    case Normalization::Declared:
      how = c.value_function ? "value function"
            : c.scale
                ? fmt::format("scale [{}, {}]", quantity(c.scale->first), quantity(c.scale->second))
                : "min-max";
      break;
    case Normalization::MinMax:
      how = "min-max";
      break;
    case Normalization::None:
      how = "none (raw)";
      break;
    case Normalization::Max:
      how = cost ? "min / x" : "x / max";
      break;
    case Normalization::Sum:
      how = cost ? "(1/x) / sum(1/x)" : "x / sum";
      break;
    case Normalization::Vector:
      how = cost ? "1 - x / norm" : "x / norm";
      break;
  }
  // Costs are normalised like benefits (the method takes the smallest as best): say so.
  if (!orient && c.direction == Direction::Cost) how += ", cost not mirrored";
  return how;
}

void normalize_into(const DecisionProblem& p, Normalization normalization, std::string_view method,
                    bool orient, bool materialize, NormalizedMatrix& out, bool declared_values) {
  const size_t m = p.cols();
  out.normalization = normalization;
  out.oriented = orient;
  out.values.clear();
  out.sign.assign(m, 1.0);
  out.valued.assign(m, 0);
  out.transform.resize(m);
  if (p.rows() == 0) return;  // no options (all vetoed): nothing to normalise
  const DomainContext name{to_string(normalization), method};
  column_stats(p, normalization == Normalization::Sum || normalization == Normalization::Vector,
               out);
  out.affine = true;
  for (size_t j = 0; j < m; ++j) {
    const ColumnStats s{out.raw_min[j], out.raw_max[j], out.sums[j], out.squares[j]};
    if (declared_values && has_declared_value(p.criteria[j])) {
      // Value, more is better: the value function, or the scale mirrored for a cost; under a
      // ratio method, a positive scale as a ratio to its best end, so that its worst score
      // is not a zero that empties every product.
      out.transform[j] = scale_ratio(p.criteria[j], normalization)
                             ? scale_ratio_transform(p.criteria[j])
                             : column_transform(p, j, Normalization::Declared, true, s, name);
      out.valued[j] = 1;
    } else {
      out.transform[j] = column_transform(p, j, normalization, orient, s, name);
      if (normalization == Normalization::None && orient &&
          p.criteria[j].direction == Direction::Cost) {
        out.sign[j] = -1.0;
      }
    }
    out.affine = out.affine && out.transform[j].affine();
  }
  if (materialize) materialize_values(p, out);
}

NormalizedMatrix normalize(const DecisionProblem& p, Normalization normalization,
                           std::string_view method, bool orient, bool materialize,
                           bool declared_values) {
  NormalizedMatrix out;
  normalize_into(p, normalization, method, orient, materialize, out, declared_values);
  for (const Column& c : p.criteria)
    out.how.push_back(describe_normalization(c, normalization, orient, declared_values));
  return out;
}

}  // namespace tradeoff::detail
