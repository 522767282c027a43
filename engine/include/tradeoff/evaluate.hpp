// Evaluation: from a loaded framework (and assessment) to a ranked, explained Result.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tradeoff/choices.hpp"
#include "tradeoff/model.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff {

/// The normalisation a method uses unless told otherwise.
Normalization default_normalization(Method method);

/// Choices made on the command line; they override the assessment, which overrides the framework.
struct EvaluateOptions {
  std::optional<Method> method;                ///< not given: as the files say (default wsm)
  std::optional<Normalization> normalization;  ///< not given: as the files say (default: the
                                               ///< method's own)
  /// `--set name=value` answers; they override the assessment's.
  std::vector<std::pair<std::string, std::string>> set;
  /// `--weight criterion=value` direct weights; they override the assessment's and the
  /// framework's. Refused where the weights come from another weighting (AHP, swing, ...).
  std::vector<std::pair<std::string, std::string>> weights;
};

/// Scores, ranks and explains. Throws Error for inputs that cannot be evaluated (e.g. a zero
/// value under the weighted product), located at the responsible YAML.
Result evaluate(const Framework& fw, const Assessment* assessment, const EvaluateOptions& opt = {});

/// The same decision under several methods, and how far their rankings agree.
struct MethodComparison {
  std::vector<Result> results;  ///< one per method, in the order compared
  /// Per method: why it could not rank, or nothing when it ran. A method the values do not
  /// suit (the weighted product with a negative score, say) does not stop the others; its
  /// result then holds only the framework's and the method's names.
  std::vector<std::vector<Diagnostic>> errors;
  /// Kendall's tau-b between each pair of rankings; none when a method failed or fewer than
  /// two options are ranked (every other option vetoed).
  std::vector<std::vector<std::optional<double>>> tau;
  std::vector<std::string> rank_dependent;  ///< options whose rank differs between methods
  /// Every method ran and puts the same option(s) first; false when no option is ranked.
  bool same_winner = true;

  bool failed(size_t method) const { return !errors[method].empty(); }
};

/// Ranks under each method: `methods`, else the files' `compare:` list, else every method.
/// Each method uses its own default normalisation unless `options.normalization` names one it
/// accepts; the method the files choose keeps the files' normalisation.
MethodComparison compare_methods(const Framework& fw, const Assessment* assessment,
                                 const EvaluateOptions& options, std::vector<Method> methods = {});

}  // namespace tradeoff
