// "Did you mean" suggestions: the closest candidate by edit distance, if close enough.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tradeoff::detail {

/// Optimal-string-alignment distance (insertions, deletions, substitutions, transpositions).
int edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, or "" when none is close enough to be a plausible typo.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

/// "did you mean 'x'?" or "" when no candidate is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace tradeoff::detail
