// Comparing rankings: how far two rankings of the same options agree (used for stakeholders'
// rankings and for comparisons of methods).
#pragma once

#include <vector>

#include "tradeoff/result.hpp"

namespace tradeoff::detail {

/// Kendall's tau-b between two rankings of the same options (ties allowed); 1 when n < 2.
/// Options in only one ranking are left out. O(N log N) in the number of options.
double kendall_tau(const std::vector<RankEntry>& a, const std::vector<RankEntry>& b);

}  // namespace tradeoff::detail
