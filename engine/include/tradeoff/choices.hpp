// The named choices a framework makes: aggregation method, normalisation, weighting method,
// AHP priority method and random-index table, stakeholder aggregation, PROMETHEE preference
// function. Enums once loaded; each has one table of the names that YAML and the CLI use.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tradeoff {

/// The aggregation methods ("wsm", "wpm", "waspas", "topsis", "vikor", "promethee2").
enum class Method { Wsm, Wpm, Waspas, Topsis, Vikor, Promethee2 };

/// How raw scores become comparable values before weighting (see the README).
enum class Normalization { Declared, None, MinMax, Max, Sum, Vector };

/// How criterion weights are obtained (the `weighting:` block).
enum class WeightingMethod {
  Direct,
  Ahp,
  Roc,
  RankSum,
  RankReciprocal,
  Swing,
  Entropy,
  Critic,
  Groups,
  Stakeholders,
};

/// How AHP priorities come from a pairwise comparison matrix.
enum class PriorityMethod { Eigenvector, GeometricMean, NormalizedColumnMean };

/// The random-index tables in circulation for AHP's consistency ratio.
enum class RiTable {
  Saaty1980,
  Saaty1980JmcdmVariant,
  Saaty2005,
  DoneganDodd1991,
  AlonsoLamata2006,
  AguaronMorenoJimenez2003,
  TummalaLing1998,
};

/// How stakeholders' weightings combine: weighted mean of weights, or weighted geometric mean
/// of AHP judgements.
enum class StakeholderAggregate { Arithmetic, Geometric };

/// PROMETHEE preference functions.
enum class PreferenceShape { Usual, UShape, VShape, Level, Linear, Gaussian };

/// The name YAML and the CLI use for a choice, e.g. "promethee2", "min-max" is "minmax".
std::string_view to_string(Method value);
std::string_view to_string(Normalization value);
std::string_view to_string(WeightingMethod value);
std::string_view to_string(PriorityMethod value);
std::string_view to_string(RiTable value);
std::string_view to_string(StakeholderAggregate value);
std::string_view to_string(PreferenceShape value);

/// Every name of a kind of choice, in declaration order (for messages and did-you-mean).
template <typename Choice>
const std::vector<std::string>& choice_names();

/// The choice a name denotes, or nullopt.
template <typename Choice>
std::optional<Choice> parse_choice(std::string_view name);

// Shorthands kept for callers of the earlier string-based API.
inline const std::vector<std::string>& method_names() { return choice_names<Method>(); }
inline const std::vector<std::string>& normalization_names() {
  return choice_names<Normalization>();
}
inline std::optional<Method> parse_method(std::string_view name) {
  return parse_choice<Method>(name);
}
inline std::optional<Normalization> parse_normalization(std::string_view name) {
  return parse_choice<Normalization>(name);
}

}  // namespace tradeoff
