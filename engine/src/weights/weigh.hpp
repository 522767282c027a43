// Internal to weights/ (the stage's interface is weights/weighting.hpp): one level of weighting
// over some elements, the per-method pieces it dispatches to, and the two hierarchical
// weightings built on it. Weights returned here are not yet normalised unless said so.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "problem/problem.hpp"
#include "tradeoff/model.hpp"
#include "tradeoff/result.hpp"
#include "weights/weighting.hpp"

namespace tradeoff::detail {

/// The position of `id` in `ids` (ids.size() when absent; the loader has checked every id).
inline size_t index_of(const std::vector<std::string>& ids, const std::string& id) {
  return static_cast<size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

/// `w` scaled to sum to 1; unchanged when its sum is not positive.
std::vector<double> normalized(std::vector<double> w);

/// Weights over `elements` (criteria, or group ids) from a one-level spec: `given` for direct
/// weighting, the `columns` of `problem` for objective methods. Sets `ahp_out` for AHP.
std::vector<double> weigh(const WeightingSpec& spec, const std::vector<std::string>& elements,
                          const std::vector<double>& given, const DecisionProblem& problem,
                          const std::vector<size_t>& columns, std::optional<AhpReport>& ahp_out);

/// A line that says how a spec weighs, for the methods whose figures are not otherwise shown;
/// "" for the others.
std::string describe(const WeightingSpec& spec, size_t options);

/// Rank-order weights over `elements` from the spec's `order:` (ties share their positions).
std::vector<double> ordered_weights(const WeightingSpec& spec,
                                    const std::vector<std::string>& elements);

/// Entropy or CRITIC weights (by spec.method) over the given columns of the matrix.
std::vector<double> objective_weights(const WeightingSpec& spec, const DecisionProblem& problem,
                                      const std::vector<size_t>& columns);

/// Groups: the groups' weights, then local weights within each; global = group x local share.
Weighting group_weighting(const WeightingSpec& spec, const std::vector<std::string>& criteria,
                          const std::vector<double>& given, const DecisionProblem& problem);

/// Stakeholders: each one's weights, combined by influence (arithmetic mean of weights, or the
/// AHP priorities of the geometric mean of their judgements), with the spread between them.
Weighting stakeholder_weighting(const WeightingSpec& spec, const std::vector<std::string>& criteria,
                                const std::vector<double>& given, const DecisionProblem& problem);

}  // namespace tradeoff::detail
