// Aggregation methods: WSM, WPM, WASPAS, TOPSIS, VIKOR and PROMETHEE II, and their registry.
// Conventions (normalisation, cost handling, weights) are documented in the README.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "linalg.hpp"
#include "methods/method.hpp"
#include "text.hpp"

namespace tradeoff::detail {

namespace {

/// Relative size below which a spread of computed values is taken for rounding noise.
constexpr double kSpreadTolerance = 1e-12;

/// For an all-affine normalisation: r_ij = a_j x_ij + b_j, so that methods can work on the raw
/// matrix in one pass instead of a normalised copy.
struct AffineColumns {
  std::vector<double> a;
  std::vector<double> b;
};

AffineColumns affine_columns(const NormalizedMatrix& r) {
  AffineColumns out;
  for (const auto& t : r.transform) {
    const double a = 1 / t.divisor;  // 0 for a constant column (divisor infinite)
    out.a.push_back(a);
    out.b.push_back(t.offset - t.shift * a);
  }
  return out;
}

/// VIKOR's S_i (sum) and R_i (largest) of the terms c_j + d_j x_ij, in one pass over the raw
/// matrix. A function of its own, so that the accumulators stay in registers.
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

/// TOPSIS: the squared distances of one raw row to the ideal and anti-ideal, through the
/// affine weighted normalisation alpha_j x + beta_j.
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

/// The normalised value r_ij.
double value(const DecisionProblem& p, const NormalizedMatrix& r, size_t i, size_t j) {
  return r.value(p, i, j);
}

/// w_j s_j r_ij: the weighted normalised values, more is better.
std::vector<double> weighted_values(const DecisionProblem& p, const NormalizedMatrix& r) {
  const size_t m = p.cols();
  std::vector<double> out(p.rows() * m);
  for (size_t i = 0; i < p.rows(); ++i) {
    for (size_t j = 0; j < m; ++j) out[i * m + j] = p.weights[j] * r.sign[j] * value(p, r, i, j);
  }
  return out;
}

/// Log of the weighted product of option i; throws for a non-positive value of a criterion
/// with weight (WPM). With `allow_zero`, a zero value that counts with a positive exponent
/// makes the product 0, the worst (WASPAS); a zero with a negative exponent (a cost taken
/// as it is) would make it infinite, and is refused like any other.
double log_product(const DecisionProblem& p, const NormalizedMatrix& r, size_t i,
                   double* contributions, bool allow_zero) {
  const size_t m = p.cols();
  double log_score = 0;
  for (size_t j = 0; j < m; ++j) {
    if (p.weights[j] <= 0) continue;  // a criterion without weight takes no part
    const double v = value(p, r, i, j);
    if (allow_zero && v == 0 && r.sign[j] > 0) return -std::numeric_limits<double>::infinity();
    if (!(v > 0)) {
      Diagnostic d;
      d.code = ErrorCode::MethodDomain;
      d.where = p.location(i, j);
      const double raw = p.at(i, j);
      if (v == 0 && r.sign[j] < 0) {
        d.message = fmt::format(
            "option '{}' scores 0 on cost '{}', which the weighted product counts with a "
            "negative exponent: its product would be infinite",
            p.options[i], p.criteria[j].id);
        d.hint = "normalise the costs first (--normalization max) or use --method wsm";
      } else if (!(raw > 0)) {
        d.message = fmt::format(
            "the weighted product needs positive values, but option '{}' scores {} on "
            "criterion '{}'",
            p.options[i], quantity(raw), p.criteria[j].id);
        d.hint = raw == 0 && !allow_zero ? "use a method that accepts zero, e.g. --method wsm"
                                         : "the weighted sum accepts it: --method wsm";
      } else {
        d.message = fmt::format(
            "the weighted product needs positive values, but the normalised score of option "
            "'{}' on criterion '{}' is {} ({})",
            p.options[i], p.criteria[j].id, quantity(v), r.how[j]);
        d.hint = r.how[j] == "min-max" ? "min-max gives the worst option 0; use a ratio "
                                         "normalisation: --normalization max"
                                       : "the weighted sum accepts it: --method wsm";
      }
      throw Error(std::move(d));
    }
    const double part = p.weights[j] * r.sign[j] * std::log(v);
    if (contributions != nullptr) contributions[j] = part;
    log_score += part;
  }
  return log_score;
}

}  // namespace

std::vector<double> wsm_scores(const DecisionProblem& p, const NormalizedMatrix& r) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  std::vector<double> scores(n, 0.0);
  if (r.affine && r.values.empty()) {
    // score_i = sum_j w_j s_j (a_j x_ij + b_j) = X e + c: one product over the raw matrix.
    const AffineColumns ac = affine_columns(r);
    std::vector<double> e(m);
    double c = 0;
    for (size_t j = 0; j < m; ++j) {
      e[j] = p.weights[j] * r.sign[j] * ac.a[j];
      c += p.weights[j] * r.sign[j] * ac.b[j];
    }
    as_vector(scores).noalias() = as_matrix(p.values, n, m) * as_vector(e);
    as_vector(scores).array() += c;
    return scores;
  }
  if (!r.values.empty()) {
    std::vector<double> effective(m);
    for (size_t j = 0; j < m; ++j) effective[j] = p.weights[j] * r.sign[j];
    as_vector(scores).noalias() = as_matrix(r.values, n, m) * as_vector(effective);
    return scores;
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) scores[i] += p.weights[j] * r.sign[j] * value(p, r, i, j);
  }
  return scores;
}

