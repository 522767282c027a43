// The weighting stage: the weights the methods use. Takes the weighting spec (or the criteria's
// own weights), the decision problem (entropy and CRITIC read it) and the rules' weight effects;
// gives each criterion's weight and its share of their sum.
#pragma once

#include <string>
#include <vector>

#include "problem/problem.hpp"
#include "rules/rules.hpp"
#include "weights/weighting.hpp"

namespace tradeoff::detail {

struct WeightingPlan {
  const WeightingSpec* spec = nullptr;  ///< null: direct, from the criteria's own weights
  bool reads_matrix = false;            ///< entropy or CRITIC somewhere: re-run per matrix
  std::vector<std::string> criteria;    ///< ids, framework order
  std::vector<double> given;            ///< the criteria's weights, after the assessment's
  Weighting fixed;                      ///< computed once, when it does not read the matrix
};

/// Plans the weighting, computing it now when it does not depend on the scores.
WeightingPlan plan_weighting(const WeightingSpec* spec, std::vector<std::string> criteria,
                             std::vector<double> given);

/// The weighting's weights for `problem` (the eligible options after the rules); fills the
/// report when asked.
void weighting_weights(const WeightingPlan& plan, const DecisionProblem& problem,
                       std::vector<double>& weights, WeightingReport* report);

/// The rules' weight effects on `weights`, then each weight's share of their sum into
/// `shares`. Throws Error [invalid-weights] when every weight ends at zero, pointing at the last
/// weight effect that fired, else at `criteria_where`.
void final_weights(const RuleSet& rules, const SlotNames& names, const double* slots,
                   const RuleState& state, const SourceLocation& criteria_where,
                   std::vector<double>& weights, std::vector<double>& shares, RulesTrace* trace,
                   std::vector<std::string>* origins);

}  // namespace tradeoff::detail
