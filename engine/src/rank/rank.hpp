// The ranking stage: best first, ties share the better rank (1, 1, 3) and are ordered by id.
// Takes the method's scores; gives each option's rank.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tradeoff/result.hpp"

namespace tradeoff::detail {

/// Scores closer than this, relative to their size, count as a tie, so that rounding noise
/// (21.999999999999996 vs 22) cannot decide a ranking; kTieFloor absorbs noise around zero.
inline constexpr double kTieTolerance = 1e-9;
inline constexpr double kTieFloor = 1e-15;
bool same_score(double a, double b);

/// Room for rank_into() to sort many options in, kept by a caller that ranks again.
struct RankScratch {
  std::vector<uint32_t> first;
  std::vector<uint32_t> second;
  std::vector<uint32_t> counts;
};

/// From this many options, order_by_score() sorts by radix.
inline constexpr size_t kRadixFrom = 1024;

/// The k options' positions, best first by score alone (equal scores by position), into
/// `order` (k entries). Allocates nothing for a few options; from kRadixFrom options it sorts
/// by radix in `scratch`, which grows to hold them once.
void order_by_score(const double* scores, size_t k, bool higher_is_better, size_t* order,
                    RankScratch& scratch);

/// After order_by_score(): groups the scores that are the same (same_score() with the group's
/// first), orders each group by id (`id_less(a, b)`: option a's id sorts before option b's)
/// and gives every option of a group the group's rank, into `ranks` (k entries).
template <class IdLess>
void rank_ties(const double* scores, size_t k, size_t* order, int* ranks, IdLess id_less) {
  size_t group_start = 0;
  for (size_t g = 0; g <= k; ++g) {
    const bool ends_group = g == k || !same_score(scores[order[group_start]], scores[order[g]]);
    if (!ends_group) continue;
    if (g - group_start > 1) std::sort(order + group_start, order + g, id_less);
    for (size_t x = group_start; x < g; ++x) ranks[order[x]] = static_cast<int>(group_start) + 1;
    group_start = g;
  }
}

/// Ranks k options in place: `order` (k entries) receives the options' positions best first
/// and `ranks` (k entries) each option's rank. `id_order[i]` is option i's position among the
/// ids in sorted order, which breaks ties. Allocates as order_by_score() does.
void rank_into(const double* scores, const uint32_t* id_order, size_t k, bool higher_is_better,
               size_t* order, int* ranks, RankScratch& scratch);
/// rank_into() with scratch of its own (it allocates for many options).
void rank_into(const double* scores, const uint32_t* id_order, size_t k, bool higher_is_better,
               size_t* order, int* ranks);

/// Each id's position among the ids in sorted order.
std::vector<uint32_t> id_order(const std::vector<std::string>& ids);

std::vector<RankEntry> rank_options(const std::vector<std::string>& ids,
                                    const std::vector<double>& scores, bool higher_is_better);

}  // namespace tradeoff::detail
