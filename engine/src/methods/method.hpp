// The aggregation methods: a name -> function registry. Each method turns a normalised
// decision matrix and weights into one native score per option.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "normalize.hpp"
#include "problem.hpp"
#include "tradeoff/evaluate.hpp"

namespace tradeoff::detail {

struct MethodOutput {
  std::vector<double> scores;         ///< native figure per option
  bool higher_is_better = true;
  std::vector<double> contributions;  ///< rows x cols additive parts of the score
};

using MethodFunction = MethodOutput (*)(const DecisionProblem&, const NormalizedMatrix&);

struct MethodInfo {
  std::string_view name;
  std::string_view title;
  Normalization normalization;       ///< default
  std::string_view contribution;     ///< what a contribution means under this method
  MethodFunction run;
};

const std::vector<MethodInfo>& methods();
const MethodInfo* find_method(std::string_view name);

/// Weighted sum scores only (the hot loop, benchmarked): score_i = sum_j w_j s_j r_ij.
std::vector<double> wsm_scores(const NormalizedMatrix& normalized, const std::vector<double>& weights,
                               size_t rows);

MethodOutput run_wsm(const DecisionProblem& problem, const NormalizedMatrix& normalized);
MethodOutput run_wpm(const DecisionProblem& problem, const NormalizedMatrix& normalized);

}  // namespace tradeoff::detail
