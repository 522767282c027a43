// The weighted sum (WSM): score_i = sum_j w_j s_j r_ij; contributions are the terms.
#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "methods/affine.hpp"
#include "methods/method.hpp"
#include "support/linalg.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

/// The row of column j that holds `value` (the caller knows one does).
size_t row_of(const DecisionProblem& p, size_t j, double value) {
  for (size_t i = 0; i < p.rows(); ++i) {
    if (p.at(i, j) == value) return i;
  }
  return 0;
}

/// The criterion that weighs most in option i's score.
size_t heaviest(const DecisionProblem& p, const NormalizedMatrix& r, size_t i) {
  size_t top = 0;
  for (size_t j = 1; j < p.cols(); ++j) {
    if (std::fabs(p.weights[j] * r.value(p, i, j)) >
        std::fabs(p.weights[top] * r.value(p, i, top))) {
      top = j;
    }
  }
  return top;
}

constexpr std::string_view kNormalize = "normalise the scores, e.g. --normalization minmax";

/// The options with the largest and smallest score, and the first whose score is not finite.
void locate(const std::vector<double>& scores, size_t& hi, size_t& lo, size_t& bad) {
  hi = lo = 0;
  bad = scores.size();
  for (size_t i = 0; i < scores.size(); ++i) {
    if (!std::isfinite(scores[i]) && bad == scores.size()) bad = i;
    hi = scores[i] > scores[hi] ? i : hi;
    lo = scores[i] < scores[lo] ? i : lo;
  }
}

/// Under `none` the figures are in the criteria's units, and raw values near the ends of the
/// range (1.7e308 and -1.7e308) make scores, or differences between them, that no double
/// holds: the ranking's margin and the explanation's differences would be infinite. Such
/// inputs are refused at a cell that causes it. Normalised values (at most 1 in magnitude,
/// weighted by shares that sum to 1) never come near, and are not checked.
void check_range(const DecisionProblem& p, const NormalizedMatrix& r,
                 const std::vector<double>& scores) {
  if (r.normalization != Normalization::None || scores.empty()) return;
  for (size_t j = 0; j < p.cols(); ++j) {
    const double w = p.weights[j];
    if (std::isfinite(w * r.raw_max[j] - w * r.raw_min[j])) continue;
    const size_t hi = row_of(p, j, r.raw_max[j]);
    const size_t lo = row_of(p, j, r.raw_min[j]);
    fail(ErrorCode::MethodDomain, p.location(hi, j),
         fmt::format("options '{}' and '{}' score {} and {} on '{}': weighted, they differ by "
                     "more than the largest number",
                     p.option(hi), p.option(lo), quantity(r.raw_max[j]), quantity(r.raw_min[j]),
                     p.criteria[j].id),
         std::string(kNormalize));
  }
  // One pass that vectorises; the options are located only when something is wrong.
  constexpr double kMax = std::numeric_limits<double>::max();
  double top = -kMax;
  double bottom = kMax;
  unsigned bad = 0;
  for (double v : scores) {
    bad |= static_cast<unsigned>(!(std::fabs(v) <= kMax));
    top = v > top ? v : top;
    bottom = v < bottom ? v : bottom;
  }
  if (bad == 0 && std::isfinite(top - bottom)) return;
  size_t hi = 0;
  size_t lo = 0;
  size_t i = 0;
  locate(scores, hi, lo, i);
  if (i < scores.size()) {
    const size_t j = heaviest(p, r, i);
    fail(ErrorCode::MethodDomain, p.location(i, j),
         fmt::format("the weighted sum of option '{}' is too large to represent (it scores {} on "
                     "'{}')",
                     p.option(i), quantity(p.at(i, j)), p.criteria[j].id),
         std::string(kNormalize));
  }
  fail(ErrorCode::MethodDomain, p.location(hi, heaviest(p, r, hi)),
       fmt::format("the weighted sums of options '{}' and '{}' ({} and {}) differ by more than "
                   "the largest number",
                   p.option(hi), p.option(lo), quantity(scores[hi]), quantity(scores[lo])),
       std::string(kNormalize));
}

}  // namespace

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
    as_vector(scores).noalias() = as_matrix(p.data(), n, m) * as_vector(e);
    as_vector(scores).array() += c;
  } else if (!r.values.empty()) {
    std::vector<double>& effective = ws.buffer(2, m);
    for (size_t j = 0; j < m; ++j) effective[j] = p.weights[j] * r.sign[j];
    as_vector(scores).noalias() = as_matrix(r.values, n, m) * as_vector(effective);
  } else {
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < m; ++j) scores[i] += p.weights[j] * r.sign[j] * r.value(p, i, j);
    }
  }
  check_range(p, r, scores);
}

std::vector<double> wsm_scores(const DecisionProblem& p, const NormalizedMatrix& r) {
  Workspace ws;
  std::vector<double> scores;
  wsm_scores(p, r, scores, ws);
  return scores;
}

void give_weighted_contributions(const DecisionProblem& p, const NormalizedMatrix& r,
                                 const MethodParams& params, MethodOutput& out) {
  if (params.contribution_rule) {
    out.contributions.clear();
    return;
  }
  const size_t m = p.cols();
  out.contributions.resize(p.rows() * m);
  for (size_t i = 0; i < p.rows(); ++i) {
    for (size_t j = 0; j < m; ++j) {
      out.contributions[i * m + j] = out.weighted.value(j, r.value(p, i, j));
    }
  }
  out.weighted.factor.clear();  // the matrix is given
}

void weighted_contributions(const DecisionProblem& p, const NormalizedMatrix& r,
                            const MethodParams& params, MethodOutput& out) {
  if (!params.contributions) return;
  const size_t m = p.cols();
  out.weighted.factor.resize(m);
  out.weighted.weight.resize(m);
  out.weighted.mirrored.assign(m, 0);
  for (size_t j = 0; j < m; ++j) {
    out.weighted.factor[j] = p.weights[j] * r.sign[j];
    out.weighted.weight[j] = p.weights[j];
  }
  give_weighted_contributions(p, r, params, out);
}

void wsm(const DecisionProblem& p, const NormalizedMatrix& r, const MethodParams& params,
         MethodOutput& out, Workspace& ws) {
  wsm_scores(p, r, out.scores, ws);
  weighted_contributions(p, r, params, out);
}

}  // namespace tradeoff::detail
