// PROMETHEE II: net outranking flow phi = phi+ - phi-, from each criterion's preference function
// over the oriented differences; contributions are each criterion's weighted net flow.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "methods/method.hpp"
#include "problem/magnitude.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

const Preference kUsual{};

/// The largest |y|.
double largest(const std::vector<double>& y) {
  double top = 0;
  for (double v : y) top = std::max(top, std::fabs(v));
  return top;
}

/// Within these bounds d^2 / 2s^2 is computed as written; beyond them (values near 1e308, or
/// s near 1e-200) d and s are first taken in units of a power of two, and d / s squared.
constexpr double kPlainBound = 0x1p500;

void gaussian_sums(const std::vector<double>& y, double s, std::vector<double>& f,
                   std::vector<double>& g) {
  const size_t n = y.size();
  const double two_s2 = 2 * s * s;
  const double top = largest(y);
  if (top <= kPlainBound && two_s2 <= kPlainBound && two_s2 >= 1 / kPlainBound) {
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
  const double k = power_of_two_below(top);
  const double unit_s = s / k;  // may underflow to 0 (every difference is then decisive)
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = 0; b < n; ++b) {
      const double d = y[a] / k - y[b] / k;
      if (d > 0) {
        const double t = d / unit_s;
        const double pv = 1 - std::exp(-(t * t) / 2);
        f[a] += pv;
        g[b] += pv;
      }
    }
  }
}

/// Past the limit the Gaussian preference is refused; past the warning threshold, a traced run
/// says what it costs. Both point at the first Gaussian function with weight.
void check_gaussian_load(const DecisionProblem& p, const MethodParams& params, MethodOutput& out) {
  const Preference* first = nullptr;
  size_t criteria = 0;
  for (size_t j = 0; j < params.preference.size() && j < p.cols(); ++j) {
    if (params.preference[j].kind != Preference::Kind::Gaussian || p.weights[j] <= 0) continue;
    if (first == nullptr) first = &params.preference[j];
    ++criteria;
  }
  const double n = static_cast<double>(p.rows());
  const double comparisons = n * n * static_cast<double>(criteria);
  if (first == nullptr || comparisons <= kGaussianWarnComparisons) return;
  const SourceLocation where = first->where != nullptr ? *first->where : SourceLocation{};
  const std::string what = fmt::format(
      "the Gaussian preference compares every pair of options: {} options on {} Gaussian {} "
      "make {} comparisons",
      quantity(n), criteria, criteria == 1 ? "criterion" : "criteria", quantity(comparisons));
  if (comparisons > kGaussianMaxComparisons) {
    fail(ErrorCode::MethodDomain, where,
         fmt::format("{}, more than the limit of {}", what, quantity(kGaussianMaxComparisons)),
         "use a linear preference (function: linear, with q and p), which takes O(m log m)");
  }
  if (!params.details) return;
  out.warnings.push_back(make_diagnostic(
      ErrorCode::MethodDomain, where,
      fmt::format("{}, which takes seconds (the limit is {})", what,
                  quantity(kGaussianMaxComparisons)),
      "a linear preference (function: linear, with q and p) takes O(m log m)", Severity::Warning));
}

std::string describe(const Preference& pref) {
  switch (pref.kind) {
    case Preference::Kind::Usual:
      return "usual";
    case Preference::Kind::UShape:
      return fmt::format("u_shape q={}", quantity(pref.q));
    case Preference::Kind::VShape:
      return fmt::format("v_shape p={}", quantity(pref.p));
    case Preference::Kind::Level:
      return fmt::format("level q={} p={}", quantity(pref.q), quantity(pref.p));
    case Preference::Kind::Linear:
      return fmt::format("linear q={} p={}", quantity(pref.q), quantity(pref.p));
    case Preference::Kind::Gaussian:
      return fmt::format("gaussian s={}", quantity(pref.s));
  }
  return "usual";
}

/// The values the preference function compares on criterion j, more is better. Oriented
/// values: for a cost (under 'none'), the preference applies to -(x_a - x_b). A column turned
/// into value by its scale, (x - low) / (high - low) or its mirror, is compared in the scale's
/// points instead (x, or -x for a cost): the value is affine in them, so the preferences are
/// the same, and the thresholds stay in the criterion's units, exactly. A value function's
/// value is compared as it is: its thresholds are in value.
void oriented_values(const DecisionProblem& p, const NormalizedMatrix& r, size_t j,
                     std::vector<double>& y) {
  const size_t n = p.rows();
  if (r.is_valued(j) && r.transform[j].kind == Transform::Kind::Affine) {
    const double sense = p.criteria[j].direction == Direction::Cost ? -1.0 : 1.0;
    for (size_t i = 0; i < n; ++i) y[i] = sense * p.at(i, j);
    return;
  }
  for (size_t i = 0; i < n; ++i) y[i] = r.sign[j] * r.value(p, i, j);
}

}  // namespace

