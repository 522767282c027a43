// The weighted product (WPM): score_i = prod_j r_ij^(w_j s_j), computed as a sum of logarithms;
// contributions are the terms of ln(score).
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "methods/method.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

/// ln of the largest and of the smallest double: e to a larger power is infinite, to a smaller
/// one 0.
const double kLogMax = std::log(std::numeric_limits<double>::max());
const double kLogMin = std::log(std::numeric_limits<double>::denorm_min());

[[noreturn]] void not_positive(const DecisionProblem& p, const NormalizedMatrix& r, size_t i,
                               size_t j, double v, bool allow_zero) {
  const SourceLocation where = p.location(i, j);
  const double raw = p.at(i, j);
  if (v == 0 && r.sign[j] < 0) {
    fail(ErrorCode::MethodDomain, where,
         fmt::format("option '{}' scores 0 on cost '{}', which the weighted product counts with "
                     "a negative exponent: its product would be infinite",
                     p.option(i), p.criteria[j].id),
         "normalise the costs first (--normalization max) or use --method wsm");
  }
  if (r.is_valued(j)) {
    // The value function or the scale gives this option no value (a value function's 0, a
    // scale's worst point): its product would be 0, whatever the other criteria.
    const std::string how =
        describe_normalization(p.criteria[j], r.normalization, r.oriented, true);
    fail(ErrorCode::MethodDomain, where,
         fmt::format("the weighted product needs positive values, but option '{}' scores {} on "
                     "criterion '{}', which its {} turns into a value of {}",
                     p.option(i), quantity(raw), p.criteria[j].id, how, quantity(v)),
         "the weighted sum accepts it (--method wsm); or normalise every criterion's raw "
         "scores instead: --normalization max");
  }
  if (!(raw > 0)) {
    fail(ErrorCode::MethodDomain, where,
         fmt::format("the weighted product needs positive values, but option '{}' scores {} on "
                     "criterion '{}'",
                     p.option(i), quantity(raw), p.criteria[j].id),
         raw == 0 && !allow_zero ? "use a method that accepts zero, e.g. --method wsm"
                                 : "the weighted sum accepts it: --method wsm");
  }
  const std::string how =
      describe_normalization(p.criteria[j], r.normalization, r.oriented, r.is_valued(j));
  fail(ErrorCode::MethodDomain, where,
       fmt::format("the weighted product needs positive values, but the normalised score of "
                   "option '{}' on criterion '{}' is {} ({})",
                   p.option(i), p.criteria[j].id, quantity(v), how),
       how == "min-max" ? "min-max gives the worst option 0; use a ratio normalisation: "
                          "--normalization max"
                        : "the weighted sum accepts it: --method wsm");
}

/// ln of a normalised value v of the raw value x. A ratio (x / max, min / x, x / sum) of
/// positive values is positive, but can underflow to 0 or to the few digits of a subnormal:
/// its logarithm is then taken from the ratio's terms. -infinity for a true 0, NaN below.
double log_of(const Transform& t, double x, double v) {
  if (v >= std::numeric_limits<double>::min()) return std::log(v);  // the ordinary case
  if (x > 0 && t.kind == Transform::Kind::Affine && t.shift == 0 && t.offset == 0 &&
      t.divisor > 0 && std::isfinite(t.divisor)) {
    return std::log(x) - std::log(t.scale) - std::log(t.divisor);
  }
  if (x > 0 && t.kind == Transform::Kind::Reciprocal && t.divisor > 0) {
    return std::log(t.divisor) - (std::log(x) - std::log(t.scale));
  }
  if (v > 0) return std::log(v);
  return v == 0 ? -std::numeric_limits<double>::infinity()
                : std::numeric_limits<double>::quiet_NaN();
}

/// w_j s_j ln r_ij, the part of each criterion with weight in the log of option i's product.
void log_parts(const DecisionProblem& p, const NormalizedMatrix& r, size_t i, double* parts) {
  for (size_t j = 0; j < p.cols(); ++j) {
    parts[j] = p.weights[j] <= 0 ? 0.0
                                 : p.weights[j] * r.sign[j] *
                                       log_of(r.transform[j], p.at(i, j), r.value(p, i, j));
  }
}

