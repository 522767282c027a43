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

/// How a column's raw value becomes its normalised value: r = (x - shift) / divisor + offset
/// (a constant column divides by infinity), r = divisor / x (ratios of cost criteria), or the
/// value function. Dividing, rather than multiplying by a reciprocal, keeps the ends exact:
/// min-max gives the worst option exactly 0 and the best exactly 1.
struct Transform {
  enum class Kind { Affine, Reciprocal, ValueFunction } kind = Kind::Affine;
  double shift = 0;
  double divisor = 1;
  double offset = 0;
};

std::vector<ColumnStats> column_stats(const DecisionProblem& p) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  std::vector<ColumnStats> stats(m);
  if (n == 0) return stats;
  std::vector<double> lo(p.values.begin(), p.values.begin() + static_cast<std::ptrdiff_t>(m));
  std::vector<double> hi = lo;
  std::vector<double> sum(m, 0.0);
  std::vector<double> squares(m, 0.0);
  // Row-major, one branch-free pass: the matrix is read once, whatever its size.
  for (size_t i = 0; i < n; ++i) {
    const double* row = p.values.data() + i * m;
    for (size_t j = 0; j < m; ++j) {
      const double x = row[j];
      lo[j] = x < lo[j] ? x : lo[j];
      hi[j] = x > hi[j] ? x : hi[j];
      sum[j] += x;
      squares[j] += x * x;
    }
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
                           std::string_view method, bool orient) {
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
    NormalizedMatrix described = normalize(one, normalization, method, orient);
    described.values.clear();
    return described;
  }
  const std::vector<ColumnStats> stats = column_stats(p);
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
          out.how[j] = "value function";
        } else if (c.scale) {
          const double lo = c.scale->first;
          const double hi = c.scale->second;
          t = cost ? affine(hi, lo - hi) : affine(lo, hi - lo);
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
  // Second pass: every column as if affine (vectorised), then the few that are not.
  std::vector<double> shift(m, 0.0);
  std::vector<double> divisor(m, 1.0);
  std::vector<double> offset(m, 0.0);
  bool all_affine = true;
  for (size_t j = 0; j < m; ++j) {
    if (transform[j].kind == Transform::Kind::Affine) {
      shift[j] = transform[j].shift;
      divisor[j] = transform[j].divisor;
      offset[j] = transform[j].offset;
    } else {
      all_affine = false;
    }
  }
  out.values.resize(n * m);
  as_matrix(out.values, n, m).array() =
      ((as_matrix(p.values, n, m).rowwise() - as_vector(shift).transpose()).array().rowwise() /
       as_vector(divisor).transpose().array())
          .rowwise() +
      as_vector(offset).transpose().array();
  if (!all_affine) {
    for (size_t j = 0; j < m; ++j) {
      const Transform& t = transform[j];
      if (t.kind == Transform::Kind::Reciprocal) {
        for (size_t i = 0; i < n; ++i) out.values[i * m + j] = t.divisor / p.at(i, j);
      } else if (t.kind == Transform::Kind::ValueFunction) {
        const ValueFunction& vf = *p.criteria[j].value_function;
        for (size_t i = 0; i < n; ++i) out.values[i * m + j] = apply_value_function(vf, p.at(i, j));
      }
    }
  }
  // Declared scales: scores outside the scale are rejected when loading; clamp defensively so
  // that API users cannot push a criterion past its weight.
  if (normalization == Normalization::Declared) {
    for (size_t j = 0; j < m; ++j) {
      if (!p.criteria[j].scale || p.criteria[j].value_function) continue;
      for (size_t i = 0; i < n; ++i) out.values[i * m + j] = std::clamp(out.values[i * m + j], 0.0, 1.0);
    }
  }
  return out;
}

}  // namespace tradeoff::detail
