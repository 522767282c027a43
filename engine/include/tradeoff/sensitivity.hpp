// How sure is the recommendation: weight stability, input break-even points, sweeps and
// Monte-Carlo acceptability (SMAA-2), each run through the whole pipeline with the
// re-evaluation API (tradeoff/evaluator.hpp).
//
//   tradeoff::Evaluator ev(framework, assessment);
//   ev.run();
//   for (const auto& w : tradeoff::weight_stability(ev)) ...      // per criterion
//   for (const auto& i : tradeoff::input_break_even(ev)) ...      // per input
//
// Every function leaves the evaluator as it found it (values reset, last run redone).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "tradeoff/evaluate.hpp"
#include "tradeoff/evaluator.hpp"
#include "tradeoff/model.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff {

// --- weight stability -----------------------------------------------------------------------

/// How far one criterion's weight can move, the other weights rescaled in proportion (which is
/// the same as changing this weight alone), before the winner, or the whole ranking, changes.
struct WeightStability {
  std::string criterion;
  double weight = 0;  ///< as used, in the weighting's own units: the stated weight after the
                      ///< rules' weight effects (the stated one when no rule touches it)
  double share = 0;   ///< normalised, in [0, 1]

  /// The winner stays the winner while the share lies in [winner_low, winner_high] (within
  /// [0, 1]); exact for the weighted sum (and checked with the evaluator), bisected to 1e-6
  /// for the other methods after a scan of 200 steps, which misses a change and a change back
  /// within one step. A change only past a share of 1 - 1e-6 (a weight a million times the
  /// others') counts as none.
  double winner_low = 0;
  double winner_high = 1;
  /// The same ends in the weight's own units, the other weights as they are (W_o, after the
  /// rules): share s is the weight s W_o / (1 - s); none when the end is a share of 1 (no
  /// weight, however large, changes the winner).
  double weight_low = 0;
  std::optional<double> weight_high;
  /// The option that wins just past each end; "" when the end is 0 or 1 and nothing changes,
  /// or when no option can be ranked past it (the method fails there).
  std::string winner_below;
  std::string winner_above;
  /// The whole ranking stays the same while the share lies in [ranking_low, ranking_high].
  double ranking_low = 0;
  double ranking_high = 1;
};

/// For each criterion, in framework order, but one whose share no stated weight can move (a
/// rule sets it to zero, or sets it and another weight too). Runs `ev` first (an Error
/// propagates); with every option vetoed the result is empty. A criterion alone in carrying
/// weight keeps a share of 1 whatever its weight: [0, 1], nothing changes.
std::vector<WeightStability> weight_stability(Evaluator& ev);

/// The smallest change of one weight that flips the winner, over `stability` (see WeightFlip).
std::optional<WeightFlip> smallest_weight_flip(const std::vector<WeightStability>& stability);

// --- input break-even points ------------------------------------------------------------------

/// What each value of an input makes the winner.
struct InputSensitivity {
  std::string input;
  std::string unit;
  InputType type = InputType::Number;
  double current = 0;  ///< the value the evaluation used
  /// Numbers and integers with a declared range (min and max): the range scanned and every
  /// change of winner along it, in increasing order.
  double low = 0;
  double high = 0;
  std::vector<BreakEven> points;
  /// Booleans, choices and levels: the winner under each value, in declaration order, as
  /// {value as written, winner ("" when every option is vetoed)}.
  std::vector<std::pair<std::string, std::string>> winners;
};

/// For each input that can change the winner (numbers and integers with a declared min and max
/// that differ; booleans, choices and levels), in framework order. A numeric input is probed
/// at 201 evenly spaced values, both ends included (integers: whole numbers only), and at its
/// current value, the whole pipeline re-run at each; each change of winner between two probes
/// is bisected to 0.1% of the range (BreakEven::value mid-way between the last probe of
/// `before` and the first of `after`; for an integer, the first whole number at which `after`
/// wins), and a third option winning in between is found too; a change and a change back
/// within one step of the scan (0.5% of the range) are missed. A probe that cannot be
/// evaluated (a formula that fails at some value) counts as "no winner" there.
std::vector<InputSensitivity> input_break_even(Evaluator& ev);

/// The break-even point nearest to the current value over all inputs (relative to each
/// input's range), or none.
std::optional<NearestBreakEven> nearest_break_even(const std::vector<InputSensitivity>& inputs);

// --- sweeps -----------------------------------------------------------------------------------

/// Every option's score across a weight's or an input's range, for charts.
struct Sweep {
  enum class Kind { Weight, Input } kind = Kind::Weight;
  std::string id;                           ///< criterion id or input name
  std::vector<double> at;                   ///< the values probed, increasing
  std::vector<std::string> options;         ///< framework order
  std::vector<std::vector<double>> score;   ///< [point][option]; vetoed: 0 (see eligible)
  std::vector<std::vector<bool>> eligible;  ///< [point][option]
  std::vector<std::string> winner;          ///< per point; "" when every option is vetoed
};

/// A weight from 0 to `high` (default: three times its stated value, at least 1), or a numeric
/// input over its declared range, in `points` evenly spaced probes (at least 2; an integer
/// input probes each whole number once, so a narrow range gives fewer). A weight is swept as
/// set_weight() takes it, before the rules' weight effects. Throws std::invalid_argument for
/// fewer than 2 points, a `high` that is not finite and positive, or an input that is not a
/// number or an integer with a declared min and max; std::out_of_range for an index past the
/// end. A probe that cannot be evaluated has no option eligible and no winner.
Sweep sweep_weight(Evaluator& ev, size_t criterion, size_t points = 21,
                   std::optional<double> high = std::nullopt);
