// evaluate(): one evaluation, end to end, on the re-evaluation API (tradeoff/evaluator.hpp):
//   compile (compile/: the method chosen, inputs bound, ids resolved to indices)
//   -> derive -> rules -> problem -> weighting -> normalise -> aggregate -> rank
//      (evaluate/pipeline.cpp runs the stages, each in its own folder)
//   -> the Result with its traces (evaluate/result.cpp) -> explain (explain/)
#include "tradeoff/evaluate.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

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

Figures::Figures(std::shared_ptr<const std::vector<double>> matrix, size_t row, size_t size)
    : matrix_(std::move(matrix)), size_(size) {
  if (size_ > 0) data_ = matrix_->data() + row * size_;
}

Figures::Figures(std::vector<double> values)
    : matrix_(std::make_shared<const std::vector<double>>(std::move(values))),
      data_(matrix_->data()),
      size_(matrix_->size()) {}

double Figures::at(size_t j) const {
  if (j >= size_) throw std::out_of_range("Figures::at: no figure " + std::to_string(j));
  return data_[j];
}

bool operator==(const Figures& a, const std::vector<double>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

bool operator==(const Figures& a, const Figures& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

const OptionResult* Result::option(const std::string& id) const {
  const size_t i = options.find(id);
  return i < options.size() ? &options[i] : nullptr;
}

int Result::criterion_index(const std::string& id) const {
  for (size_t j = 0; j < criteria.size(); ++j) {
    if (criteria[j].id == id) return static_cast<int>(j);
  }
  return -1;
}

}  // namespace tradeoff
