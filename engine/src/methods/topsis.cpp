// TOPSIS: closeness to the ideal, d- / (d+ + d-), over the weighted normalised values; costs are
// not mirrored but take the smallest value as ideal (except a cost turned into value by its
// value function or scale, which is more-is-better already).
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "methods/affine.hpp"
#include "methods/method.hpp"

namespace tradeoff::detail {

namespace {

/// The squared distances of one raw row to the ideal and anti-ideal, through the affine
/// weighted normalisation alpha_j x + beta_j.
void squared_distances(const double* __restrict row, size_t m, const double* __restrict alpha,
                       const double* __restrict beta_plus, const double* __restrict beta_minus,
                       double& plus, double& minus) {
  double p = 0;
  double q = 0;
  for (size_t j = 0; j < m; ++j) {
    const double dp = alpha[j] * row[j] + beta_plus[j];
    const double dm = alpha[j] * row[j] + beta_minus[j];
    p += dp * dp;
    q += dm * dm;
  }
  plus = p;
  minus = q;
}

/// Each column's largest (hi) and smallest (lo) normalised value.
void column_extremes(const DecisionProblem& p, const NormalizedMatrix& r, const double* a,
                     const double* b, std::vector<double>& hi, std::vector<double>& lo) {
  const size_t m = p.cols();
  if (fused(r)) {
    // The transforms are monotone: the column extremes come from the raw extremes.
    for (size_t j = 0; j < m; ++j) {
      const double x1 = a[j] * r.raw_min[j] + b[j];
      const double x2 = a[j] * r.raw_max[j] + b[j];
      hi[j] = std::max(x1, x2);
      lo[j] = std::min(x1, x2);
    }
    return;
  }
  for (size_t i = 0; i < p.rows(); ++i) {
    for (size_t j = 0; j < m; ++j) {
      const double v = r.value(p, i, j);
      hi[j] = std::max(hi[j], v);
      lo[j] = std::min(lo[j], v);
    }
  }
}

/// Differences below this have squares that underflow and lose their digits.
constexpr double kTinyDistance = 0x1p-484;

/// The distance between row i's weighted values and `target`, hypot-style: the differences
/// are divided by the largest first, so that squares of tiny differences (weights or values
/// near 1e-200, say) do not underflow to 0.
double scaled_distance(const DecisionProblem& p, const NormalizedMatrix& r, size_t i,
                       const std::vector<double>& target) {
  double largest = 0;
  for (size_t j = 0; j < p.cols(); ++j) {
    largest = std::max(largest, std::fabs(p.weights[j] * r.value(p, i, j) - target[j]));
  }
  if (largest == 0) return 0;
  double sum = 0;
  for (size_t j = 0; j < p.cols(); ++j) {
    const double d = (p.weights[j] * r.value(p, i, j) - target[j]) / largest;
    sum += d * d;
  }
  return largest * std::sqrt(sum);
}

/// A cost whose normalised values are not mirrored: its smallest value is the best. A column
/// turned into value (value function or scale) is more-is-better already, cost or not.
bool unmirrored_cost(const DecisionProblem& p, const NormalizedMatrix& r, size_t j) {
  return p.criteria[j].direction == Direction::Cost && !r.is_valued(j);
}

}  // namespace

void topsis(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params,
            MethodOutput& out, Workspace& ws) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  std::vector<double>& a = ws.buffers[0];
  std::vector<double>& b = ws.buffers[1];
  affine_columns(r, a, b);
  // Weighted normalised values v_ij = w_j r_ij; the ideal takes the best of each column (the
  // largest for a benefit, the smallest for a cost), the anti-ideal the worst.
  std::vector<double>& hi = ws.buffer(2, m, -std::numeric_limits<double>::infinity());
  std::vector<double>& lo = ws.buffer(3, m, std::numeric_limits<double>::infinity());
  column_extremes(p, r, a.data(), b.data(), hi, lo);
  std::vector<double>& ideal = ws.buffer(4, m);
  std::vector<double>& anti = ws.buffer(5, m);
  // v_ij - ideal_j = alpha_j x_ij + beta_j when fused.
  std::vector<double>& alpha = ws.buffer(6, m);
  std::vector<double>& beta_plus = ws.buffer(7, m);
  std::vector<double>& beta_minus = ws.buffer(8, m);
  for (size_t j = 0; j < m; ++j) {
    const bool cost = unmirrored_cost(p, r, j);
    const double top = n > 0 ? hi[j] * p.weights[j] : 0;
    const double bottom = n > 0 ? lo[j] * p.weights[j] : 0;
    ideal[j] = cost ? bottom : top;
    anti[j] = cost ? top : bottom;
    alpha[j] = p.weights[j] * a[j];
    beta_plus[j] = p.weights[j] * b[j] - ideal[j];
    beta_minus[j] = p.weights[j] * b[j] - anti[j];
  }
  std::vector<double>& d_plus = ws.buffer(9, n);
  std::vector<double>& d_minus = ws.buffer(10, n);
  out.scores.assign(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    double plus = 0;
    double minus = 0;
    if (fused(r)) {
      squared_distances(p.data() + i * m, m, alpha.data(), beta_plus.data(), beta_minus.data(),
                        plus, minus);
    } else {
      for (size_t j = 0; j < m; ++j) {
        const double x = p.weights[j] * r.value(p, i, j);
        plus += (x - ideal[j]) * (x - ideal[j]);
        minus += (x - anti[j]) * (x - anti[j]);
      }
    }
    d_plus[i] = std::sqrt(plus);
    d_minus[i] = std::sqrt(minus);
    // Below 2^-484 the squares above lost their digits or underflowed to 0 (weights or values
    // near 1e-300, say): such a distance is taken again, hypot-style. Rare, so off the fast path.
    if (d_plus[i] < kTinyDistance) d_plus[i] = scaled_distance(p, r, i, ideal);
    if (d_minus[i] < kTinyDistance) d_minus[i] = scaled_distance(p, r, i, anti);
    // An option that is both ideal and anti-ideal (every option alike) sits halfway.
    const double total = d_plus[i] + d_minus[i];
    out.scores[i] = total > 0 ? d_minus[i] / total : 0.5;
  }
  if (params.contributions) {
    // For the explanation: the weighted value, oriented so that more is better (a cost whose
    // values are not mirrored counts from its weight down).
    out.weighted.factor.assign(p.weights.begin(), p.weights.end());
    out.weighted.weight.assign(p.weights.begin(), p.weights.end());
    out.weighted.mirrored.resize(m);
    for (size_t j = 0; j < m; ++j) out.weighted.mirrored[j] = unmirrored_cost(p, r, j) ? 1 : 0;
    give_weighted_contributions(p, r, params, out);
  }
  if (!params.details) return;
  // Moved, not copied: a run that asks for details (a traced one) is not the hot loop that
  // reuses the workspace.
  out.details.per_option.emplace_back("d_plus", std::move(d_plus));
  out.details.per_option.emplace_back("d_minus", std::move(d_minus));
  out.details.per_criterion.emplace_back("ideal", ideal);
  out.details.per_criterion.emplace_back("anti_ideal", anti);
}

}  // namespace tradeoff::detail
