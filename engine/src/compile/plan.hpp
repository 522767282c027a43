// The compile step: a framework answered by an assessment, turned into an evaluation plan that
// is built once and re-run many times. Ids are resolved to indices, formulas and rule
// conditions are checked trees over value slots, the method and the inputs are chosen, and the
// weighting is computed when it does not depend on the scores.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bind/bind.hpp"
#include "compile/method_choice.hpp"
#include "derive/derive.hpp"
#include "derive/formula.hpp"
#include "problem/problem.hpp"
#include "rules/rules.hpp"
#include "tradeoff/evaluate.hpp"
#include "weights/criterion_weights.hpp"

namespace tradeoff::detail {

struct Plan {
  const Framework* fw = nullptr;
  const Assessment* assessment = nullptr;  ///< never null: an empty one when none was given
  MethodChoice method;
  SlotNames names;  ///< the value slots: inputs, then derived values
  BoundInputs inputs;
  Cells cells;  ///< options x criteria, as written
  RuleSet rules;
  std::vector<Column> columns;  ///< per criterion: direction, scale, value function
  WeightingPlan weighting;
  std::vector<std::string> weight_origin;  ///< per criterion, before the rules
  /// Shared with the Results, which outlive the plan.
  std::shared_ptr<const std::vector<std::string>> option_ids =
      std::make_shared<const std::vector<std::string>>();

  explicit Plan(const Framework& framework) : names(framework) {}
  size_t options() const { return option_ids->size(); }
  size_t criteria() const { return columns.size(); }
  /// Where the score of an option on a criterion (by index) was written.
  SourceLocation location(size_t option, size_t criterion) const {
    return cell_location(cells, option, criterion);
  }
};

/// Compiles. Throws Error for a choice that cannot be evaluated (a `--set` the framework does
/// not take, a normalisation the method refuses).
Plan compile(const Framework& fw, const Assessment* assessment, const EvaluateOptions& options);

}  // namespace tradeoff::detail
