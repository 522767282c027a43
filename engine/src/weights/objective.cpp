// Objective weights read from the decision matrix: entropy (how unevenly a criterion spreads
// the options) and CRITIC (spread times conflict with the other criteria). Both throw Error
// [method-domain] when the matrix cannot give any criterion a weight.
#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "problem/magnitude.hpp"
#include "support/text.hpp"
#include "weights/weigh.hpp"
#include "weights/weighting.hpp"

namespace tradeoff::detail {

namespace {

/// (1 + x) ln(1 + x) - x, accurate for small x (where it is about x^2 / 2 and the direct form
/// cancels): the series sum over k >= 2 of (-1)^k x^k / (k (k - 1)).
double entropy_term(double x) {
  if (x <= -1) return 1;  // a share of 0: 0 ln 0 = 0
  if (std::fabs(x) < 1e-3) {
    double power = x * x;
    double sum = 0;
    for (int k = 2; k <= 8; ++k) {
      sum += (k % 2 == 0 ? power : -power) / static_cast<double>(k * (k - 1));
      power *= x;
    }
    return sum;
  }
  return (1 + x) * std::log1p(x) - x;
}

/// The diversity 1 - E_j of column j, computed as the divergence of its shares q_i from the
/// uniform 1/n over ln n: sum q_i ln(n q_i) / ln n. Written with q_i = (1 + x_i)/n, where the
/// x_i are the deviations from the mean (which sum to 0), it is the mean of
/// (1 + x_i) ln(1 + x_i) - x_i: no cancellation against 1, so a column that varies a little
/// gets its small diversity, and one that does not vary gets exactly 0.
double entropy_diversity(const DecisionProblem& p, size_t j, double sum) {
  const size_t n = p.rows();
  double lo = p.at(0, j);
  double hi = lo;
  for (size_t i = 1; i < n; ++i) {
    lo = std::min(lo, p.at(i, j));
    hi = std::max(hi, p.at(i, j));
  }
  if (!(hi > lo) || !(sum > 0)) return 0;  // alike everywhere (or all zero): no information
  // The shares are the same in any unit: a sum that overflows is taken in units of the
  // largest value, a power of two.
  const double unit = std::isfinite(sum) ? 1.0 : power_of_two_below(hi);
  if (unit != 1) {
    sum = 0;
    for (size_t i = 0; i < n; ++i) sum += p.at(i, j) / unit;
  }
  const double mean = sum / static_cast<double>(n);
  double divergence = 0;
  for (size_t i = 0; i < n; ++i) divergence += entropy_term((p.at(i, j) / unit - mean) / mean);
  divergence /= static_cast<double>(n);
  return std::max(0.0, divergence / std::log(static_cast<double>(n)));
}

/// Throws for a negative score, which has no share to take an entropy of.
[[noreturn]] void negative_score(const DecisionProblem& p, size_t i, size_t j,
                                 const SourceLocation& where) {
  Diagnostic d = make_diagnostic(
      ErrorCode::MethodDomain, p.location(i, j).file.empty() ? where : p.location(i, j),
      fmt::format("entropy weights need non-negative values, but option '{}' scores {} on "
                  "criterion '{}'",
                  p.option(i), quantity(p.at(i, j)), p.criteria[j].id),
      "CRITIC weights accept any scores: weighting: {method: critic}");
  d.length = static_cast<int>(plain_number(p.at(i, j)).size());
  throw Error(std::move(d));
}

/// Min-max normalised scores (rows options, columns criteria), direction-aware; 0 for a column
/// that does not vary.
std::vector<double> minmax_scores(const DecisionProblem& p) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  std::vector<double> r(n * m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    double lo = p.at(0, j);
    double hi = lo;
    for (size_t i = 1; i < n; ++i) {
      lo = std::min(lo, p.at(i, j));
      hi = std::max(hi, p.at(i, j));
    }
    // A range that overflows (scores of -1e308 and 1e308) is taken in units of a power of two.
    const double unit = std::isfinite(hi - lo) ? 1.0 : power_of_two_below(lo, hi);
    const double top = hi / unit;
    const double bottom = lo / unit;
    for (size_t i = 0; i < n; ++i) {
      const bool cost = p.criteria[j].direction == Direction::Cost;
      const double x = p.at(i, j) / unit;
      r[i * m + j] = hi > lo ? (cost ? top - x : x - bottom) / (top - bottom) : 0.0;
    }
  }
  return r;
}

/// The columns of an n x m row-major matrix: their means and sample standard deviations.
struct ColumnStats {
  std::vector<double> mean;
  std::vector<double> sd;
};

ColumnStats column_stats(const std::vector<double>& r, size_t n, size_t m) {
  ColumnStats s{std::vector<double>(m, 0.0), std::vector<double>(m, 0.0)};
  for (size_t j = 0; j < m; ++j) {
    for (size_t i = 0; i < n; ++i) s.mean[j] += r[i * m + j];
    s.mean[j] /= static_cast<double>(n);
    for (size_t i = 0; i < n; ++i) {
      s.sd[j] += (r[i * m + j] - s.mean[j]) * (r[i * m + j] - s.mean[j]);
    }
    s.sd[j] = std::sqrt(s.sd[j] / static_cast<double>(n - 1));
  }
  return s;
}

/// Pearson's r between columns j and k; 1 on the diagonal, 0 (no correlation) when either
/// column is constant, and exactly +-1 when the columns move together to within rounding.
double correlation(const std::vector<double>& r, size_t n, size_t m, const ColumnStats& s, size_t j,
                   size_t k) {
  if (k == j) return 1;
  if (!(s.sd[j] > 0 && s.sd[k] > 0)) return 0;
  double cov = 0;
  for (size_t i = 0; i < n; ++i) cov += (r[i * m + j] - s.mean[j]) * (r[i * m + k] - s.mean[k]);
  double corr = std::clamp(cov / static_cast<double>(n - 1) / (s.sd[j] * s.sd[k]), -1.0, 1.0);
  // Columns that move together exactly must not keep a conflict made of rounding.
  if (1 - std::fabs(corr) < 1e-12) corr = corr > 0 ? 1 : -1;
  return corr;
}

}  // namespace

