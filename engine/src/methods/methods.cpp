// Weighted sum (WSM) and weighted product (WPM), and the method registry.
#include <fmt/format.h>

#include <cmath>

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

MethodOutput run_wsm(const DecisionProblem& p, const NormalizedMatrix& r) {
  MethodOutput out;
  out.scores = wsm_scores(r, p.weights, p.rows());
  out.contributions.resize(r.values.size());
  const size_t m = p.cols();
  for (size_t i = 0; i < p.rows(); ++i) {
    for (size_t j = 0; j < m; ++j) {
      out.contributions[i * m + j] = p.weights[j] * r.sign[j] * r.values[i * m + j];
    }
  }
  return out;
}

MethodOutput run_wpm(const DecisionProblem& p, const NormalizedMatrix& r) {
  MethodOutput out;
  const size_t n = p.rows();
  const size_t m = p.cols();
  out.scores.assign(n, 0.0);
  out.contributions.assign(n * m, 0.0);
  for (size_t i = 0; i < n; ++i) {
    double log_score = 0;
    for (size_t j = 0; j < m; ++j) {
      if (p.weights[j] <= 0) continue;  // a criterion without weight takes no part
      const double v = r.values[i * m + j];
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
      out.contributions[i * m + j] = part;
      log_score += part;
    }
    out.scores[i] = std::exp(log_score);
  }
  return out;
}

const std::vector<MethodInfo>& methods() {
  static const std::vector<MethodInfo> registry = {
      {"wsm", "weighted sum", Normalization::Declared,
       "weight x normalised score; the contributions add up to the score", run_wsm},
      {"wpm", "weighted product", Normalization::Max,
       "weight x ln(normalised score); they add up to ln(score)", run_wpm},
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
