// WASPAS: lambda x the weighted sum + (1 - lambda) x the weighted product; contributions are the
// weighted-sum terms.
#include <cmath>

#include <fmt/format.h>

#include "methods/method.hpp"

namespace tradeoff::detail {

void waspas(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params,
            MethodOutput& out, Workspace& ws) {
  const size_t n = p.rows();
  const double lambda = params.lambda;
  std::vector<double>& sum = ws.buffers[3];
  wsm_scores(p, r, sum, ws);
  std::vector<double>& product = ws.buffer(4, n);
  for (size_t i = 0; i < n; ++i) product[i] = std::exp(log_product(p, r, i, nullptr, true));
  out.scores.resize(n);
  for (size_t i = 0; i < n; ++i) {
    out.scores[i] = lambda * sum[i] + (1 - lambda) * product[i];
    // Both parts are finite, but their mix can still round past the largest double.
    if (!std::isfinite(out.scores[i])) {
      fail(ErrorCode::MethodDomain, p.location(i, 0),
           fmt::format("the WASPAS score of option '{}' is too large to represent", p.option(i)),
           "normalise the scores first, e.g. --normalization max");
    }
  }
  weighted_contributions(p, r, params, out);
  if (!params.details) return;
  out.details.per_option.emplace_back("wsm", sum);
  out.details.per_option.emplace_back("wpm", product);
  out.details.figures = {{"lambda", lambda}};
}

}  // namespace tradeoff::detail