std::vector<double> entropy_weights(const DecisionProblem& p, const SourceLocation& where) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  if (n < 2) {
    fail(ErrorCode::MethodDomain, where, "entropy weights need at least two options to compare");
  }
  std::vector<double> d(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    double sum = 0;
    for (size_t i = 0; i < n; ++i) {
      if (p.at(i, j) < 0) negative_score(p, i, j, where);
      sum += p.at(i, j);
    }
    d[j] = entropy_diversity(p, j, sum);
  }
  const double total = std::accumulate(d.begin(), d.end(), 0.0);
  if (!(total > 0)) {
    fail(ErrorCode::MethodDomain, where,
         "no criterion varies across the options, so entropy gives none any weight");
  }
  for (auto& x : d) x /= total;
  return d;
}

std::vector<double> critic_weights(const DecisionProblem& p, const SourceLocation& where) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  if (n < 2) {
    fail(ErrorCode::MethodDomain, where, "CRITIC weights need at least two options to compare");
  }
  const std::vector<double> r = minmax_scores(p);
  const ColumnStats s = column_stats(r, n, m);
  if (std::none_of(s.sd.begin(), s.sd.end(), [](double x) { return x > 0; })) {
    fail(ErrorCode::MethodDomain, where,
         "no criterion varies across the options, so CRITIC gives none any weight");
  }
  // A lone criterion has nothing to conflict with: it takes the whole weight.
  if (m == 1) return {1.0};
  std::vector<double> c(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    double conflict = 0;
    for (size_t k = 0; k < m; ++k) conflict += 1 - correlation(r, n, m, s, j, k);
    c[j] = s.sd[j] * conflict;
  }
  const double total = std::accumulate(c.begin(), c.end(), 0.0);
  if (!(total > 0)) {
    fail(ErrorCode::MethodDomain, where,
         "the criteria that vary move in step (perfectly correlated), so CRITIC's conflict "
         "measure gives none any weight");
  }
  for (auto& x : c) x /= total;
  return c;
}

std::vector<double> objective_weights(const WeightingSpec& spec, const DecisionProblem& problem,
                                      const std::vector<size_t>& columns) {
  DecisionProblem sub;
  sub.options = problem.options;
  sub.shared_options = problem.shared_options;
  for (size_t c : columns) sub.criteria.push_back(problem.criteria[c]);
  for (size_t i = 0; i < problem.rows(); ++i) {
    for (size_t c : columns) {
      sub.values.push_back(problem.at(i, c));
      if (!problem.where.empty()) sub.where.push_back(problem.where[i * problem.cols() + c]);
    }
  }
  if (problem.where.empty() && problem.locate) {
    sub.locate = [&problem, &columns](size_t i, size_t j) {
      return problem.location(i, columns[j]);
    };
  }
  return spec.method == WeightingMethod::Entropy ? entropy_weights(sub, spec.where)
                                                 : critic_weights(sub, spec.where);
}

}  // namespace tradeoff::detail
