// Weighting methods: from a `weighting:` spec (and, for objective methods, the decision
// matrix) to criterion weights, with each method's diagnostics (see tradeoff/result.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "problem.hpp"
#include "tradeoff/model.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff::detail {

/// RI(n) of a table; 0 for n < 3. Donegan-Dodd interpolates between its listed sizes and
/// Alonso-Lamata extends by its formula; nullopt when the table has no value for n.
std::optional<double> random_index(RiTable table, size_t n);
/// The largest n a table covers.
size_t random_index_limit(RiTable table);

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

/// Kendall's tau-b between two rankings of the same options (ties allowed); 1 when n < 2.
double kendall_tau(const std::vector<RankEntry>& a, const std::vector<RankEntry>& b);

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