MethodOutput run_wsm(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params) {
  MethodOutput out;
  out.scores = wsm_scores(p, r);
  if (params.contributions) out.contributions = weighted_values(p, r);
  return out;
}

MethodOutput run_wpm(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params) {
  MethodOutput out;
  const size_t n = p.rows();
  const size_t m = p.cols();
  out.scores.assign(n, 0.0);
  if (params.contributions) out.contributions.assign(n * m, 0.0);
  for (size_t i = 0; i < n; ++i) {
    double* parts = params.contributions ? out.contributions.data() + i * m : nullptr;
    out.scores[i] = std::exp(log_product(p, r, i, parts, false));
  }
  return out;
}

MethodOutput run_waspas(const DecisionProblem& p, const NormalizedMatrix& r,
                        const MethodParams& params) {
  MethodOutput out;
  const size_t n = p.rows();
  const double lambda = params.lambda;
  const std::vector<double> sum = wsm_scores(p, r);
  std::vector<double> product(n, 0.0);
  for (size_t i = 0; i < n; ++i) product[i] = std::exp(log_product(p, r, i, nullptr, true));
  out.scores.resize(n);
  for (size_t i = 0; i < n; ++i) out.scores[i] = lambda * sum[i] + (1 - lambda) * product[i];
  if (params.contributions) out.contributions = weighted_values(p, r);
  out.details.per_option.emplace_back("wsm", sum);
  out.details.per_option.emplace_back("wpm", std::move(product));
  out.details.figures = {{"lambda", lambda}};
  return out;
}

