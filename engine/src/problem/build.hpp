// The problem stage: the decision problem of the options no rule vetoed. Takes the matrix after
// the rules and the vetoes; gives the eligible rows, in framework order, as a DecisionProblem.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "problem/problem.hpp"

namespace tradeoff::detail {

/// The eligible options and the storage that moves between re-runs.
struct Rows {
  std::vector<size_t> eligible;  ///< indices of the options not vetoed
  /// The ids of the options not in the problem; empty until a selection leaves an option out
  /// (every id is then copied from `all` once, and ids move between here and the problem).
  std::vector<std::string> ids;
  std::shared_ptr<const std::vector<std::string>> all;  ///< every option's id
  /// Where the score of option i on criterion j was written (for diagnostics).
  std::function<SourceLocation(size_t, size_t)> locate;
  bool first = true;  ///< no rows selected yet
};

/// Makes `problem` hold the rows of the options not in `vetoed`, with `raw` values (options x
/// criteria). When every option is eligible, the problem shares `rows.all` for their ids, and
/// `shared` for its values when it holds `raw`, rather than copying them. Otherwise ids move
/// between `rows.ids` and the problem, so that a change of the eligible set allocates nothing
/// once both have room. Throws Error
/// [invalid-value] at the cell for a score that is not a finite number (one set through the
/// re-evaluation API).
void select_rows(const std::vector<uint8_t>& vetoed, const std::vector<double>& raw, Rows& rows,
                 DecisionProblem& problem,
                 const std::shared_ptr<const std::vector<double>>& shared = nullptr);

}  // namespace tradeoff::detail
