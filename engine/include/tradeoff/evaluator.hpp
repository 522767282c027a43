// Compile once, re-run cheaply: an evaluation whose inputs, weights and scores can be changed
// and evaluated again, re-running only the stages downstream of the change. This is what
// robustness analysis (weight stability, break-even points, Monte-Carlo) is built on, and what
// evaluate() and compare_methods() use.
//
//   tradeoff::Evaluator ev(framework, assessment);
//   const size_t volume = *ev.input_index("requests_per_day");   // look ids up once
//   for (double v : {1e3, 1e4, 1e5, 1e6}) {
//     ev.set_input(volume, v);
//     ev.run();                                                  // derive, rules, rank again
//     std::cout << ev.option_id(ev.winner()) << "\n";
//   }
//
// After the first run, run() allocates nothing on its usual paths; an entropy or CRITIC
// weighting, which reads the scores, is recomputed (and allocates) when the scores change.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "tradeoff/evaluate.hpp"
#include "tradeoff/model.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff {

class Evaluator {
 public:
  /// Compiles `framework` answered by `assessment` (null for none) under `options`. Both must
  /// outlive the evaluator. Throws Error for choices that cannot be evaluated (a `--set` the
  /// framework does not take, a normalisation the method refuses).
  Evaluator(const Framework& framework, const Assessment* assessment,
            const EvaluateOptions& options = {});
  ~Evaluator();
  Evaluator(Evaluator&&) noexcept;
  Evaluator& operator=(Evaluator&&) noexcept;
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  /// Sizes and ids, in framework order.
  size_t input_count() const;
  size_t criterion_count() const;
  size_t option_count() const;
  const std::string& input_name(size_t input) const;
  const std::string& criterion_id(size_t criterion) const;
  const std::string& option_id(size_t option) const;
  /// The index of an id, or nullopt; look ids up once, then use indices.
  std::optional<size_t> input_index(std::string_view name) const;
  std::optional<size_t> criterion_index(std::string_view id) const;
  std::optional<size_t> option_index(std::string_view id) const;
  /// The method and normalisation in use.
  Method method() const;
  Normalization normalization() const;

  /// Answers an input: a number; booleans 0 or 1; levels and choices the index of their value.
  /// Throws Error [invalid-value] for a value the input's type cannot take. A value outside the
  /// input's declared range is taken as given. The result() shows its origin as "analysis".
  void set_input(size_t input, double value);
  /// Sets a criterion's weight as the weighting gives it (any non-negative unit), before the
  /// rules' weight effects and before the weights are normalised to sum to 1. The result()
  /// shows its origin as "analysis".
  void set_weight(size_t criterion, double weight);
  /// Sets an option's raw score on a criterion, before the rules' adjustments; the score no
  /// longer follows its formula, if it had one.
  void set_score(size_t option, size_t criterion, double value);
  /// Undoes every set_...() call: back to the compiled inputs, weights and scores.
  void reset();

  /// The current value of an input (as set_input() takes it).
  double input(size_t input) const;
  /// An input as the framework declares it: its type, unit, declared range (min and max, when
  /// given), and its choices or levels as written. Analyses read the range to know what to scan.
  const Input& input_definition(size_t input) const;

  /// Evaluates again the stages downstream of what changed since the last run (every stage the
  /// first time). Throws Error when the values cannot be evaluated: a formula that fails, a rule
  /// that makes a weight negative, a value a method cannot take.
  void run();

  /// Read back after run(). An option a rule vetoed has score 0 and rank 0.
  double score(size_t option) const;
  int rank(size_t option) const;
  bool eligible(size_t option) const;
  /// The option ranked first (ties: the first by id), or npos when every option is vetoed.
  size_t winner() const;
  /// The eligible options, best first.
  const std::vector<size_t>& order() const;
  /// The criteria's weights as used: after the rules, normalised to sum to 1.
  double weight(size_t criterion) const;
  /// A criterion's weight as set_weight() takes it: set_weight()'s value, else the weighting's
  /// (the stated weight under direct weighting), before the rules and normalisation.
  double stated_weight(size_t criterion) const;
  /// A criterion's weight after the rules' weight effects, before normalisation: weight() is
  /// this over the sum of them all.
  double weight_after_rules(size_t criterion) const;
  /// An option's raw score on a criterion, after the rules.
  double raw(size_t option, size_t criterion) const;
  /// True when the method ranks a higher score first.
  bool higher_is_better() const;

  static constexpr size_t npos = static_cast<size_t>(-1);

  /// The whole result, traced and explained, as evaluate() gives it, for the current values.
  /// Runs every stage again with tracing on (it allocates); run() need not have been called.
  Result result() const;
  /// result(), computed in this evaluator's own state rather than a copy of it: for a large
  /// matrix, half the memory. Afterwards the evaluator stands as after run().
  Result traced_result();

  /// After run(): an eligible option's normalised value on a criterion, signed as the weighted
  /// sum uses it (a cost its normalisation leaves unflipped counts negatively), so that under
  /// `wsm` score(option) = sum over j of weight(j) x signed_normalized(option, j); 0 for a
  /// vetoed option. Monte-Carlo analysis reads the matrix once when only the weights vary.
  double signed_normalized(size_t option, size_t criterion) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tradeoff
