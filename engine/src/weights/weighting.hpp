// The weighting stage: from a `weighting:` spec (and, for objective methods, the decision
// matrix) to criterion weights, with each method's diagnostics (see tradeoff/result.hpp).
// One file per method in weights/; random-index tables in ri_tables.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "problem/problem.hpp"
#include "support/ri_tables.hpp"
#include "tradeoff/model.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff::detail {

/// Priorities, lambda max, CI and CR (and the inconsistent judgements when CR > 0.1).
AhpReport ahp(const PairwiseJudgements& judgements);

/// Rank-order surrogate weights for positions 1..n (1 = most important): Roc, RankSum or
/// RankReciprocal.
std::vector<double> rank_order_weights(WeightingMethod method, size_t n);

/// Entropy weights from the raw matrix (rows options, columns criteria; direction not applied).
/// Throws Error [method-domain] for negative values, fewer than two options, or no criterion
/// that discriminates.
std::vector<double> entropy_weights(const DecisionProblem& problem, const SourceLocation& where);
/// CRITIC weights: standard deviation of min-max normalised scores times conflict (1 - r).
std::vector<double> critic_weights(const DecisionProblem& problem, const SourceLocation& where);

/// What a weighting yields: a weight per criterion (not yet normalised) and its report.
struct Weighting {
  std::vector<double> weights;
  WeightingReport report;
};

/// Computes the weights a spec gives. `given` holds the criteria's own weights (used by direct
/// weighting); `problem` the matrix objective methods read (eligible options, after rules).
Weighting compute_weighting(const WeightingSpec* spec, const std::vector<std::string>& criteria,
                            const std::vector<double>& given, const DecisionProblem& problem);

}  // namespace tradeoff::detail
