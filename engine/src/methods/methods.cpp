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

std::vector<double> wsm_scores(const NormalizedMatrix& normalized,
                               const std::vector<double>& weights, size_t rows) {
  const size_t cols = weights.size();
  std::vector<double> effective(cols);
  for (size_t j = 0; j < cols; ++j) effective[j] = weights[j] * normalized.sign[j];
  std::vector<double> scores(rows, 0.0);
  as_vector(scores).noalias() = as_matrix(normalized.values, rows, cols) * as_vector(effective);
  return scores;
}

namespace {

/// w_j s_j r_ij: the weighted normalised values, more is better.
std::vector<double> weighted_values(const DecisionProblem& p, const NormalizedMatrix& r) {
  std::vector<double> out(r.values.size());
  const size_t m = p.cols();
  for (size_t i = 0; i < p.rows(); ++i) {
    for (size_t j = 0; j < m; ++j) out[i * m + j] = p.weights[j] * r.sign[j] * r.values[i * m + j];
  }
  return out;
}

/// Log of the weighted product of option i; throws for a non-positive value of a criterion
/// with weight (WPM). With `allow_zero`, a zero value makes the product 0 (WASPAS).
double log_product(const DecisionProblem& p, const NormalizedMatrix& r, size_t i,
                   double* contributions, bool allow_zero) {
  const size_t m = p.cols();
  double log_score = 0;
  for (size_t j = 0; j < m; ++j) {
    if (p.weights[j] <= 0) continue;  // a criterion without weight takes no part
    const double v = r.values[i * m + j];
    if (allow_zero && v == 0) return -std::numeric_limits<double>::infinity();
    if (!(v > 0)) {
      Diagnostic d;
      d.code = ErrorCode::MethodDomain;
      d.where = p.location(i, j);
      const double raw = p.at(i, j);
      if (!(raw > 0)) {
        d.message = fmt::format(
            "the weighted product needs positive values, but option '{}' scores {} on "
            "criterion '{}'",
            p.options[i], quantity(raw), p.criteria[j].id);
        d.hint = "use a method that accepts zero, e.g. --method wsm";
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

MethodOutput run_wsm(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams&) {
  MethodOutput out;
  out.scores = wsm_scores(r, p.weights, p.rows());
  out.contributions = weighted_values(p, r);
  return out;
}

MethodOutput run_wpm(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams&) {
  MethodOutput out;
  const size_t n = p.rows();
  const size_t m = p.cols();
  out.scores.assign(n, 0.0);
  out.contributions.assign(n * m, 0.0);
  for (size_t i = 0; i < n; ++i) {
    out.scores[i] = std::exp(log_product(p, r, i, out.contributions.data() + i * m, false));
  }
  return out;
}

MethodOutput run_waspas(const DecisionProblem& p, const NormalizedMatrix& r,
                        const MethodParams& params) {
  MethodOutput out;
  const size_t n = p.rows();
  const double lambda = params.lambda;
  const std::vector<double> sum = wsm_scores(r, p.weights, n);
  std::vector<double> product(n, 0.0);
  for (size_t i = 0; i < n; ++i) product[i] = std::exp(log_product(p, r, i, nullptr, true));
  out.scores.resize(n);
  for (size_t i = 0; i < n; ++i) out.scores[i] = lambda * sum[i] + (1 - lambda) * product[i];
  out.contributions = weighted_values(p, r);
  out.details.per_option = {{"wsm", sum}, {"wpm", product}};
  out.details.figures = {{"lambda", lambda}};
  return out;
}

MethodOutput run_topsis(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams&) {
  MethodOutput out;
  const size_t n = p.rows();
  const size_t m = p.cols();
  // Weighted normalised values; the ideal takes the best of each column (the largest for a
  // benefit, the smallest for a cost), the anti-ideal the worst.
  std::vector<double> ideal(m, 0.0);
  std::vector<double> anti(m, 0.0);
  const auto v = as_matrix(r.values, n, m);
  for (size_t j = 0; j < m; ++j) {
    const auto col = v.col(static_cast<Eigen::Index>(j));
    const double hi = n > 0 ? col.maxCoeff() * p.weights[j] : 0;
    const double lo = n > 0 ? col.minCoeff() * p.weights[j] : 0;
    const bool cost = p.criteria[j].direction == Direction::Cost;
    ideal[j] = cost ? lo : hi;
    anti[j] = cost ? hi : lo;
  }
  std::vector<double> d_plus(n, 0.0);
  std::vector<double> d_minus(n, 0.0);
  out.scores.assign(n, 0.0);
  out.contributions.assign(n * m, 0.0);
  for (size_t i = 0; i < n; ++i) {
    double plus = 0;
    double minus = 0;
    for (size_t j = 0; j < m; ++j) {
      const double x = p.weights[j] * r.values[i * m + j];
      plus += (x - ideal[j]) * (x - ideal[j]);
      minus += (x - anti[j]) * (x - anti[j]);
      // For the explanation: the weighted value, oriented so that more is better.
      const bool cost = p.criteria[j].direction == Direction::Cost;
      out.contributions[i * m + j] = cost ? p.weights[j] - x : x;
    }
    d_plus[i] = std::sqrt(plus);
    d_minus[i] = std::sqrt(minus);
    // An option that is both ideal and anti-ideal (every option alike) sits halfway.
    const double total = d_plus[i] + d_minus[i];
    out.scores[i] = total > 0 ? d_minus[i] / total : 0.5;
  }
  out.details.per_option = {{"d_plus", d_plus}, {"d_minus", d_minus}};
  out.details.per_criterion = {{"ideal", ideal}, {"anti_ideal", anti}};
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
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) {
      const double y = r.sign[j] * r.values[i * m + j];
      best[j] = std::max(best[j], y);
      worst[j] = std::min(worst[j], y);
    }
  }
  std::vector<double> s(n, 0.0);
  std::vector<double> rr(n, 0.0);
  out.contributions.assign(n * m, 0.0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) {
      const double range = best[j] - worst[j];
      const double y = r.sign[j] * r.values[i * m + j];
      const double term = range > 0 ? p.weights[j] * (best[j] - y) / range : 0.0;
      s[i] += term;
      rr[i] = std::max(rr[i], term);
      out.contributions[i * m + j] = -term;
    }
  }
  const double s_best = n > 0 ? *std::min_element(s.begin(), s.end()) : 0;
  const double s_worst = n > 0 ? *std::max_element(s.begin(), s.end()) : 0;
  const double r_best = n > 0 ? *std::min_element(rr.begin(), rr.end()) : 0;
  const double r_worst = n > 0 ? *std::max_element(rr.begin(), rr.end()) : 0;
  std::vector<double> q(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    // 0/0 (every option alike on S or R) contributes nothing.
    const double qs = s_worst > s_best ? (s[i] - s_best) / (s_worst - s_best) : 0.0;
    const double qr = r_worst > r_best ? (rr[i] - r_best) / (r_worst - r_best) : 0.0;
    q[i] = v * qs + (1 - v) * qr;
  }
  out.scores = q;
  out.higher_is_better = false;
  // The acceptance conditions and the compromise set (Opricovic and Tzeng 2007).
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (q[a] != q[b]) return q[a] < q[b];
    return p.options[a] < p.options[b];
  });
  const double dq = n > 1 ? 1.0 / static_cast<double>(n - 1) : 0.0;
  bool advantage = true;
  bool stability = true;
  if (n > 1) {
    const size_t a1 = order[0];
    const size_t a2 = order[1];
    advantage = q[a2] - q[a1] >= dq - 1e-12;
    stability = s[a1] <= s_best + 1e-12 || rr[a1] <= r_best + 1e-12;
    if (!advantage) {
      for (size_t k : order) {
        if (q[k] - q[a1] < dq - 1e-12) out.details.compromise_set.push_back(p.options[k]);
      }
    } else if (!stability) {
      out.details.compromise_set = {p.options[a1], p.options[a2]};
    } else {
      out.details.compromise_set = {p.options[a1]};
    }
  } else if (n == 1) {
    out.details.compromise_set = {p.options[0]};
  }
  out.details.per_option = {{"S", s}, {"R", rr}, {"Q", q}};
  out.details.figures = {{"v", v}, {"dq", dq}};
  out.details.conditions = {{"acceptable_advantage", advantage}, {"acceptable_stability", stability}};
  return out;
}

