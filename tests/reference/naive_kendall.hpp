// Test-only reference: Kendall's tau-b by its definition, every pair of options looked at once
// (O(N^2)), for the oracle test of the engine's O(N log N) count. Slow and obvious on purpose.
#pragma once

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "tradeoff/result.hpp"

namespace tradeoff::reference {

/// tau-b = (C - D) / sqrt((C + D + T_b) (C + D + T_a)): C concordant pairs, D discordant, T_a
/// tied in a only, T_b tied in b only; pairs tied in both count in none. Only options both
/// rankings rank count; fewer than two: 1. A ranking that ties every option: 1 against another
/// such ranking, else 0.
inline double naive_kendall_tau(const std::vector<RankEntry>& a, const std::vector<RankEntry>& b) {
  std::vector<std::pair<int, int>> ranks;  // (rank in a, rank in b) of each common option
  for (const auto& x : a) {
    const RankEntry* in_b = nullptr;
    for (const auto& y : b) {
      if (y.option == x.option) in_b = &y;  // the last one, should b list it twice
    }
    if (in_b != nullptr) ranks.emplace_back(x.rank, in_b->rank);
  }
  if (ranks.size() < 2) return 1;
  double concordant = 0, discordant = 0, tied_a_only = 0, tied_b_only = 0;
  for (size_t i = 0; i < ranks.size(); ++i) {
    for (size_t k = i + 1; k < ranks.size(); ++k) {
      const int da = ranks[i].first - ranks[k].first;
      const int db = ranks[i].second - ranks[k].second;
      if (da == 0 && db == 0) continue;
      if (da == 0) {
        tied_a_only += 1;
      } else if (db == 0) {
        tied_b_only += 1;
      } else if ((da > 0) == (db > 0)) {
        concordant += 1;
      } else {
        discordant += 1;
      }
    }
  }
  const double ordered_by_a = concordant + discordant + tied_b_only;
  const double ordered_by_b = concordant + discordant + tied_a_only;
  if (ordered_by_a == 0 && ordered_by_b == 0) return 1;
  if (ordered_by_a == 0 || ordered_by_b == 0) return 0;
  return (concordant - discordant) / std::sqrt(ordered_by_a * ordered_by_b);
}

}  // namespace tradeoff::reference
