// Compiling a framework and an assessment into an evaluation plan: see compile/plan.hpp.
#include "compile/plan.hpp"

#include <cmath>

#include <fmt/format.h>

#include "support/numbers.hpp"
#include "support/suggest.hpp"

namespace tradeoff::detail {

namespace {

/// `--weight id=value` over the given weights: a usage error for an unknown criterion, a value
/// that is not a non-negative number, or weights that come from another weighting.
void command_line_weights(const Framework& fw, const WeightingSpec* spec,
                          const EvaluateOptions& options, std::vector<double>& given,
                          std::vector<std::string>& origin) {
  std::vector<std::string> ids;
  for (const auto& c : fw.criteria) ids.push_back(c.id);
  for (const auto& [id, text] : options.weights) {
    const std::string what = fmt::format("--weight {}={}", id, text);
    size_t j = 0;
    while (j < ids.size() && ids[j] != id) ++j;
    if (j == ids.size()) {
      usage_error(fmt::format("{}: framework '{}' has no criterion '{}'", what, fw.id, id),
                  did_you_mean(id, ids));
    }
    const auto v = parse_number(text);
    if (!v || !std::isfinite(*v) || *v < 0) {
      usage_error(fmt::format("{}: a weight is a non-negative number", what));
    }
    if (spec != nullptr && !(spec->method == WeightingMethod::Direct && spec->weights.empty())) {
      usage_error(fmt::format("{}: the weights come from the '{}' weighting, not from direct "
                              "weights",
                              what, to_string(spec->method)),
                  "change the weighting's own judgements instead");
    }
    given[j] = *v;
    origin[j] = "command line";
  }
}

/// Columns, the given weights (the command line's over the assessment's over the framework's)
/// and their origins, and the weighting that turns them into weights.
void compile_criteria(const Framework& fw, const Assessment& a, const EvaluateOptions& options,
                      Plan& plan) {
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
  command_line_weights(fw, spec, options, given, plan.weight_origin);
  plan.weighting = plan_weighting(spec, std::move(ids), std::move(given));
}

/// An assessment's own scores and weights, and the command line's weights, are final: the
/// rules leave them alone (and say so in the trace).
void fix_explicit_values(const Assessment& a, Plan& plan) {
  bool any = false;
  std::vector<uint8_t> scores(plan.cells.size(), 0);
  for (size_t k = 0; k < plan.cells.size(); ++k) {
    if (!plan.cells.is_overridden(k)) continue;
    scores[k] = 1;
    const Score* score = plan.cells.score(k);
    if (score != nullptr && !score->because.empty()) {
      plan.rules.fixed_reasons.emplace(k, score->because);
    }
    any = true;
  }
  if (any) plan.rules.fixed_scores = std::move(scores);
  any = false;
  std::vector<Fixed> weights(plan.weight_origin.size());
  for (size_t j = 0; j < weights.size(); ++j) {
    const std::string& origin = plan.weight_origin[j];
    if (origin != "assessment" && origin != "command line") continue;
    std::string reason;
    for (const auto& o : a.weights) {
      if (o.criterion == plan.columns[j].id) reason = o.because;
    }
    weights[j] = {true, origin == "assessment" ? "the assessment" : "the command line",
                  origin == "assessment" ? reason : ""};
    any = true;
  }
  if (any) plan.rules.fixed_weights = std::move(weights);
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
  plan.rules = compile_rules(fw);
  compile_criteria(fw, a, options, plan);
  fix_explicit_values(a, plan);
  std::vector<std::string> ids;
  ids.reserve(fw.options.size());
  for (const auto& o : fw.options) ids.push_back(o.id);
  plan.option_ids = std::make_shared<const std::vector<std::string>>(std::move(ids));
  return plan;
}

}  // namespace tradeoff::detail
