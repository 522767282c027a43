// Compiling a framework and an assessment into an evaluation plan: see compile/plan.hpp.
#include "compile/plan.hpp"

#include "rank/rank.hpp"

namespace tradeoff::detail {

namespace {

/// Columns, the given weights (the assessment's over the framework's) and their origins, and
/// the weighting that turns them into weights.
void compile_criteria(const Framework& fw, const Assessment& a, Plan& plan) {
  std::vector<std::string> ids;
  std::vector<double> given;
  for (const auto& c : fw.criteria) {
    plan.columns.push_back({c.id, c.direction, c.scale, c.value_function});
    ids.push_back(c.id);
    double weight = c.weight.value_or(0);
    std::string origin = "framework";
    for (const auto& o : a.weights) {
      if (o.criterion != c.id) continue;
      weight = o.weight;
      origin = "assessment";
    }
    given.push_back(weight);
    plan.weight_origin.push_back(std::move(origin));
  }
  const WeightingSpec* spec = a.weighting ? &*a.weighting : fw.weighting ? &*fw.weighting : nullptr;
  if (spec != nullptr && !(spec->method == WeightingMethod::Direct && spec->weights.empty())) {
    for (auto& origin : plan.weight_origin) origin = to_string(spec->method);
  }
  plan.weighting = plan_weighting(spec, std::move(ids), std::move(given));
}

}  // namespace

Plan compile(const Framework& fw, const Assessment* assessment, const EvaluateOptions& options) {
  static const Assessment kNoAssessment;
  const Assessment& a = assessment != nullptr ? *assessment : kNoAssessment;
  Plan plan(fw);
  plan.fw = &fw;
  plan.assessment = &a;
  plan.method = choose_method(fw, a, options);
  plan.inputs = bind_inputs(fw, a, options.set);
  plan.cells = compile_cells(fw, a);
  for (const auto& cell : plan.cells) plan.where.push_back(&cell.score->where);
  plan.rules = compile_rules(fw);
  compile_criteria(fw, a, plan);
  for (const auto& o : fw.options) plan.option_ids.push_back(o.id);
  plan.id_order = id_order(plan.option_ids);
  return plan;
}

}  // namespace tradeoff::detail