MethodOutput run_topsis(const DecisionProblem& p, const NormalizedMatrix& r,
                        const MethodParams& params) {
  MethodOutput out;
  const size_t n = p.rows();
  const size_t m = p.cols();
  // Weighted normalised values v_ij = w_j r_ij; the ideal takes the best of each column (the
  // largest for a benefit, the smallest for a cost), the anti-ideal the worst.
  std::vector<double> ideal(m, 0.0);
  std::vector<double> anti(m, 0.0);
  std::vector<double> hi(m, -std::numeric_limits<double>::infinity());
  std::vector<double> lo(m, std::numeric_limits<double>::infinity());
  const bool fused = r.affine && r.values.empty();
  const AffineColumns ac = affine_columns(r);
  if (fused) {
    // The transforms are monotone: the column extremes come from the raw extremes.
    for (size_t j = 0; j < m; ++j) {
      const double x1 = ac.a[j] * r.raw_min[j] + ac.b[j];
      const double x2 = ac.a[j] * r.raw_max[j] + ac.b[j];
      hi[j] = std::max(x1, x2);
      lo[j] = std::min(x1, x2);
    }
  } else {
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < m; ++j) {
        const double v = value(p, r, i, j);
        hi[j] = std::max(hi[j], v);
        lo[j] = std::min(lo[j], v);
      }
    }
  }
  for (size_t j = 0; j < m; ++j) {
    const bool cost = p.criteria[j].direction == Direction::Cost;
    const double top = n > 0 ? hi[j] * p.weights[j] : 0;
    const double bottom = n > 0 ? lo[j] * p.weights[j] : 0;
    ideal[j] = cost ? bottom : top;
    anti[j] = cost ? top : bottom;
  }
  std::vector<double> d_plus(n, 0.0);
  std::vector<double> d_minus(n, 0.0);
  out.scores.assign(n, 0.0);
  // v_ij - ideal_j = alpha_j x_ij + beta_j when fused.
  std::vector<double> alpha(m);
  std::vector<double> beta_plus(m);
  std::vector<double> beta_minus(m);
  for (size_t j = 0; j < m; ++j) {
    alpha[j] = p.weights[j] * ac.a[j];
    beta_plus[j] = p.weights[j] * ac.b[j] - ideal[j];
    beta_minus[j] = p.weights[j] * ac.b[j] - anti[j];
  }
  for (size_t i = 0; i < n; ++i) {
    double plus = 0;
    double minus = 0;
    if (fused) {
      squared_distances(p.values.data() + i * m, m, alpha.data(), beta_plus.data(),
                        beta_minus.data(), plus, minus);
    } else {
      for (size_t j = 0; j < m; ++j) {
        const double x = p.weights[j] * value(p, r, i, j);
        plus += (x - ideal[j]) * (x - ideal[j]);
        minus += (x - anti[j]) * (x - anti[j]);
      }
    }
    d_plus[i] = std::sqrt(plus);
    d_minus[i] = std::sqrt(minus);
    // An option that is both ideal and anti-ideal (every option alike) sits halfway.
    const double total = d_plus[i] + d_minus[i];
    out.scores[i] = total > 0 ? d_minus[i] / total : 0.5;
  }
  if (params.contributions) {
    // For the explanation: the weighted value, oriented so that more is better.
    out.contributions.assign(n * m, 0.0);
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < m; ++j) {
        const double x = p.weights[j] * value(p, r, i, j);
        const bool cost = p.criteria[j].direction == Direction::Cost;
        out.contributions[i * m + j] = cost ? p.weights[j] - x : x;
      }
    }
  }
  out.details.per_option.emplace_back("d_plus", std::move(d_plus));
  out.details.per_option.emplace_back("d_minus", std::move(d_minus));
  out.details.per_criterion.emplace_back("ideal", std::move(ideal));
  out.details.per_criterion.emplace_back("anti_ideal", std::move(anti));
  return out;
}