void preference_sums(const std::vector<double>& y, const Preference& pref, std::vector<double>& f,
                     std::vector<double>& g, Workspace& ws) {
  using Kind = Preference::Kind;
  const size_t n = y.size();
  f.assign(n, 0.0);
  g.assign(n, 0.0);
  if (n < 2) return;
  if (pref.kind == Kind::Gaussian) return gaussian_sums(y, pref.s, f, g);
  const bool usual = pref.kind == Kind::Usual || pref.kind == Kind::UShape;
  double q = pref.kind == Kind::Usual || pref.kind == Kind::VShape ? 0.0 : pref.q;
  double p = usual ? q : pref.p;
  // The prefix sums below add up to n values, and y + p must not overflow either: values
  // and thresholds that could are taken in units of a power of two (the preference depends
  // only on their ratios).
  const double top = std::max({largest(y), q, p});
  const double unit = top * static_cast<double>(n + 2) < 0x1p1000 ? 1.0 : power_of_two_below(top);
  q /= unit;
  p /= unit;
  // A slope whose thresholds vanish in those units (p = 1e-300 beside values of 1e308) is a
  // step: every difference that remains is beyond p.
  const bool step = usual || (pref.kind != Kind::Level && !(p > q));
  // Options in increasing order of y, with prefix sums of the sorted values. The bounds
  // y_a - p, y_a - q, y_a + q, y_a + p grow with y_a, so four cursors sweep forward once:
  // O(n log n) for the sort, O(n) for the rest.
  auto& sorted = ws.sorted;
  sorted.resize(n);
  for (size_t i = 0; i < n; ++i) sorted[i] = {unit == 1 ? y[i] : y[i] / unit, i};
  std::sort(sorted.begin(), sorted.end());
  std::vector<double>& prefix = ws.buffer(11, n + 1);
  for (size_t i = 0; i < n; ++i) prefix[i + 1] = prefix[i] + sorted[i].first;
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
    if (step) {
      // P(d) = 1 for d > q (q = 0 for the usual function; p = q for a vanished slope).
      fa = static_cast<double>(below_q);
      ga = static_cast<double>(n - upto_q);
    } else if (pref.kind == Kind::Level) {
      // P(d) = 1/2 for q < d <= p, 1 for d > p.
      fa = static_cast<double>(below_p) + 0.5 * static_cast<double>(below_q - below_p);
      ga = static_cast<double>(n - upto_p) + 0.5 * static_cast<double>(upto_p - upto_q);
    } else {
      // P(d) = (d - q) / (p - q) for q < d <= p, 1 for d > p (V-shape: q = 0).
      const double k1 = static_cast<double>(below_q - below_p);
      fa = static_cast<double>(below_p) +
           (k1 * (x - q) - (prefix[below_q] - prefix[below_p])) / span;
      const double k2 = static_cast<double>(upto_p - upto_q);
      ga = static_cast<double>(n - upto_p) +
           ((prefix[upto_p] - prefix[upto_q]) - k2 * (x + q)) / span;
    }
    f[sorted[k].second] = fa;
    g[sorted[k].second] = ga;
  }
}

void preference_sums(const std::vector<double>& y, const Preference& pref, std::vector<double>& f,
                     std::vector<double>& g) {
  Workspace ws;
  preference_sums(y, pref, f, g, ws);
}

void promethee2(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params,
                MethodOutput& out, Workspace& ws) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  out.warnings.clear();
  check_gaussian_load(p, params, out);
  std::vector<double>& phi_plus = ws.buffer(0, n);
  std::vector<double>& phi_minus = ws.buffer(1, n);
  if (params.contributions) out.contributions.assign(n * m, 0.0);
  const double others = n > 1 ? static_cast<double>(n - 1) : 1.0;
  std::vector<double>& y = ws.buffer(2, n);
  std::vector<double>& f = ws.buffers[3];
  std::vector<double>& g = ws.buffers[4];
  for (size_t j = 0; j < m; ++j) {
    if (p.weights[j] <= 0) continue;
    oriented_values(p, r, j, y);
    const Preference& pref = params.preference.empty() ? kUsual : params.preference[j];
    preference_sums(y, pref, f, g, ws);
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
  if (!params.details) return;
  std::vector<std::string> functions;
  for (size_t j = 0; j < m; ++j) {
    functions.push_back(describe(params.preference.empty() ? Preference{} : params.preference[j]));
  }
  out.details.per_criterion_text.emplace_back("preference", std::move(functions));
  out.details.per_option.emplace_back("phi_plus", phi_plus);
  out.details.per_option.emplace_back("phi_minus", phi_minus);
  out.details.per_option.emplace_back("phi", out.scores);
}

}  // namespace tradeoff::detail