Preference::Kind preference_kind(const std::string& name) {
  if (name == "u_shape") return Preference::Kind::UShape;
  if (name == "v_shape") return Preference::Kind::VShape;
  if (name == "level") return Preference::Kind::Level;
  if (name == "linear") return Preference::Kind::Linear;
  if (name == "gaussian") return Preference::Kind::Gaussian;
  return Preference::Kind::Usual;
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
  // Sorted values and prefix sums: the options below a bound are found by binary search, and
  // the sum of their values in O(1).
  std::vector<double> sorted = y;
  std::sort(sorted.begin(), sorted.end());
  std::vector<double> prefix(n + 1, 0.0);
  for (size_t k = 0; k < n; ++k) prefix[k + 1] = prefix[k] + sorted[k];
  auto count_below = [&](double bound) {  // #{b : y_b < bound}
    return static_cast<size_t>(std::lower_bound(sorted.begin(), sorted.end(), bound) - sorted.begin());
  };
  auto count_at_most = [&](double bound) {  // #{b : y_b <= bound}
    return static_cast<size_t>(std::upper_bound(sorted.begin(), sorted.end(), bound) - sorted.begin());
  };
  const double q = pref.q;
  const double p = pref.p;
  for (size_t a = 0; a < n; ++a) {
    const double x = y[a];
    switch (pref.kind) {
      case Preference::Kind::Usual:
        // P(d) = 1 for d > 0.
        f[a] = static_cast<double>(count_below(x));
        g[a] = static_cast<double>(n - count_at_most(x));
        break;
      case Preference::Kind::UShape:
        // P(d) = 1 for d > q.
        f[a] = static_cast<double>(count_below(x - q));
        g[a] = static_cast<double>(n - count_at_most(x + q));
        break;
      case Preference::Kind::Level: {
        // P(d) = 1/2 for q < d <= p, 1 for d > p.
        const size_t below_p = count_below(x - p);
        const size_t below_q = count_below(x - q);
        f[a] = static_cast<double>(below_p) + 0.5 * static_cast<double>(below_q - below_p);
        const size_t above_p = n - count_at_most(x + p);
        const size_t above_q = n - count_at_most(x + q);
        g[a] = static_cast<double>(above_p) + 0.5 * static_cast<double>(above_q - above_p);
        break;
      }
      case Preference::Kind::VShape:
      case Preference::Kind::Linear: {
        // P(d) = (d - q) / (p - q) for q < d <= p, 1 for d > p (V-shape: q = 0).
        const double qq = pref.kind == Preference::Kind::VShape ? 0.0 : q;
        const double span = p - qq;
        // F: b with y_b < x - p count 1; b with x - p <= y_b < x - q count (x - y_b - q)/span.
        const size_t lo = count_below(x - p);
        const size_t hi = count_below(x - qq);
        const double k = static_cast<double>(hi - lo);
        f[a] = static_cast<double>(lo) + (k * (x - qq) - (prefix[hi] - prefix[lo])) / span;
        // G: b with y_b > x + p count 1; b with x + q < y_b <= x + p count (y_b - x - q)/span.
        const size_t glo = count_at_most(x + qq);
        const size_t ghi = count_at_most(x + p);
        const double gk = static_cast<double>(ghi - glo);
        g[a] = static_cast<double>(n - ghi) + ((prefix[ghi] - prefix[glo]) - gk * (x + qq)) / span;
        break;
      }
      case Preference::Kind::Gaussian: break;
    }
  }
}