MethodOutput run_vikor(const DecisionProblem& p, const NormalizedMatrix& r,
                       const MethodParams& params) {
  MethodOutput out;
  const size_t n = p.rows();
  const size_t m = p.cols();
  const double v = params.v;
  // Oriented values y = s r (more is better); each criterion's regret is its weighted distance
  // from the best value seen, as a share of the column's range.
  std::vector<double> best(m, -std::numeric_limits<double>::infinity());
  std::vector<double> worst(m, std::numeric_limits<double>::infinity());
  const bool fused = r.affine && r.values.empty();
  const AffineColumns ac = affine_columns(r);
  if (fused) {
    for (size_t j = 0; j < m; ++j) {
      const double y1 = r.sign[j] * (ac.a[j] * r.raw_min[j] + ac.b[j]);
      const double y2 = r.sign[j] * (ac.a[j] * r.raw_max[j] + ac.b[j]);
      best[j] = std::max(y1, y2);
      worst[j] = std::min(y1, y2);
    }
  } else {
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < m; ++j) {
        const double y = r.sign[j] * value(p, r, i, j);
        best[j] = std::max(best[j], y);
        worst[j] = std::min(worst[j], y);
      }
    }
  }
  // term_ij = w_j (best_j - y_ij) / range_j = c_j + d_j x_ij when fused.
  std::vector<double> scale(m, 0.0);
  std::vector<double> c(m, 0.0);
  std::vector<double> d(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    const double range = best[j] - worst[j];
    scale[j] = range > 0 ? p.weights[j] / range : 0.0;
    c[j] = scale[j] * (best[j] - r.sign[j] * ac.b[j]);
    d[j] = -scale[j] * r.sign[j] * ac.a[j];
  }
  std::vector<double> s(n, 0.0);
  std::vector<double> rr(n, 0.0);
  if (params.contributions) out.contributions.assign(n * m, 0.0);
  if (fused && !params.contributions) {
    fused_regrets(p.values.data(), n, m, c.data(), d.data(), s.data(), rr.data());
  }
  for (size_t i = 0; i < n && !(fused && !params.contributions); ++i) {
    double sum = 0;
    double top = 0;
    {
      for (size_t j = 0; j < m; ++j) {
        const double term = scale[j] * (best[j] - r.sign[j] * value(p, r, i, j));
        sum += term;
        top = term > top ? term : top;
        if (params.contributions) out.contributions[i * m + j] = -term;
      }
    }
    s[i] = sum;
    rr[i] = top;
  }
  const double s_best = n > 0 ? *std::min_element(s.begin(), s.end()) : 0;
  const double s_worst = n > 0 ? *std::max_element(s.begin(), s.end()) : 0;
  const double r_best = n > 0 ? *std::min_element(rr.begin(), rr.end()) : 0;
  const double r_worst = n > 0 ? *std::max_element(rr.begin(), rr.end()) : 0;
  // A spread within rounding of the values themselves is no spread: options that are alike in
  // exact arithmetic (rotations of the same scores, say) sum in different orders and differ in
  // the last bits, and dividing by that difference would turn noise into a Q of 0 or 1.
  auto spread = [](double lo, double hi) {
    const double width = hi - lo;
    return width > kSpreadTolerance * std::max(std::abs(lo), std::abs(hi)) ? width : 0.0;
  };
  const double s_spread = spread(s_best, s_worst);
  const double r_spread = spread(r_best, r_worst);
  std::vector<double> q(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    // 0/0 (every option alike on S or R) contributes nothing.
    const double qs = s_spread > 0 ? (s[i] - s_best) / s_spread : 0.0;
    const double qr = r_spread > 0 ? (rr[i] - r_best) / r_spread : 0.0;
    q[i] = v * qs + (1 - v) * qr;
  }
  out.higher_is_better = false;
  // The acceptance conditions and the compromise set (Opricovic and Tzeng 2007): only the
  // best few options matter, so find them without sorting everything.
  const double dq = n > 1 ? 1.0 / static_cast<double>(n - 1) : 0.0;
  bool advantage = true;
  bool stability = true;
  auto better = [&](size_t a, size_t b) {
    if (q[a] != q[b]) return q[a] < q[b];
    return p.options[a] < p.options[b];
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
      for (size_t k : set) out.details.compromise_set.push_back(p.options[k]);
    } else if (!stability) {
      out.details.compromise_set = {p.options[a1], p.options[a2]};
    } else {
      out.details.compromise_set = {p.options[a1]};
    }
  } else if (n == 1) {
    out.details.compromise_set = {p.options[0]};
  }
  out.scores = q;
  out.details.per_option.emplace_back("S", std::move(s));
  out.details.per_option.emplace_back("R", std::move(rr));
  out.details.per_option.emplace_back("Q", std::move(q));
  out.details.figures = {{"v", v}, {"dq", dq}};
  out.details.conditions = {{"acceptable_advantage", advantage}, {"acceptable_stability", stability}};
  return out;
}

