// Deterministic ranking with tolerant ties.
#include "rank/rank.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tradeoff::detail {

bool same_score(double a, double b) {
  return std::fabs(a - b) <= kTieTolerance * std::max(std::fabs(a), std::fabs(b)) + kTieFloor;
}

void rank_into(const double* scores, const uint32_t* id_order, size_t k, bool higher_is_better,
               size_t* order, int* ranks) {
  std::iota(order, order + k, size_t{0});
  // Exact order first (a strict weak ordering), then ties are grouped and re-sorted by id.
  std::sort(order, order + k, [&](size_t a, size_t b) {
    if (scores[a] != scores[b]) {
      return higher_is_better ? scores[a] > scores[b] : scores[a] < scores[b];
    }
    return id_order[a] < id_order[b];
  });
  size_t group_start = 0;
  for (size_t g = 0; g <= k; ++g) {
    const bool ends_group = g == k || !same_score(scores[order[group_start]], scores[order[g]]);
    if (!ends_group) continue;
    std::sort(order + group_start, order + g,
              [&](size_t a, size_t b) { return id_order[a] < id_order[b]; });
    for (size_t x = group_start; x < g; ++x) ranks[order[x]] = static_cast<int>(group_start) + 1;
    group_start = g;
  }
}

std::vector<uint32_t> id_order(const std::vector<std::string>& ids) {
  std::vector<size_t> sorted(ids.size());
  std::iota(sorted.begin(), sorted.end(), size_t{0});
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](size_t a, size_t b) { return ids[a] < ids[b]; });
  std::vector<uint32_t> out(ids.size());
  for (size_t k = 0; k < sorted.size(); ++k) out[sorted[k]] = static_cast<uint32_t>(k);
  return out;
}

std::vector<RankEntry> rank_options(const std::vector<std::string>& ids,
                                    const std::vector<double>& scores, bool higher_is_better) {
  const std::vector<uint32_t> by_id = id_order(ids);
  std::vector<size_t> order(ids.size());
  std::vector<int> ranks(ids.size());
  rank_into(scores.data(), by_id.data(), ids.size(), higher_is_better, order.data(), ranks.data());
  std::vector<RankEntry> out;
  out.reserve(order.size());
  for (size_t i : order) out.push_back({ids[i], ranks[i], scores[i]});
  return out;
}

}  // namespace tradeoff::detail
