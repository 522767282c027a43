// VIKOR (Opricovic and Tzeng 2007): group utility S, individual regret R and their compromise Q
// (lower is better); with the details, the two acceptance conditions and the compromise set.
#include <algorithm>
#include <cmath>
#include <limits>

#include "methods/affine.hpp"
#include "methods/method.hpp"
#include "problem/magnitude.hpp"

namespace tradeoff::detail {

namespace {

/// Relative size below which a spread of computed values is taken for rounding noise.
constexpr double kSpreadTolerance = 1e-12;

/// S_i (sum) and R_i (largest) of the terms c_j + d_j x_ij, in one pass over the raw matrix.
/// A function of its own, so that the accumulators stay in registers.
void fused_regrets(const double* __restrict x, size_t n, size_t m, const double* __restrict c,
                   const double* __restrict d, double* __restrict s, double* __restrict r) {
  for (size_t i = 0; i < n; ++i) {
    const double* row = x + i * m;
    double sum = 0;
    double top = 0;
    for (size_t j = 0; j < m; ++j) {
      const double term = c[j] + d[j] * row[j];
      sum += term;
      top = term > top ? term : top;
    }
    s[i] = sum;
    r[i] = top;
  }
}

/// S_i and R_i term by term: term_ij = w_j (best_j - y_ij) / range_j, with y in `units` when
/// given; writes -term to `contributions` when given.
void regrets(const DecisionProblem& p, const NormalizedMatrix& r, const std::vector<double>& scale,
             const std::vector<double>& best, const std::vector<double>* units,
             std::vector<double>* contributions, std::vector<double>& s, std::vector<double>& rr) {
  const size_t m = p.cols();
  for (size_t i = 0; i < p.rows(); ++i) {
    double sum = 0;
    double top = 0;
    for (size_t j = 0; j < m; ++j) {
      const double y = r.sign[j] * r.value(p, i, j);
      const double term = scale[j] * (best[j] - (units != nullptr ? y / (*units)[j] : y));
      sum += term;
      top = term > top ? term : top;
      if (contributions != nullptr) (*contributions)[i * m + j] = -term;
    }
    s[i] = sum;
    rr[i] = top;
  }
}

/// Each column's best and worst oriented value y = s r (more is better).
void column_best_worst(const DecisionProblem& p, const NormalizedMatrix& r, const double* a,
                       const double* b, std::vector<double>& best, std::vector<double>& worst) {
  const size_t m = p.cols();
  if (fused(r)) {
    for (size_t j = 0; j < m; ++j) {
      const double y1 = r.sign[j] * (a[j] * r.raw_min[j] + b[j]);
      const double y2 = r.sign[j] * (a[j] * r.raw_max[j] + b[j]);
      best[j] = std::max(y1, y2);
      worst[j] = std::min(y1, y2);
    }
    return;
  }
  for (size_t i = 0; i < p.rows(); ++i) {
    for (size_t j = 0; j < m; ++j) {
      const double y = r.sign[j] * r.value(p, i, j);
      best[j] = std::max(best[j], y);
      worst[j] = std::min(worst[j], y);
    }
  }
}

/// A spread within rounding of the values themselves is no spread: options that are alike in
/// exact arithmetic (rotations of the same scores, say) sum in different orders and differ in
/// the last bits, and dividing by that difference would turn noise into a Q of 0 or 1.
double spread(double lo, double hi) {
  const double width = hi - lo;
  return width > kSpreadTolerance * std::max(std::abs(lo), std::abs(hi)) ? width : 0.0;
}

/// The acceptance conditions and the compromise set: only the best few options matter, so find
/// them without sorting everything.
void compromise(const DecisionProblem& p, const std::vector<double>& q,
                const std::vector<double>& s, const std::vector<double>& rr, double s_best,
                double r_best, double v, MethodDetails& details) {
  const size_t n = q.size();
  const double dq = n > 1 ? 1.0 / static_cast<double>(n - 1) : 0.0;
  bool advantage = true;
  bool stability = true;
  auto better = [&](size_t a, size_t b) {
    if (q[a] != q[b]) return q[a] < q[b];
    return p.option(a) < p.option(b);
  };
  if (n > 1) {
    size_t a1 = 0;
    for (size_t i = 1; i < n; ++i) {
      if (better(i, a1)) a1 = i;
    }
    size_t a2 = a1 == 0 ? 1 : 0;
    for (size_t i = 0; i < n; ++i) {
      if (i != a1 && better(i, a2)) a2 = i;
    }
    advantage = q[a2] - q[a1] >= dq - 1e-12;
    stability = s[a1] <= s_best + 1e-12 || rr[a1] <= r_best + 1e-12;
    if (!advantage) {
      std::vector<size_t> set;
      for (size_t i = 0; i < n; ++i) {
        if (q[i] - q[a1] < dq - 1e-12) set.push_back(i);
      }
      std::sort(set.begin(), set.end(), better);
      for (size_t k : set) details.compromise_set.push_back(p.option(k));
    } else if (!stability) {
      details.compromise_set = {p.option(a1), p.option(a2)};
    } else {
      details.compromise_set = {p.option(a1)};
    }
  } else if (n == 1) {
    details.compromise_set = {p.option(0)};
  }
  details.figures = {{"v", v}, {"dq", dq}};
  details.conditions = {{"acceptable_advantage", advantage}, {"acceptable_stability", stability}};
}

}  // namespace

void vikor(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params,
           MethodOutput& out, Workspace& ws) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  const double v = params.v;
  std::vector<double>& a = ws.buffers[0];
  std::vector<double>& b = ws.buffers[1];
  affine_columns(r, a, b);
  std::vector<double>& best = ws.buffer(2, m, -std::numeric_limits<double>::infinity());
  std::vector<double>& worst = ws.buffer(3, m, std::numeric_limits<double>::infinity());
  column_best_worst(p, r, a.data(), b.data(), best, worst);
  // Each criterion's regret is its weighted distance from the best value seen, as a share of
  // the column's range: term_ij = w_j (best_j - y_ij) / range_j = c_j + d_j x_ij when fused.
  std::vector<double>& scale = ws.buffer(4, m);
  std::vector<double>& c = ws.buffer(5, m);
  std::vector<double>& d = ws.buffer(6, m);
  // Raw values (`none`) may span more than the largest double, or less than the smallest
  // normal one (where w / range overflows): such a column is taken in units of a power of two
  // (units[j], else 1), in which best and worst are rewritten.
  std::vector<double>& units = ws.buffer(9, m, 1.0);
  bool scaled = false;
  for (size_t j = 0; j < m; ++j) {
    const double width = best[j] - worst[j];
    if (!std::isfinite(width) || (width > 0 && width < std::numeric_limits<double>::min())) {
      units[j] = power_of_two_below(best[j], worst[j]);
      best[j] /= units[j];
      worst[j] /= units[j];
      scaled = true;
    }
    const double range = best[j] - worst[j];
    scale[j] = range > 0 ? p.weights[j] / range : 0.0;
    c[j] = scale[j] * (best[j] - r.sign[j] * b[j]);
    d[j] = -scale[j] * r.sign[j] * a[j];
  }
  std::vector<double>& s = ws.buffer(7, n);
  std::vector<double>& rr = ws.buffer(8, n);
  if (params.contributions) out.contributions.assign(n * m, 0.0);
  if (fused(r) && !params.contributions && !scaled) {
    fused_regrets(p.data(), n, m, c.data(), d.data(), s.data(), rr.data());
  } else if (!scaled) {
    regrets(p, r, scale, best, nullptr, params.contributions ? &out.contributions : nullptr, s, rr);
  } else {
    regrets(p, r, scale, best, &units, params.contributions ? &out.contributions : nullptr, s, rr);
  }
  const double s_best = n > 0 ? *std::min_element(s.begin(), s.end()) : 0;
  const double s_worst = n > 0 ? *std::max_element(s.begin(), s.end()) : 0;
  const double r_best = n > 0 ? *std::min_element(rr.begin(), rr.end()) : 0;
  const double r_worst = n > 0 ? *std::max_element(rr.begin(), rr.end()) : 0;
  const double s_spread = spread(s_best, s_worst);
  const double r_spread = spread(r_best, r_worst);
  out.scores.resize(n);
  for (size_t i = 0; i < n; ++i) {
    // 0/0 (every option alike on S or R) contributes nothing.
    const double qs = s_spread > 0 ? (s[i] - s_best) / s_spread : 0.0;
    const double qr = r_spread > 0 ? (rr[i] - r_best) / r_spread : 0.0;
    out.scores[i] = v * qs + (1 - v) * qr;
  }
  out.higher_is_better = false;
  if (!params.details) return;
  compromise(p, out.scores, s, rr, s_best, r_best, v, out.details);
  out.details.per_option.emplace_back("S", s);
  out.details.per_option.emplace_back("R", rr);
  out.details.per_option.emplace_back("Q", out.scores);
}

}  // namespace tradeoff::detail
