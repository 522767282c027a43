// Building the decision problem of the eligible options: see problem/build.hpp.
#include "problem/build.hpp"

#include <algorithm>

namespace tradeoff::detail {

namespace {

bool same_set(const std::vector<size_t>& eligible, const std::vector<uint8_t>& vetoed) {
  size_t k = 0;
  for (size_t i = 0; i < vetoed.size(); ++i) {
    if (vetoed[i] != 0) continue;
    if (k == eligible.size() || eligible[k] != i) return false;
    ++k;
  }
  return k == eligible.size();
}

}  // namespace

void select_rows(const std::vector<uint8_t>& vetoed, const std::vector<double>& raw, Rows& rows,
                 DecisionProblem& problem) {
  const size_t m = problem.cols();
  if (rows.first || !same_set(rows.eligible, vetoed)) {
    // Give the ids back, then take those of the new set.
    for (size_t r = 0; r < problem.options.size(); ++r) {
      rows.ids[rows.eligible[r]] = std::move(problem.options[r]);
    }
    problem.options.clear();
    problem.options.reserve(vetoed.size());
    problem.where.clear();
    problem.where.reserve(vetoed.size() * m);
    rows.eligible.clear();
    rows.eligible.reserve(vetoed.size());
    problem.values.reserve(vetoed.size() * m);
    for (size_t i = 0; i < vetoed.size(); ++i) {
      if (vetoed[i] != 0) continue;
      rows.eligible.push_back(i);
      problem.options.push_back(std::move(rows.ids[i]));
      problem.where.insert(problem.where.end(), rows.where.begin() + static_cast<long>(i * m),
                           rows.where.begin() + static_cast<long>((i + 1) * m));
    }
    rows.first = false;
  }
  problem.values.resize(rows.eligible.size() * m);
  for (size_t r = 0; r < rows.eligible.size(); ++r) {
    std::copy_n(raw.begin() + static_cast<long>(rows.eligible[r] * m), m,
                problem.values.begin() + static_cast<long>(r * m));
  }
}

}  // namespace tradeoff::detail