void preference_sums(const std::vector<double>& y, const Preference& pref, std::vector<double>& f,
                     std::vector<double>& g) {
  const size_t n = y.size();
  f.assign(n, 0.0);
  g.assign(n, 0.0);
  if (n < 2) return;
  if (pref.kind == Preference::Kind::Gaussian) {
    const double two_s2 = 2 * pref.s * pref.s;
    for (size_t a = 0; a < n; ++a) {
      for (size_t b = 0; b < n; ++b) {
        const double d = y[a] - y[b];
        if (d > 0) {
          const double pv = 1 - std::exp(-d * d / two_s2);
          f[a] += pv;
          g[b] += pv;
        }
      }
    }
    return;
  }
  // Options in increasing order of y, with prefix sums of the sorted values. The bounds
  // y_a - p, y_a - q, y_a + q, y_a + p grow with y_a, so four cursors sweep forward once:
  // O(n log n) for the sort, O(n) for the rest.
  std::vector<std::pair<double, size_t>> sorted(n);
  for (size_t k = 0; k < n; ++k) sorted[k] = {y[k], k};
  std::sort(sorted.begin(), sorted.end());
  std::vector<double> prefix(n + 1, 0.0);
  for (size_t k = 0; k < n; ++k) prefix[k + 1] = prefix[k] + sorted[k].first;
  const bool linear = pref.kind == Preference::Kind::Linear || pref.kind == Preference::Kind::VShape;
  const double q = pref.kind == Preference::Kind::Usual || pref.kind == Preference::Kind::VShape ? 0.0 : pref.q;
  const double p = pref.kind == Preference::Kind::Usual || pref.kind == Preference::Kind::UShape ? q : pref.p;
  const double span = p - q;
  size_t below_p = 0;  // #{b : y_b < x - p}
  size_t below_q = 0;  // #{b : y_b < x - q}
  size_t upto_q = 0;   // #{b : y_b <= x + q}
  size_t upto_p = 0;   // #{b : y_b <= x + p}
  for (size_t k = 0; k < n; ++k) {
    const double x = sorted[k].first;
    while (below_p < n && sorted[below_p].first < x - p) ++below_p;
    while (below_q < n && sorted[below_q].first < x - q) ++below_q;
    while (upto_q < n && sorted[upto_q].first <= x + q) ++upto_q;
    while (upto_p < n && sorted[upto_p].first <= x + p) ++upto_p;
    double fa = 0;
    double ga = 0;
    if (pref.kind == Preference::Kind::Usual || pref.kind == Preference::Kind::UShape) {
      // P(d) = 1 for d > q (q = 0 for the usual function).
      fa = static_cast<double>(below_q);
      ga = static_cast<double>(n - upto_q);
    } else if (pref.kind == Preference::Kind::Level) {
      // P(d) = 1/2 for q < d <= p, 1 for d > p.
      fa = static_cast<double>(below_p) + 0.5 * static_cast<double>(below_q - below_p);
      ga = static_cast<double>(n - upto_p) + 0.5 * static_cast<double>(upto_p - upto_q);
    } else if (linear) {
      // P(d) = (d - q) / (p - q) for q < d <= p, 1 for d > p (V-shape: q = 0).
      const double k1 = static_cast<double>(below_q - below_p);
      fa = static_cast<double>(below_p) + (k1 * (x - q) - (prefix[below_q] - prefix[below_p])) / span;
      const double k2 = static_cast<double>(upto_p - upto_q);
      ga = static_cast<double>(n - upto_p) + ((prefix[upto_p] - prefix[upto_q]) - k2 * (x + q)) / span;
    }
    f[sorted[k].second] = fa;
    g[sorted[k].second] = ga;
  }
}

