// The derive stage: the framework's derived values, in dependency order, and the options'
// scores written as formulas. Takes the value slots with the inputs bound; gives the derived
// values (in the same slots) and the options x criteria matrix before the rules.
#pragma once

#include <cstdint>
#include <vector>

#include "derive/formula.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::detail {

/// Evaluates every derived value into its slot, dependencies first.
void derive(const SlotNames& names, std::vector<double>& slots);

/// One cell of the options x criteria matrix as compiled: a number, or a formula.
struct Cell {
  double value = 0;                     ///< the number, when there is no formula
  const Expression* formula = nullptr;  ///< evaluated at each evaluation
  const Score* score = nullptr;         ///< the score as written, with its reason and source
  bool overridden = false;              ///< the assessment's, not the framework's
};

/// The options x criteria matrix of a framework with an assessment's overrides, row-major.
/// Throws Error [missing-score] for an option without a score (the loader prevents it).
std::vector<Cell> compile_cells(const Framework& fw, const Assessment& assessment);

/// Writes each cell's score into `base` (n x m): the numbers, and the formulas evaluated over
/// `slots`; with `formulas_only`, the numbers are taken to be there already. Cells marked in
/// `pinned` keep the value they have. Throws Error for a formula that fails or leaves its
/// criterion's scale.
void compute_scores(const SlotNames& names, const std::vector<Cell>& cells, const double* slots,
                    const std::vector<uint8_t>& pinned, bool formulas_only,
                    std::vector<double>& base);

}  // namespace tradeoff::detail
