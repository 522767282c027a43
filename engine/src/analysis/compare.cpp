// Kendall's tau-b between two rankings, over the options both rank; a ranking that ties every
// option agrees fully with itself and says nothing (0) against one that orders them.
#include "analysis/compare.hpp"

#include <cmath>
#include <map>
#include <string>
#include <utility>

namespace tradeoff::detail {

namespace {

/// Pairs of options counted by how the two rankings order them.
struct PairCounts {
  double concordant = 0;
  double discordant = 0;
  double ties_a = 0;  ///< tied in a only
  double ties_b = 0;  ///< tied in b only
};

/// Counts every pair of (rank in a, rank in b); pairs tied in both count in none.
PairCounts count_pairs(const std::vector<std::pair<int, int>>& ranks) {
  PairCounts c;
  const size_t n = ranks.size();
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = i + 1; k < n; ++k) {
      const int da = ranks[i].first - ranks[k].first;
      const int db = ranks[i].second - ranks[k].second;
      if (da == 0 && db == 0) continue;
      if (da == 0) {
        c.ties_a += 1;
      } else if (db == 0) {
        c.ties_b += 1;
      } else if ((da > 0) == (db > 0)) {
        c.concordant += 1;
      } else {
        c.discordant += 1;
      }
    }
  }
  return c;
}

}  // namespace

double kendall_tau(const std::vector<RankEntry>& a, const std::vector<RankEntry>& b) {
  std::map<std::string, int> rb;
  for (const auto& e : b) rb[e.option] = e.rank;
  std::vector<std::pair<int, int>> pairs;
  for (const auto& e : a) {
    auto it = rb.find(e.option);
    if (it != rb.end()) pairs.emplace_back(e.rank, it->second);
  }
  if (pairs.size() < 2) return 1;
  const PairCounts c = count_pairs(pairs);
  const double untied_b = c.concordant + c.discordant + c.ties_a;
  const double untied_a = c.concordant + c.discordant + c.ties_b;
  // Tau-b is 0/0 when a ranking ties every option. Two such rankings are the same ranking
  // (1); one against a ranking that orders the options says nothing either way (0).
  if (untied_a == 0 && untied_b == 0) return 1.0;
  if (untied_a == 0 || untied_b == 0) return 0.0;
  return (c.concordant - c.discordant) / std::sqrt(untied_a * untied_b);
}

}  // namespace tradeoff::detail
