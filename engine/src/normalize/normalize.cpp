// Column-wise normalisation. Every formula keeps a constant column constant (no 0/0): the
// tests assert that no NaN ever leaves this file.
#include "normalize/normalize.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include <fmt/format.h>

#include "support/linalg.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

double apply_value_function(const ValueFunction& vf, double x) {
  const auto& p = vf.points;
  if (x <= p.front().first) return p.front().second;
  if (x >= p.back().first) return p.back().second;
  const auto upper = std::upper_bound(p.begin(), p.end(), x,
                                      [](double v, const auto& point) { return v < point.first; });
  const auto lower = upper - 1;
  const double t = (x - lower->first) / (upper->first - lower->first);
  return lower->second + t * (upper->second - lower->second);
}

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
             ctx.normalization, need, p.options[i], quantity(p.at(i, j)), p.criteria[j].id),
         "choose another normalization, e.g. --normalization minmax");
  }
  fail(ErrorCode::MethodDomain, p.location(i, j),
       fmt::format("the {} compares {} as ratios (normalization '{}'), which needs {} values, "
                   "but option '{}' scores {} on criterion '{}'",
                   ctx.method, p.criteria[j].direction == Direction::Cost ? "costs" : "values",
                   ctx.normalization, need, p.options[i], quantity(p.at(i, j)), p.criteria[j].id),
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
  out.raw_min.assign(p.values.begin(), p.values.begin() + static_cast<std::ptrdiff_t>(m));
  out.raw_max.assign(out.raw_min.begin(), out.raw_min.end());
  if (with_sums) {
    extremes_and_sums(p.values.data(), n, m, out.raw_min.data(), out.raw_max.data(),
                      out.sums.data(), out.squares.data());
  } else {
    extremes(p.values.data(), n, m, out.raw_min.data(), out.raw_max.data());
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

/// Min-max: benefit (x - min) / range, cost (max - x) / range; a constant column maps to 1
/// (every option reaches the best value seen).
Transform minmax(const ColumnStats& s, bool cost) {
  const double range = s.max - s.min;
  if (!(range > 0)) return constant(1);
  return cost ? affine(s.max, -range) : affine(s.min, range);
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
        Transform t = cost ? affine(hi, lo - hi) : affine(lo, hi - lo);
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
        double sum_inverse = 0;
        for (size_t i = 0; i < p.rows(); ++i) sum_inverse += 1 / p.at(i, j);
        return {Transform::Kind::Reciprocal, 0, 1 / sum_inverse, 0};
      }
      if (s.min < 0) domain_error(p, first_row(p, j, is_non_negative), j, name, "non-negative");
      return s.sum > 0 ? affine(0, s.sum) : constant(1 / static_cast<double>(p.rows()));
    case Normalization::Vector: {
      const double norm = std::sqrt(s.sum_squares);
      if (norm > 0) return cost ? affine(0, -norm, 1) : affine(0, norm);
      return constant(cost ? 1.0 : 0.0);
    }
  }
  return affine(0, 1);
}

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
      ((as_matrix(p.values, n, m).rowwise() - as_vector(shift).transpose()).array().rowwise() /
       as_vector(divisor).transpose().array())
          .rowwise() +
      as_vector(offset).transpose().array();
  if (out.affine) return;
  for (size_t j = 0; j < m; ++j) {
    if (out.transform[j].affine()) continue;
    for (size_t i = 0; i < n; ++i) out.values[i * m + j] = out.transform[j].apply(p.at(i, j));
  }
}

}  // namespace

std::string describe_normalization(const Column& c, Normalization normalization, bool orient) {
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
                    bool orient, bool materialize, NormalizedMatrix& out) {
  const size_t m = p.cols();
  out.normalization = normalization;
  out.oriented = orient;
  out.values.clear();
  out.sign.assign(m, 1.0);
  out.transform.resize(m);
  if (p.rows() == 0) return;  // no options (all vetoed): nothing to normalise
  const DomainContext name{to_string(normalization), method};
  column_stats(p, normalization == Normalization::Sum || normalization == Normalization::Vector,
               out);
  out.affine = true;
  for (size_t j = 0; j < m; ++j) {
    const ColumnStats s{out.raw_min[j], out.raw_max[j], out.sums[j], out.squares[j]};
    out.transform[j] = column_transform(p, j, normalization, orient, s, name);
    if (normalization == Normalization::None && orient &&
        p.criteria[j].direction == Direction::Cost) {
      out.sign[j] = -1.0;
    }
    out.affine = out.affine && out.transform[j].affine();
  }
  if (materialize) materialize_values(p, out);
}

NormalizedMatrix normalize(const DecisionProblem& p, Normalization normalization,
                           std::string_view method, bool orient, bool materialize) {
  NormalizedMatrix out;
  normalize_into(p, normalization, method, orient, materialize, out);
  for (const Column& c : p.criteria)
    out.how.push_back(describe_normalization(c, normalization, orient));
  return out;
}

}  // namespace tradeoff::detail
