// The evaluation pipeline, stage by stage, from the values bound at compile time:
//   bind -> derive -> rules -> problem -> weighting -> normalise -> aggregate -> rank
// Each stage is a function of its own folder; this file only decides which of them a change
// reaches. The order is also the order in which errors are found.
#include <algorithm>
#include <string>
#include <vector>

#include "derive/derive.hpp"
#include "evaluate/state.hpp"
#include "rank/rank.hpp"
#include "weights/criterion_weights.hpp"

namespace tradeoff::detail {

State::State(const Plan& plan)
    : slots(plan.names.count(), 0.0),
      set_inputs(plan.fw->inputs.size(), 0),
      pinned_scores(plan.cells.size(), false),
      base(plan.cells.matrix ? plan.cells.matrix
                             : std::make_shared<std::vector<double>>(plan.cells.size(), 0.0)),
      pinned_weights(plan.criteria(), 0),
      pinned_weight(plan.criteria(), 0.0),
      score(plan.options(), 0.0),
      rank(plan.options(), 0) {
  std::copy(plan.inputs.values.begin(), plan.inputs.values.end(), slots.begin());
  problem.criteria = plan.columns;
  rows.all = plan.option_ids;
  params = plan.method.params;
  params.contributions = false;
  params.details = false;
  order.reserve(plan.options());
  row_order.reserve(plan.options());
  row_rank.reserve(plan.options());
}

std::vector<double>& State::write_base() {
  // The problem shares it until the rows are selected again, which a change of score brings.
  if (problem.shared == base) problem.shared.reset();
  if (base.use_count() > 1) base = std::make_shared<std::vector<double>>(*base);
  // Held by this state alone, so made here as a mutable vector: a table's matrix is also
  // held by its framework and the plan, and a Result's by the Result.
  return const_cast<std::vector<double>&>(*base);  // NOLINT(cppcoreguidelines-pro-type-const-cast)
}

namespace {

/// The weighting's weights (computed once, or for this matrix), then set_weight()'s values.
void weighting(const Plan& plan, State& s, bool reweigh, Trace* trace) {
  if (reweigh || s.dirty.fresh) {
    weighting_weights(plan.weighting, s.problem, s.weighting,
                      trace != nullptr ? &trace->weighting : nullptr);
  }
  s.weights.assign(s.weighting.begin(), s.weighting.end());
  for (size_t j = 0; j < s.weights.size(); ++j) {
    if (s.pinned_weights[j] != 0) s.weights[j] = s.pinned_weight[j];
  }
  if (trace != nullptr) {
    trace->weight_origin = plan.weight_origin;
    for (size_t j = 0; j < s.weights.size(); ++j) {
      if (s.pinned_weights[j] != 0) trace->weight_origin[j] = "analysis";
    }
  }
  final_weights(plan.rules, plan.names, s.slots.data(), s.rules, plan.fw->criteria_where, s.weights,
                s.problem.weights, trace != nullptr ? &trace->rules : nullptr,
                trace != nullptr ? &trace->weight_origin : nullptr);
}

void aggregate_and_rank(const Plan& plan, State& s, Trace* trace) {
  const size_t k = s.problem.rows();
  std::fill(s.score.begin(), s.score.end(), 0.0);
  std::fill(s.rank.begin(), s.rank.end(), 0);
  s.order.clear();
  if (k == 0) return;
  const MethodInfo& method = *plan.method.info;
  MethodParams traced;
  if (trace != nullptr) {
    // A traced run's details and warnings are its own, not added to an earlier one's.
    s.output.details = MethodDetails();
    s.output.warnings.clear();
    traced = plan.method.params;      // contributions and details too
    traced.contribution_rule = true;  // the Result computes them for the options it shows
  }
  s.output.weighted.factor.clear();  // a method that gives the rule sets it again
  method.run(s.problem, s.normalized, trace != nullptr ? traced : s.params, s.output, s.workspace);
  s.row_order.resize(k);
  s.row_rank.resize(k);
  order_by_score(s.output.scores.data(), k, s.output.higher_is_better, s.row_order.data(),
                 s.rank_scratch);
  // Ties are rare and small: their ids are compared as they are, no order of every id is kept.
  const std::vector<std::string>& ids = *plan.option_ids;
  const std::vector<size_t>& eligible = s.rows.eligible;
  rank_ties(s.output.scores.data(), k, s.row_order.data(), s.row_rank.data(),
            [&](size_t a, size_t b) { return ids[eligible[a]] < ids[eligible[b]]; });
  for (size_t r = 0; r < k; ++r) {
    const size_t i = s.rows.eligible[r];
    s.score[i] = s.output.scores[r];
    s.rank[i] = s.row_rank[r];
  }
  for (size_t r : s.row_order) s.order.push_back(s.rows.eligible[r]);
}

}  // namespace

void run_stages(const Plan& plan, State& s, Trace* trace) {
  // Set on each run: a State may have been copied since the last.
  s.problem.locate = [&plan, rows = &s.rows](size_t r, size_t j) {
    return plan.location(rows->eligible[r], j);
  };
  s.rows.locate = [&plan](size_t i, size_t j) { return plan.location(i, j); };
  const bool inputs = s.dirty.inputs || s.dirty.fresh;
  const bool scores = inputs || s.dirty.scores;
  const bool weights = scores || s.dirty.weights;
  if (inputs) {
    derive(plan.names, s.slots);
    // A table's own matrix holds the numbers already; otherwise the numbers (on the first
    // run) and the formulas are written.
    if (s.base != plan.cells.matrix && (s.dirty.fresh || !plan.cells.formulas.empty())) {
      compute_scores(plan.names, plan.cells, s.slots.data(), s.pinned_scores, !s.dirty.fresh,
                     s.write_base());
    }
  }
  if (scores) {
    apply_rules(plan.rules, plan.names, s.slots.data(), *s.base, inputs, s.rules,
                trace != nullptr ? &trace->rules : nullptr);
    select_rows(s.rules.vetoed, after_rules(s.rules, *s.base), s.rows, s.problem,
                s.rules.adjusted ? nullptr : s.base);
  }
  if (weights) weighting(plan, s, scores && plan.weighting.reads_matrix, trace);
  if (scores && s.problem.rows() > 0) {
    const MethodChoice& m = plan.method;
    // Value functions and scales hold under every method, unless the user chose the
    // normalisation for all criteria. Materialised only when a column is not plainly affine:
    // the methods fold affine transforms into their own pass over the raw matrix, which a
    // large matrix would otherwise hold twice.
    normalize_into(s.problem, m.normalization, m.normalization_chosen ? "" : m.info->title,
                   m.info->oriented, false, s.normalized, !m.normalization_chosen);
    if (!s.normalized.affine) materialize_values(s.problem, s.normalized);
  }
  if (weights) aggregate_and_rank(plan, s, trace);
  s.dirty = {false, false, false, false};
}

}  // namespace tradeoff::detail
