// What the robustness analyses (weight stability, input break-even points, sweeps) share: a
// probe run that counts a failure as "no winner", the id of a probed winner, and a guard that
// leaves the evaluator as tradeoff/sensitivity.hpp promises (reset, then run again).
#pragma once

#include <cstddef>
#include <string>

#include "tradeoff/evaluator.hpp"

namespace tradeoff::detail {

/// Runs `ev`; false when the current values cannot be evaluated (a formula that fails at this
/// value, a weight a method cannot take). An analysis probes values no one chose, so such a
/// value is a finding ("no winner here"), not an error of the analysis.
bool try_run(Evaluator& ev);

/// try_run(), then the winner: Evaluator::npos when the run failed or every option is vetoed.
size_t probe_winner(Evaluator& ev);

/// The option's id, or "" for Evaluator::npos.
std::string winner_id(const Evaluator& ev, size_t option);

/// On leaving its scope, however that happens: reset() then run(), so that the caller gets the
/// compiled values back and an evaluator that has run.
class RestoreOnExit {
 public:
  explicit RestoreOnExit(Evaluator& ev) : ev_(ev) {}
  ~RestoreOnExit();
  RestoreOnExit(const RestoreOnExit&) = delete;
  RestoreOnExit& operator=(const RestoreOnExit&) = delete;

 private:
  Evaluator& ev_;
};

}  // namespace tradeoff::detail
