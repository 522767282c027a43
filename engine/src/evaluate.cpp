// evaluate(): one evaluation, end to end, on the re-evaluation API (tradeoff/evaluator.hpp):
//   compile (compile/: the method chosen, inputs bound, ids resolved to indices)
//   -> derive -> rules -> problem -> weighting -> normalise -> aggregate -> rank
//      (evaluate/pipeline.cpp runs the stages, each in its own folder)
//   -> the Result with its traces (evaluate/result.cpp) -> explain (explain/)
#include "tradeoff/evaluate.hpp"

#include "analysis/relaxation.hpp"
#include "tradeoff/evaluator.hpp"

namespace tradeoff {

Result evaluate(const Framework& fw, const Assessment* assessment, const EvaluateOptions& opt) {
  Evaluator ev(fw, assessment, opt);
  Result result = ev.traced_result();
  if (result.ranking.empty() && !result.vetoed.empty()) {
    // Every option excluded: say what would admit one, not only that none is left.
    result.relaxations = detail::find_relaxations(fw, ev, result);
    for (size_t k = 0; k < result.relaxations.size() && k < 3; ++k) {
      result.explanation.summary += " " + detail::describe(result.relaxations[k]);
    }
  }
  return result;
}

std::string Veto::by() const { return rule.empty() ? "the limit on " + limit : rule; }

const OptionResult* Result::option(const std::string& id) const {
  for (const auto& o : options) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

int Result::criterion_index(const std::string& id) const {
  for (size_t j = 0; j < criteria.size(); ++j) {
    if (criteria[j].id == id) return static_cast<int>(j);
  }
  return -1;
}

}  // namespace tradeoff