Sweep sweep_input(Evaluator& ev, size_t input, size_t points = 21);
/// The same over `points` geometrically spaced values, for a range that spans decades (request
/// volume, say): from the range's low end, or from high / 10,000 when the low end is not above
/// that, to its high end (an integer input probes whole numbers, repeats dropped). Throws
/// std::invalid_argument as sweep_input() does, and when the high end is not positive.
Sweep sweep_input_log(Evaluator& ev, size_t input, size_t points = 41);

// --- Monte-Carlo acceptability (SMAA-2) --------------------------------------------------------

struct SmaaOptions {
  size_t samples = 10000;  ///< each draws everything uncertain once and ranks the options
  uint64_t seed = 1;       ///< the same seed gives the same numbers, bit for bit
  unsigned threads = 0;    ///< 0: every hardware thread; the numbers do not depend on it
  /// Called from one thread (the caller's) now and then with the share done, in [0, 1],
  /// ending with 1. An exception it throws stops the analysis and reaches the caller.
  std::function<void(double)> progress;
};

struct SmaaOption {
  std::string option;
  /// [r]: share of the evaluated samples where it ranks r + 1. Tied options share the better
  /// rank; a vetoed option takes no rank in a sample, so its shares then sum to less than 1.
  std::vector<double> rank_acceptability;
  /// The mean of the weights as used (after the rules' weight effects, normalised; criteria as
  /// in Smaa::criteria) over the samples where it ranks first; empty if it never does.
  std::vector<double> central_weights;
  double confidence = 0;  ///< share of samples where it ranks first (= rank_acceptability[0])
};

struct Smaa {
  size_t samples = 0;  ///< drawn, failed ones included
  uint64_t seed = 0;
  /// How the weights vary: "stated" (they do not), "none" (uniform over every sharing-out of
  /// the weight), "concentration C" (Dirichlet around the stated shares; the default, C = 100)
  /// or "ranges".
  std::string weights_model;
  /// What varies, in this order: "weights", "score OPTION/CRITERION", "input NAME". Empty when
  /// nothing does: every sample is then the deterministic evaluation.
  std::vector<std::string> uncertain;
  std::vector<std::string> criteria;  ///< framework order, for central_weights
  std::vector<SmaaOption> options;    ///< framework order
  std::string winner;     ///< of the deterministic evaluation ("" when every option is vetoed)
  double confidence = 0;  ///< the winner's first-rank acceptability
  double confidence_error = 0;  ///< its standard error, sqrt(p (1 - p) / (samples - failed))
  size_t failed = 0;            ///< samples that could not be evaluated (left out of every share)
};

/// Samples the uncertainty the framework and assessment declare (weights, score ranges and
/// triangles, input ranges and triangles; see Uncertainty and Distribution in model.hpp) and
/// evaluates the whole pipeline on each sample; under the weighted sum with only the weights
/// uncertain, a product of the normalised matrix and the weights does the same. A sample whose
/// evaluation throws Error counts as failed. Throws Error when the deterministic evaluation
/// does, as evaluate() would.
Smaa smaa(const Framework& fw, const Assessment* assessment, const EvaluateOptions& options,
          const SmaaOptions& smaa_options);

// --- everything, for `tradeoff sensitivity` and the robustness block --------------------------

struct SensitivityOptions {
  SmaaOptions smaa;
  bool run_smaa = true;  ///< false: no Monte-Carlo (the evaluate robustness block without
                         ///< declared uncertainty)
  size_t sweep_points = 21;
  bool sweeps = true;
};

struct Sensitivity {
  Result result;  ///< the deterministic evaluation
  std::vector<WeightStability> weights;
  std::optional<WeightFlip> flip;
  std::vector<InputSensitivity> inputs;
  std::optional<NearestBreakEven> nearest;
  std::vector<Sweep> sweeps;  ///< every weight, then every numeric input with a range
  std::optional<Smaa> smaa;
  NearTie near_tie;
};

Sensitivity analyze_sensitivity(const Framework& fw, const Assessment* assessment,
                                const EvaluateOptions& options,
                                const SensitivityOptions& sensitivity = {});

/// Whether the framework or the assessment declares uncertainty (an `uncertainty:` section, a
/// score or an input written as a range or a triangle): then the robustness block samples it.
bool declares_uncertainty(const Framework& fw, const Assessment* assessment);

/// The short robustness block of `evaluate`: the most sensitive weight and its flip point, the
/// nearest input break-even, Monte-Carlo confidence when uncertainty is declared (`samples`
/// samples), and a near-tie said plainly. Sets result.robustness. `result` is the evaluation of
/// `fw` and `assessment` under `options`: when it ranks nothing, nothing is added.
void add_robustness(Result& result, const Framework& fw, const Assessment* assessment,
                    const EvaluateOptions& options, const SmaaOptions& smaa_options);

/// The same block for `sensitivity.result`, from the analyses `sensitivity` already holds
/// (nothing is computed twice; its SMAA counts only when uncertainty is declared, as above).
void add_robustness(Sensitivity& sensitivity, const Framework& fw, const Assessment* assessment);

/// The near-tie verdict from the evaluation, the smallest weight flip and SMAA (when it ran).
NearTie near_tie(const Result& result, const std::optional<WeightFlip>& flip,
                 const std::optional<Smaa>& smaa);

}  // namespace tradeoff
