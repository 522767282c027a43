// Deterministic ranking with tolerant ties.
#include "rank.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tradeoff::detail {

bool same_score(double a, double b) {
  return std::fabs(a - b) <= kTieTolerance * std::max(std::fabs(a), std::fabs(b)) + kTieFloor;
}

std::vector<RankEntry> rank_options(const std::vector<std::string>& ids,
                                    const std::vector<double>& scores, bool higher_is_better) {
  std::vector<size_t> order(ids.size());
  std::iota(order.begin(), order.end(), size_t{0});
  // Exact order first (a strict weak ordering), then ties are grouped and re-sorted by id.
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (scores[a] != scores[b]) return higher_is_better ? scores[a] > scores[b] : scores[a] < scores[b];
    return ids[a] < ids[b];
  });
  std::vector<RankEntry> out;
  out.reserve(order.size());
  size_t group_start = 0;
  for (size_t k = 0; k <= order.size(); ++k) {
    const bool ends_group =
        k == order.size() || !same_score(scores[order[group_start]], scores[order[k]]);
    if (!ends_group) continue;
    std::sort(order.begin() + static_cast<std::ptrdiff_t>(group_start),
              order.begin() + static_cast<std::ptrdiff_t>(k),
              [&](size_t a, size_t b) { return ids[a] < ids[b]; });
    for (size_t g = group_start; g < k; ++g) {
      out.push_back({ids[order[g]], static_cast<int>(group_start) + 1, scores[order[g]]});
    }
    group_start = k;
  }
  return out;
}

}  // namespace tradeoff::detail
