// What an evaluation re-uses from one run to the next: the values each stage produced, the
// changes made through the Evaluator, and which stages those changes reach.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "compile/plan.hpp"
#include "methods/method.hpp"
#include "normalize/normalize.hpp"
#include "problem/build.hpp"
#include "rank/rank.hpp"
#include "rules/rules.hpp"

namespace tradeoff::detail {

/// Which stages must run again.
struct Dirty {
  bool inputs = true;   ///< derived values, formula scores, rules and everything after
  bool scores = true;   ///< the rules' effects on the scores and everything after
  bool weights = true;  ///< the weights, aggregation and ranking
  bool fresh = true;    ///< nothing computed yet: numbers too, not only formulas
};

struct State {
  Dirty dirty;
  std::vector<double> slots;        ///< inputs, then derived values
  std::vector<uint8_t> set_inputs;  ///< per input: set_input() changed it
  std::vector<bool> pinned_scores;  ///< options x criteria: set_score() fixed the value
  /// Options x criteria, before the rules: shared with the Results made from it and, for a
  /// table in the framework's order, the table's own matrix; written through write_base().
  std::shared_ptr<const std::vector<double>> base;
  RuleState rules;
  Rows rows;
  DecisionProblem problem;        ///< the eligible options; weights normalised
  std::vector<double> weighting;  ///< the weighting's weight per criterion
  std::vector<uint8_t> pinned_weights;
  std::vector<double> pinned_weight;  ///< set_weight()'s values
  std::vector<double> weights;        ///< after the rules, not normalised
  NormalizedMatrix normalized;
  MethodParams params;  ///< the method's, without contributions and details
  MethodOutput output;
  Workspace workspace;
  std::vector<size_t> order;      ///< option indices, best first
  std::vector<size_t> row_order;  ///< the same as rows of the problem
  std::vector<int> row_rank;
  RankScratch rank_scratch;   ///< the ranking's room, kept for the next run
  std::vector<double> score;  ///< per option; 0 when vetoed
  std::vector<int> rank;      ///< per option; 0 when vetoed

  explicit State(const Plan& plan);

  /// `base`, to be written: copied first unless this state alone holds a matrix of its own
  /// (the problem, which shares it, lets go until its rows are selected again).
  std::vector<double>& write_base();
};

/// What only a traced run records, for the Result.
struct Trace {
  RulesTrace rules;
  WeightingReport weighting;
  std::vector<std::string> weight_origin;  ///< per criterion
};

/// Runs the stages the changes in `state.dirty` reach, in pipeline order; with a trace, every
/// stage also records what it did, and methods compute their contributions and details.
void run_stages(const Plan& plan, State& state, Trace* trace);

/// The Result of a traced run (see tradeoff/result.hpp), explanation included. Takes the
/// method's contributions from `state` (only a traced run computes them).
Result assemble_result(const Plan& plan, State& state, Trace& trace);

}  // namespace tradeoff::detail
