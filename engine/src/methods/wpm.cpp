// The weighted product (WPM): score_i = prod_j r_ij^(w_j s_j), computed as a sum of logarithms;
// contributions are the terms of ln(score).
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "methods/method.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

[[noreturn]] void not_positive(const DecisionProblem& p, const NormalizedMatrix& r, size_t i,
                               size_t j, double v, bool allow_zero) {
  const SourceLocation where = p.location(i, j);
  const double raw = p.at(i, j);
  if (v == 0 && r.sign[j] < 0) {
    fail(ErrorCode::MethodDomain, where,
         fmt::format("option '{}' scores 0 on cost '{}', which the weighted product counts with "
                     "a negative exponent: its product would be infinite",
                     p.options[i], p.criteria[j].id),
         "normalise the costs first (--normalization max) or use --method wsm");
  }
  if (!(raw > 0)) {
    fail(ErrorCode::MethodDomain, where,
         fmt::format("the weighted product needs positive values, but option '{}' scores {} on "
                     "criterion '{}'",
                     p.options[i], quantity(raw), p.criteria[j].id),
         raw == 0 && !allow_zero ? "use a method that accepts zero, e.g. --method wsm"
                                 : "the weighted sum accepts it: --method wsm");
  }
  const std::string how = describe_normalization(p.criteria[j], r.normalization, r.oriented);
  fail(ErrorCode::MethodDomain, where,
       fmt::format("the weighted product needs positive values, but the normalised score of "
                   "option '{}' on criterion '{}' is {} ({})",
                   p.options[i], p.criteria[j].id, quantity(v), how),
       how == "min-max" ? "min-max gives the worst option 0; use a ratio normalisation: "
                          "--normalization max"
                        : "the weighted sum accepts it: --method wsm");
}

}  // namespace

double log_product(const DecisionProblem& p, const NormalizedMatrix& r, size_t i,
                   double* contributions, bool allow_zero) {
  const size_t m = p.cols();
  double log_score = 0;
  for (size_t j = 0; j < m; ++j) {
    if (p.weights[j] <= 0) continue;  // a criterion without weight takes no part
    const double v = r.value(p, i, j);
    // A zero with a negative exponent (a cost taken as it is) would make the product infinite,
    // and is refused like any other.
    if (allow_zero && v == 0 && r.sign[j] > 0) return -std::numeric_limits<double>::infinity();
    if (!(v > 0)) not_positive(p, r, i, j, v, allow_zero);
    const double part = p.weights[j] * r.sign[j] * std::log(v);
    if (contributions != nullptr) contributions[j] = part;
    log_score += part;
  }
  return log_score;
}

void wpm(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params,
         MethodOutput& out, Workspace& /*ws*/) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  out.scores.assign(n, 0.0);
  if (params.contributions) out.contributions.assign(n * m, 0.0);
  for (size_t i = 0; i < n; ++i) {
    double* parts = params.contributions ? out.contributions.data() + i * m : nullptr;
    out.scores[i] = std::exp(log_product(p, r, i, parts, false));
  }
}

}  // namespace tradeoff::detail