MethodOutput run_promethee2(const DecisionProblem& p, const NormalizedMatrix& r,
                            const MethodParams& params) {
  MethodOutput out;
  const size_t n = p.rows();
  const size_t m = p.cols();
  std::vector<double> phi_plus(n, 0.0);
  std::vector<double> phi_minus(n, 0.0);
  out.contributions.assign(n * m, 0.0);
  const double others = n > 1 ? static_cast<double>(n - 1) : 1.0;
  std::vector<double> y(n);
  std::vector<double> f;
  std::vector<double> g;
  for (size_t j = 0; j < m; ++j) {
    if (p.weights[j] <= 0) continue;
    // Oriented values: for a cost (under 'none'), the preference applies to -(x_a - x_b).
    for (size_t i = 0; i < n; ++i) y[i] = r.sign[j] * r.values[i * m + j];
    const Preference pref = params.preference.empty() ? Preference{} : params.preference[j];
    preference_sums(y, pref, f, g);
    for (size_t i = 0; i < n; ++i) {
      const double plus = p.weights[j] * f[i] / others;
      const double minus = p.weights[j] * g[i] / others;
      phi_plus[i] += plus;
      phi_minus[i] += minus;
      out.contributions[i * m + j] = plus - minus;  // the criterion's share of the net flow
    }
  }
  out.scores.resize(n);
  for (size_t i = 0; i < n; ++i) out.scores[i] = phi_plus[i] - phi_minus[i];
  out.details.per_option = {{"phi_plus", phi_plus}, {"phi_minus", phi_minus}, {"phi", out.scores}};
  return out;
}

const std::vector<MethodInfo>& methods() {
  using N = Normalization;
  static const std::vector<MethodInfo> registry = {
      {"wsm", "weighted sum", N::Declared, {}, true,
       "weight x normalised score; the contributions add up to the score", run_wsm},
      {"wpm", "weighted product", N::Max, {}, true,
       "weight x ln(normalised score); they add up to ln(score)", run_wpm},
      {"waspas", "WASPAS", N::Max, {}, true,
       "weight x normalised score (the weighted-sum part)", run_waspas},
      {"topsis", "TOPSIS", N::Vector, {N::Vector, N::MinMax, N::Max, N::Sum}, false,
       "weighted normalised value, costs mirrored so that more is better", run_topsis},
      {"vikor", "VIKOR", N::MinMax, {}, true,
       "minus the weighted regret (share of the range to the best value); they add up to -S",
       run_vikor},
      {"promethee2", "PROMETHEE II", N::None, {}, true,
       "weight x the criterion's net flow; they add up to the net flow", run_promethee2},
  };
  return registry;
}

const MethodInfo* find_method(std::string_view name) {
  for (const auto& m : methods()) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

}  // namespace tradeoff::detail
