// Column-wise normalisation. Every formula keeps a constant column constant (no 0/0): the
// tests assert that no NaN ever leaves this file.
#include "normalize.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "linalg.hpp"
#include "text.hpp"

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
  Diagnostic d;
  d.code = ErrorCode::MethodDomain;
  d.where = p.location(i, j);
  if (ctx.method.empty()) {
    d.message = fmt::format(
        "normalization '{}' needs {} values, but option '{}' scores {} on criterion '{}'",
        ctx.normalization, need, p.options[i], quantity(p.at(i, j)), p.criteria[j].id);
    d.hint = "choose another normalization, e.g. --normalization minmax";
  } else {
    d.message = fmt::format(
        "the {} compares {} as ratios (normalization '{}'), which needs {} values, but option "
        "'{}' scores {} on criterion '{}'",
        ctx.method, p.criteria[j].direction == Direction::Cost ? "costs" : "values",
        ctx.normalization, need, p.options[i], quantity(p.at(i, j)), p.criteria[j].id);
    d.hint = "the weighted sum accepts it: --method wsm";
  }
  throw Error(std::move(d));
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

/// Extremes always; sums and sums of squares only when the normalisation uses them.
std::vector<ColumnStats> column_stats(const DecisionProblem& p, bool with_sums) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  std::vector<ColumnStats> stats(m);
  if (n == 0) return stats;
  std::vector<double> lo(p.values.begin(), p.values.begin() + static_cast<std::ptrdiff_t>(m));
  std::vector<double> hi = lo;
  std::vector<double> sum(m, 0.0);
  std::vector<double> squares(m, 0.0);
  if (with_sums) {
    extremes_and_sums(p.values.data(), n, m, lo.data(), hi.data(), sum.data(), squares.data());
  } else {
    extremes(p.values.data(), n, m, lo.data(), hi.data());
  }
  for (size_t j = 0; j < m; ++j) stats[j] = {lo[j], hi[j], sum[j], squares[j]};
  return stats;
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

}  // namespace

NormalizedMatrix normalize(const DecisionProblem& p, Normalization normalization,
                           std::string_view method, bool orient, bool materialize) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  NormalizedMatrix out;
  out.sign.assign(m, 1.0);
  out.how.assign(m, "");
  const DomainContext name{to_string(normalization), method};
  if (n == 0) {
    // No options (all vetoed): nothing to normalise, but say what each criterion would use.
    DecisionProblem one = p;
    one.options = {"-"};
    one.values.assign(m, 1.0);
    one.where.clear();
    NormalizedMatrix described = normalize(one, normalization, method, orient, false);
    return described;
  }
  const std::vector<ColumnStats> stats = column_stats(
      p, normalization == Normalization::Sum || normalization == Normalization::Vector);
  std::vector<Transform> transform(m);
  for (size_t j = 0; j < m; ++j) {
    const Column& c = p.criteria[j];
    const ColumnStats& s = stats[j];
    const bool cost = orient && c.direction == Direction::Cost;
    Transform& t = transform[j];
    switch (normalization) {
      case Normalization::Declared:
        if (c.value_function) {
          t.kind = Transform::Kind::ValueFunction;
          t.function = &*c.value_function;
          out.how[j] = "value function";
        } else if (c.scale) {
          const double lo = c.scale->first;
          const double hi = c.scale->second;
          t = cost ? affine(hi, lo - hi) : affine(lo, hi - lo);
          // Scores outside the scale are rejected on loading; keep API callers within it too.
          t.low = 0;
          t.high = 1;
          out.how[j] = fmt::format("scale [{}, {}]", quantity(lo), quantity(hi));
        } else {
          t = minmax(s, cost);
          out.how[j] = "min-max";
        }
        break;
      case Normalization::MinMax:
        t = minmax(s, cost);
        out.how[j] = "min-max";
        break;
      case Normalization::None:
        t = affine(0, 1);
        out.sign[j] = cost ? -1.0 : 1.0;
        out.how[j] = "none (raw)";
        break;
      case Normalization::Max:
        if (cost) {
          if (!(s.min > 0)) domain_error(p, first_row(p, j, is_positive), j, name, "positive");
          t = {Transform::Kind::Reciprocal, 0, s.min, 0};
          out.how[j] = "min / x";
        } else {
          if (s.min < 0) domain_error(p, first_row(p, j, is_non_negative), j, name, "non-negative");
          t = s.max > 0 ? affine(0, s.max) : constant(1);
          out.how[j] = "x / max";
        }
        break;
      case Normalization::Sum:
        if (cost) {
          if (!(s.min > 0)) domain_error(p, first_row(p, j, is_positive), j, name, "positive");
          double sum_inverse = 0;
          for (size_t i = 0; i < n; ++i) sum_inverse += 1 / p.at(i, j);
          t = {Transform::Kind::Reciprocal, 0, 1 / sum_inverse, 0};
          out.how[j] = "(1/x) / sum(1/x)";
        } else {
          if (s.min < 0) domain_error(p, first_row(p, j, is_non_negative), j, name, "non-negative");
          t = s.sum > 0 ? affine(0, s.sum) : constant(1 / static_cast<double>(n));
          out.how[j] = "x / sum";
        }
        break;
      case Normalization::Vector: {
        const double norm = std::sqrt(s.sum_squares);
        if (norm > 0) {
          t = cost ? affine(0, -norm, 1) : affine(0, norm);
        } else {
          t = constant(cost ? 1.0 : 0.0);
        }
        out.how[j] = cost ? "1 - x / norm" : "x / norm";
        break;
      }
    }
  }
  if (!orient) {
    // Costs are normalised like benefits here (the method takes the smallest as best): say so.
    for (size_t j = 0; j < m; ++j) {
      if (p.criteria[j].direction == Direction::Cost) out.how[j] += ", cost not mirrored";
    }
  }
  out.transform = transform;
  for (const auto& t : transform) out.affine = out.affine && t.affine();
  out.raw_min.resize(m);
  out.raw_max.resize(m);
  for (size_t j = 0; j < m; ++j) {
    out.raw_min[j] = stats[j].min;
    out.raw_max[j] = stats[j].max;
  }
  if (!materialize) return out;
  // Second pass: every column as if affine (vectorised), then the few that are not.
  std::vector<double> shift(m, 0.0);
  std::vector<double> divisor(m, 1.0);
  std::vector<double> offset(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    if (transform[j].kind == Transform::Kind::Affine) {
      shift[j] = transform[j].shift;
      divisor[j] = transform[j].divisor;
      offset[j] = transform[j].offset;
    }
  }
  out.values.resize(n * m);
  as_matrix(out.values, n, m).array() =
      ((as_matrix(p.values, n, m).rowwise() - as_vector(shift).transpose()).array().rowwise() /
       as_vector(divisor).transpose().array())
          .rowwise() +
      as_vector(offset).transpose().array();
  if (!out.affine) {
    for (size_t j = 0; j < m; ++j) {
      if (transform[j].affine()) continue;
      for (size_t i = 0; i < n; ++i) out.values[i * m + j] = transform[j].apply(p.at(i, j));
    }
  }
  return out;
}

}  // namespace tradeoff::detail
