// Parts of a loaded model written as one line of text, so that two versions can be compared
// and the difference shown: a scale, a value function, a limit, a rule's effects, a weighting.
// Numbers are written to 12 significant digits, so that any change of value changes the text.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tradeoff/diff.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::detail {

/// "a, b, c".
std::string list_text(const std::vector<std::string>& items);
/// "[1, 5]".
std::string scale_text(const std::pair<double, double>& scale);
/// "[[0, 1], [10, 0.8], [100, 0]]".
std::string value_function_text(const ValueFunction& function);
/// "max deadline_weeks * 1.25; min 2; because ...; source ...".
std::string limit_text(const Limit& limit);
/// "1: days; 5: a year or more".
std::string rubric_text(const std::vector<std::pair<std::string, std::string>>& rubric);
/// "[1, 3]" for a range, "{low: 2, mode: 3, high: 5}" for a triangle.
std::string distribution_text(const Distribution& distribution);
/// A score's value: its number, its formula as written, or its range or triangle.
DiffValue score_value(const Score& score);
/// A rule's effects in the order written: "veto a, b; add 1 to x on c; weight of c x 1.5; ...".
std::string effects_text(const std::vector<Effect>& effects);
/// A weighting block: "ahp over a, b, c: [[1, 3], [1/3, 1]], eigenvector, saaty_1980", ...
std::string weighting_text(const WeightingSpec& spec);
/// How uncertain the weights are: "concentration 100", "stated", "ranges a [1, 2]".
std::string uncertainty_text(const std::optional<Uncertainty>& uncertainty);
/// PROMETHEE preference functions: "default usual; cost linear q=1 p=5".
std::string preference_text(const std::vector<PreferenceFunction>& preference);

}  // namespace tradeoff::detail