/// The criterion that weighs most in option i's log product, upwards (`sense` 1) or down.
size_t heaviest(const DecisionProblem& p, const NormalizedMatrix& r, size_t i, double sense) {
  std::vector<double> parts(p.cols(), 0.0);
  log_parts(p, r, i, parts.data());
  size_t top = 0;
  for (size_t j = 1; j < p.cols(); ++j) {
    if (p.weights[j] > 0 && (p.weights[top] <= 0 || sense * parts[j] > sense * parts[top])) {
      top = j;
    }
  }
  return top;
}

std::string hint(const NormalizedMatrix& r) {
  return r.normalization == Normalization::None
             ? "normalise the scores first, e.g. --normalization max"
             : "the weighted sum accepts it: --method wsm";
}

/// A product beyond the largest double (a cost of 1e-320 under `none`, say) is refused at the
/// cell that weighs most rather than shown as infinite.
[[noreturn]] void too_large(const DecisionProblem& p, const NormalizedMatrix& r, size_t i,
                            double log_score) {
  const size_t j = heaviest(p, r, i, 1);
  fail(ErrorCode::MethodDomain, p.location(i, j),
       fmt::format("the weighted product of option '{}' is too large to represent (e^{:.1f}); "
                   "its score on '{}' is {}",
                   p.option(i), log_score, p.criteria[j].id, quantity(p.at(i, j))),
       hint(r));
}

/// Two products below the smallest double (ratios of 1e-300 to 1e308) would both be 0, and
/// tie: refused at the second option's cell that pulls its product down most.
[[noreturn]] void tied_at_zero(const DecisionProblem& p, const NormalizedMatrix& r, size_t first,
                               size_t i, const std::vector<double>& logs) {
  const size_t j = heaviest(p, r, i, -1);
  fail(ErrorCode::MethodDomain, p.location(i, j),
       fmt::format("the weighted products of options '{}' and '{}' are too small to represent "
                   "(e^{:.1f} and e^{:.1f}): both would be 0, and tie; '{}' scores {} on '{}'",
                   p.option(first), p.option(i), logs[first], logs[i], p.option(i),
                   quantity(p.at(i, j)), p.criteria[j].id),
       hint(r));
}

/// A product below the smallest double is 0: one such option still ranks last, but two would
/// tie whatever their products, so the second is refused (its logarithm says by how much).
void check_underflow(const DecisionProblem& p, const NormalizedMatrix& r,
                     const std::vector<double>& logs) {
  size_t first = logs.size();
  for (size_t i = 0; i < logs.size(); ++i) {
    if (logs[i] >= kLogMin) continue;
    if (first == logs.size()) {
      first = i;
    } else if (logs[i] != logs[first]) {
      tied_at_zero(p, r, first, i, logs);
    }
  }
}

}  // namespace

double log_product(const DecisionProblem& p, const NormalizedMatrix& r, size_t i,
                   double* contributions, bool allow_zero) {
  const size_t m = p.cols();
  double log_score = 0;
  for (size_t j = 0; j < m; ++j) {
    if (p.weights[j] <= 0) continue;  // a criterion without weight takes no part
    const double v = r.value(p, i, j);
    const double log_v = log_of(r.transform[j], p.at(i, j), v);
    // A zero with a negative exponent (a cost taken as it is) would make the product infinite,
    // and is refused like any other.
    if (allow_zero && log_v == -std::numeric_limits<double>::infinity() && r.sign[j] > 0) {
      return -std::numeric_limits<double>::infinity();
    }
    if (!(log_v > -std::numeric_limits<double>::infinity())) {
      not_positive(p, r, i, j, v, allow_zero);
    }
    const double part = p.weights[j] * r.sign[j] * log_v;
    if (contributions != nullptr) contributions[j] = part;
    log_score += part;
  }
  if (log_score > kLogMax) too_large(p, r, i, log_score);
  return log_score;
}

void wpm(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params,
         MethodOutput& out, Workspace& ws) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  out.scores.assign(n, 0.0);
  if (params.contributions) out.contributions.assign(n * m, 0.0);
  std::vector<double>& logs = ws.buffer(0, n);
  for (size_t i = 0; i < n; ++i) {
    double* parts = params.contributions ? out.contributions.data() + i * m : nullptr;
    logs[i] = log_product(p, r, i, parts, false);
    out.scores[i] = std::exp(logs[i]);
  }
  check_underflow(p, r, logs);
}

}  // namespace tradeoff::detail
