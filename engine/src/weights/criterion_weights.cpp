// The weights the methods use: see weights/criterion_weights.hpp.
#include "weights/criterion_weights.hpp"

#include <cmath>

#include <fmt/format.h>

#include "problem/magnitude.hpp"

namespace tradeoff::detail {

namespace {

bool reads_matrix(const WeightingSpec& spec) {
  if (spec.method == WeightingMethod::Entropy || spec.method == WeightingMethod::Critic) {
    return true;
  }
  if (spec.top && reads_matrix(*spec.top)) return true;
  for (const auto& g : spec.groups) {
    if (g.local && reads_matrix(*g.local)) return true;
  }
  for (const auto& s : spec.stakeholders) {
    if (s.weighting && reads_matrix(*s.weighting)) return true;
  }
  return false;
}

bool objective(const WeightingSpec* spec) {
  return spec != nullptr &&
         (spec->method == WeightingMethod::Entropy || spec->method == WeightingMethod::Critic);
}

}  // namespace

WeightingPlan plan_weighting(const WeightingSpec* spec, std::vector<std::string> criteria,
                             std::vector<double> given) {
  WeightingPlan plan;
  plan.spec = spec;
  plan.reads_matrix = spec != nullptr && reads_matrix(*spec);
  plan.criteria = std::move(criteria);
  plan.given = std::move(given);
  if (!plan.reads_matrix) plan.fixed = compute_weighting(spec, plan.criteria, plan.given, {});
  return plan;
}

void weighting_weights(const WeightingPlan& plan, const DecisionProblem& problem,
                       std::vector<double>& weights, WeightingReport* report) {
  if (!plan.reads_matrix) {
    weights.assign(plan.fixed.weights.begin(), plan.fixed.weights.end());
    if (report != nullptr) *report = plan.fixed.report;
    return;
  }
  if (objective(plan.spec) && problem.rows() == 0) {
    weights.assign(plan.criteria.size(), 1.0);  // nothing to measure; the ranking is empty anyway
    if (report != nullptr) report->method = to_string(plan.spec->method);
    return;
  }
  Weighting w = compute_weighting(plan.spec, plan.criteria, plan.given, problem);
  weights.assign(w.weights.begin(), w.weights.end());
  if (report != nullptr) *report = std::move(w.report);
}

void final_weights(const RuleSet& rules, const SlotNames& names, const double* slots,
                   const RuleState& state, const SourceLocation& criteria_where,
                   std::vector<double>& weights, std::vector<double>& shares, RulesTrace* trace,
                   std::vector<std::string>* origins) {
  apply_weight_effects(rules, names, slots, state, weights, true, trace, origins);
  for (size_t j = 0; j < weights.size(); ++j) {
    // The loader, the weightings and the rules give finite non-negative weights; this catches
    // one set through the re-evaluation API.
    if (weights[j] >= 0 && std::isfinite(weights[j])) continue;
    const Criterion& c = names.fw->criteria[j];
    fail(ErrorCode::InvalidWeights, c.weight_where.line > 0 ? c.weight_where : c.where,
         fmt::format("the weight of '{}' must be a finite non-negative number, got {}", c.id,
                     weights[j]));
  }
  const Shares total(weights.data(), weights.size());
  if (!(total.total > 0)) {
    const Rule* rule = nullptr;
    const CompiledEffect* last = last_weight_effect(rules, state, &rule);
    fail(ErrorCode::InvalidWeights, last != nullptr ? last->effect->where : criteria_where,
         fmt::format("all criterion weights are zero{}; at least one must be positive",
                     last != nullptr ? fmt::format(" after rule '{}'", rule->id) : ""));
  }
  shares.resize(weights.size());
  for (size_t j = 0; j < weights.size(); ++j) shares[j] = total.share(weights[j]);
}

}  // namespace tradeoff::detail
