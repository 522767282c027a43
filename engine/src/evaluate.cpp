// evaluate(): one evaluation, end to end, on the re-evaluation API (tradeoff/evaluator.hpp):
//   compile (compile/: the method chosen, inputs bound, ids resolved to indices)
//   -> derive -> rules -> problem -> weighting -> normalise -> aggregate -> rank
//      (evaluate/pipeline.cpp runs the stages, each in its own folder)
//   -> the Result with its traces (evaluate/result.cpp) -> explain (explain/)
#include "tradeoff/evaluate.hpp"

#include "tradeoff/evaluator.hpp"

namespace tradeoff {

Result evaluate(const Framework& fw, const Assessment* assessment, const EvaluateOptions& opt) {
  return Evaluator(fw, assessment, opt).result();
}

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
