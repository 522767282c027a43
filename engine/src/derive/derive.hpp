// The derive stage: the framework's derived values, in dependency order, and the options'
// scores written as formulas. Takes the value slots with the inputs bound; gives the derived
// values (in the same slots) and the options x criteria matrix before the rules.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "derive/formula.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::detail {

/// Evaluates every derived value into its slot, dependencies first.
void derive(const SlotNames& names, std::vector<double>& slots);

/// The options x criteria matrix as compiled, row-major. Per cell, the score as written (null
/// for a cell of a table of scores) and whether the assessment set it: nine bytes a cell, since
/// a table may hold millions; the tables' numbers stay in the tables.
struct Cells {
  /// The score as written, with its value or formula, reason and source; empty when no cell
  /// has one (every score comes from a table).
  std::vector<const Score*> scores;
  std::vector<uint8_t> overridden;        ///< the assessment's, not the framework's; empty: none
  std::vector<size_t> formulas;           ///< the cells whose score is a formula, in order
  const ScoreTable* table = nullptr;      ///< the framework's table, if any
  const ScoreTable* overrides = nullptr;  ///< the assessment's table, if any
  size_t criteria = 0;
  size_t count = 0;  ///< options x criteria
  /// The whole matrix when every cell is the framework table's, in its order (no YAML score,
  /// no formula, no assessment override): the table's own values, shared rather than copied.
  std::shared_ptr<const std::vector<double>> matrix;

  size_t size() const { return count; }
  const Score* score(size_t k) const { return scores.empty() ? nullptr : scores[k]; }
  bool is_overridden(size_t k) const { return !overridden.empty() && overridden[k] != 0; }
  /// The number of a cell without a formula.
  double number(size_t k) const;
};

/// The options x criteria matrix of a framework with an assessment's overrides: the
/// assessment's YAML scores over its table, over the framework's YAML scores and table.
/// Throws Error [missing-score] for an option without a score (the loader prevents it).
Cells compile_cells(const Framework& fw, const Assessment& assessment);

/// Where the score of a cell (by option and criterion index) was written: its YAML, or its
/// table's cell.
SourceLocation cell_location(const Cells& cells, size_t option, size_t criterion);

/// Writes each cell's score into `base` (n x m): the numbers, and the formulas evaluated over
/// `slots`; with `formulas_only`, the numbers are taken to be there already. Cells marked in
/// `pinned` keep the value they have. Throws Error for a formula that fails or leaves its
/// criterion's scale.
void compute_scores(const SlotNames& names, const Cells& cells, const double* slots,
                    const std::vector<bool>& pinned, bool formulas_only, std::vector<double>& base);

}  // namespace tradeoff::detail
