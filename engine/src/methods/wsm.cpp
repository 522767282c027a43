// The weighted sum (WSM): score_i = sum_j w_j s_j r_ij; contributions are the terms.
#include "methods/affine.hpp"
#include "methods/method.hpp"
#include "support/linalg.hpp"

namespace tradeoff::detail {

void wsm_scores(const DecisionProblem& p, const NormalizedMatrix& r, std::vector<double>& scores,
                Workspace& ws) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  scores.assign(n, 0.0);
  if (fused(r)) {
    // score_i = sum_j w_j s_j (a_j x_ij + b_j) = X e + c: one product over the raw matrix.
    std::vector<double>& a = ws.buffers[0];
    std::vector<double>& b = ws.buffers[1];
    affine_columns(r, a, b);
    std::vector<double>& e = ws.buffer(2, m);
    double c = 0;
    for (size_t j = 0; j < m; ++j) {
      e[j] = p.weights[j] * r.sign[j] * a[j];
      c += p.weights[j] * r.sign[j] * b[j];
    }
    as_vector(scores).noalias() = as_matrix(p.values, n, m) * as_vector(e);
    as_vector(scores).array() += c;
    return;
  }
  if (!r.values.empty()) {
    std::vector<double>& effective = ws.buffer(2, m);
    for (size_t j = 0; j < m; ++j) effective[j] = p.weights[j] * r.sign[j];
    as_vector(scores).noalias() = as_matrix(r.values, n, m) * as_vector(effective);
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) scores[i] += p.weights[j] * r.sign[j] * r.value(p, i, j);
  }
}

std::vector<double> wsm_scores(const DecisionProblem& p, const NormalizedMatrix& r) {
  Workspace ws;
  std::vector<double> scores;
  wsm_scores(p, r, scores, ws);
  return scores;
}

void weighted_values(const DecisionProblem& p, const NormalizedMatrix& r,
                     std::vector<double>& out) {
  const size_t m = p.cols();
  out.resize(p.rows() * m);
  for (size_t i = 0; i < p.rows(); ++i) {
    for (size_t j = 0; j < m; ++j) out[i * m + j] = p.weights[j] * r.sign[j] * r.value(p, i, j);
  }
}

void wsm(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params,
         MethodOutput& out, Workspace& ws) {
  wsm_scores(p, r, out.scores, ws);
  if (params.contributions) weighted_values(p, r, out.contributions);
}

}  // namespace tradeoff::detail
