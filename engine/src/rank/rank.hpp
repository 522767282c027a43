// Ranking: best first, ties share the better rank (1, 1, 3) and are ordered by id.
#pragma once

#include <string>
#include <vector>

#include "tradeoff/result.hpp"

namespace tradeoff::detail {

/// Scores closer than this, relative to their size, count as a tie, so that rounding noise
/// (21.999999999999996 vs 22) cannot decide a ranking; kTieFloor absorbs noise around zero.
inline constexpr double kTieTolerance = 1e-9;
inline constexpr double kTieFloor = 1e-15;
bool same_score(double a, double b);

std::vector<RankEntry> rank_options(const std::vector<std::string>& ids,
                                    const std::vector<double>& scores, bool higher_is_better);

}  // namespace tradeoff::detail