MethodOutput run_promethee2(const DecisionProblem& p, const NormalizedMatrix& r,
                            const MethodParams& params) {
  MethodOutput out;
  const size_t n = p.rows();
  const size_t m = p.cols();
  std::vector<double> phi_plus(n, 0.0);
  std::vector<double> phi_minus(n, 0.0);
  if (params.contributions) out.contributions.assign(n * m, 0.0);
  const double others = n > 1 ? static_cast<double>(n - 1) : 1.0;
  std::vector<double> y(n);
  std::vector<double> f;
  std::vector<double> g;
  for (size_t j = 0; j < m; ++j) {
    if (p.weights[j] <= 0) continue;
    // Oriented values: for a cost (under 'none'), the preference applies to -(x_a - x_b).
    for (size_t i = 0; i < n; ++i) y[i] = r.sign[j] * value(p, r, i, j);
    const Preference pref = params.preference.empty() ? Preference{} : params.preference[j];
    preference_sums(y, pref, f, g);
    for (size_t i = 0; i < n; ++i) {
      const double plus = p.weights[j] * f[i] / others;
      const double minus = p.weights[j] * g[i] / others;
      phi_plus[i] += plus;
      phi_minus[i] += minus;
      if (params.contributions) out.contributions[i * m + j] = plus - minus;
    }
  }
  out.scores.resize(n);
  for (size_t i = 0; i < n; ++i) out.scores[i] = phi_plus[i] - phi_minus[i];
  std::vector<std::string> functions;
  for (size_t j = 0; j < m; ++j) {
    const Preference pref = params.preference.empty() ? Preference{} : params.preference[j];
    switch (pref.kind) {
      case Preference::Kind::Usual: functions.emplace_back("usual"); break;
      case Preference::Kind::UShape: functions.push_back(fmt::format("u_shape q={}", quantity(pref.q))); break;
      case Preference::Kind::VShape: functions.push_back(fmt::format("v_shape p={}", quantity(pref.p))); break;
      case Preference::Kind::Level:
        functions.push_back(fmt::format("level q={} p={}", quantity(pref.q), quantity(pref.p)));
        break;
      case Preference::Kind::Linear:
        functions.push_back(fmt::format("linear q={} p={}", quantity(pref.q), quantity(pref.p)));
        break;
      case Preference::Kind::Gaussian: functions.push_back(fmt::format("gaussian s={}", quantity(pref.s))); break;
    }
  }
  out.details.per_criterion_text.emplace_back("preference", std::move(functions));
  out.details.per_option.emplace_back("phi_plus", std::move(phi_plus));
  out.details.per_option.emplace_back("phi_minus", std::move(phi_minus));
  out.details.per_option.emplace_back("phi", out.scores);
  return out;
}

const std::vector<MethodInfo>& methods() {
  using N = Normalization;
  static const std::vector<MethodInfo> registry = {
      {Method::Wsm, "wsm", "weighted sum", N::Declared, {}, true,
       "weight x normalised score; the contributions add up to the score", "score", run_wsm},
      {Method::Wpm, "wpm", "weighted product", N::Max, {}, true,
       "weight x ln(normalised score); they add up to ln(score)", "ln(score)", run_wpm},
      {Method::Waspas, "waspas", "WASPAS", N::Max, {}, true,
       "weight x normalised score, from the weighted-sum part", "", run_waspas},
      {Method::Topsis, "topsis", "TOPSIS", N::Vector, {N::Vector, N::MinMax, N::Max, N::Sum}, false,
       "weighted normalised value, costs mirrored so that more is better", "", run_topsis},
      {Method::Vikor, "vikor", "VIKOR", N::MinMax, {}, true,
       "minus the weighted regret, as a share of the range to the best value; they add up to -S",
       "-S", run_vikor},
      {Method::Promethee2, "promethee2", "PROMETHEE II", N::None, {}, true,
       "weight x the criterion's net flow; they add up to the net flow", "score", run_promethee2},
  };
  return registry;
}

const MethodInfo& method_info(Method method) {
  return methods()[static_cast<size_t>(method)];
}

}  // namespace tradeoff::detail
