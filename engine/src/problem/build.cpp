// Building the decision problem of the eligible options: see problem/build.hpp.
#include "problem/build.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include <fmt/format.h>

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

/// Every score is a finite number: the loader, the formulas and the rules make sure of it, and
/// this catches a value set through the re-evaluation API, vetoed or not (the result shows
/// both). Vectorised: one OR over the matrix, and a second pass only to locate the culprit.
void check_finite(const std::vector<double>& raw, const Rows& rows,
                  const DecisionProblem& problem) {
  constexpr double kMax = std::numeric_limits<double>::max();
  unsigned bad = 0;
  for (double v : raw) bad |= static_cast<unsigned>(!(std::fabs(v) <= kMax));
  if (bad == 0) return;
  const size_t m = problem.cols();
  for (size_t k = 0; k < raw.size(); ++k) {
    if (std::isfinite(raw[k])) continue;
    const size_t i = k / m;
    // An eligible option's id has moved into the problem.
    const auto at = std::find(rows.eligible.begin(), rows.eligible.end(), i);
    const std::string& id = at != rows.eligible.end()
                                ? problem.option(static_cast<size_t>(at - rows.eligible.begin()))
                                : rows.ids[i];
    fail(ErrorCode::InvalidValue, rows.locate ? rows.locate(i, k % m) : SourceLocation{},
         fmt::format("the score of '{}' on '{}' is not a finite number ({})", id,
                     problem.criteria[k % m].id, raw[k]));
  }
}

bool every_eligible(const std::vector<uint8_t>& vetoed) {
  return std::all_of(vetoed.begin(), vetoed.end(), [](uint8_t v) { return v == 0; });
}

}  // namespace

void select_rows(const std::vector<uint8_t>& vetoed, const std::vector<double>& raw, Rows& rows,
                 DecisionProblem& problem,
                 const std::shared_ptr<const std::vector<double>>& shared) {
  const size_t m = problem.cols();
  if (every_eligible(vetoed)) {
    // Every option: the problem shares the list of their ids (an id it held goes back first).
    if (!rows.first && problem.shared_options == nullptr) {
      for (size_t r = 0; r < problem.options.size(); ++r) {
        rows.ids[rows.eligible[r]] = std::move(problem.options[r]);
      }
      problem.options.clear();
    }
    problem.shared_options = rows.all;
    if (rows.eligible.size() != vetoed.size()) {
      rows.eligible.resize(vetoed.size());
      std::iota(rows.eligible.begin(), rows.eligible.end(), size_t{0});
    }
    rows.first = false;
  } else if (problem.shared_options != nullptr || rows.first || !same_set(rows.eligible, vetoed)) {
    // A copy of every id the first time a subset is needed; then ids move between the two.
    if (rows.ids.empty()) rows.ids = *rows.all;
    for (size_t r = 0; r < problem.options.size(); ++r) {
      rows.ids[rows.eligible[r]] = std::move(problem.options[r]);
    }
    problem.shared_options = nullptr;
    problem.options.clear();
    problem.options.reserve(vetoed.size());
    rows.eligible.clear();
    rows.eligible.reserve(vetoed.size());
    for (size_t i = 0; i < vetoed.size(); ++i) {
      if (vetoed[i] != 0) continue;
      rows.eligible.push_back(i);
      problem.options.push_back(std::move(rows.ids[i]));
    }
    // Room for every option once a copy is needed, so that other sets allocate nothing.
    if (rows.eligible.size() < vetoed.size()) problem.values.reserve(vetoed.size() * m);
    rows.first = false;
  }
  if (shared && shared.get() == &raw && rows.eligible.size() == vetoed.size()) {
    problem.shared = shared;
    problem.values.clear();  // its room stays for the next set that needs a copy
    check_finite(raw, rows, problem);
    return;
  }
  problem.shared = nullptr;
  problem.values.resize(rows.eligible.size() * m);
  for (size_t r = 0; r < rows.eligible.size(); ++r) {
    std::copy_n(raw.begin() + static_cast<long>(rows.eligible[r] * m), m,
                problem.values.begin() + static_cast<long>(r * m));
  }
  check_finite(raw, rows, problem);
}

}  // namespace tradeoff::detail
