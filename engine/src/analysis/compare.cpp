// Kendall's tau-b between two rankings of the options both rank, in O(N log N) (Knight's
// method: sort by one ranking, count discordant pairs while merge sorting by the other, and
// count ties from runs of equal ranks).
#include "analysis/compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace tradeoff::detail {

namespace {

using RankPair = std::pair<int, int>;  ///< (rank in a, rank in b)

/// Pairs of options within runs of equal values: sum over runs of k (k - 1) / 2.
template <typename Same>
int64_t tied_pairs(const std::vector<RankPair>& v, Same same) {
  int64_t pairs = 0;
  int64_t run = 1;
  for (size_t i = 1; i <= v.size(); ++i) {
    if (i < v.size() && same(v[i - 1], v[i])) {
      ++run;
      continue;
    }
    pairs += run * (run - 1) / 2;
    run = 1;
  }
  return pairs;
}

/// Sorts v[lo, hi) by rank in b (stably) and returns the number of strict inversions: pairs
/// that came in order of rank in a but are out of order in b.
int64_t sort_counting_inversions(std::vector<RankPair>& v, std::vector<RankPair>& buffer, size_t lo,
                                 size_t hi) {
  if (hi - lo < 2) return 0;
  const size_t mid = lo + (hi - lo) / 2;
  int64_t swaps = sort_counting_inversions(v, buffer, lo, mid);
  swaps += sort_counting_inversions(v, buffer, mid, hi);
  size_t i = lo;
  size_t k = mid;
  size_t out = lo;
  while (i < mid && k < hi) {
    if (v[k].second < v[i].second) {
      swaps += static_cast<int64_t>(mid - i);  // v[k] is below every item left on the left
      buffer[out++] = v[k++];
    } else {
      buffer[out++] = v[i++];
    }
  }
  while (i < mid) buffer[out++] = v[i++];
  while (k < hi) buffer[out++] = v[k++];
  std::copy(buffer.begin() + static_cast<std::ptrdiff_t>(lo),
            buffer.begin() + static_cast<std::ptrdiff_t>(hi),
            v.begin() + static_cast<std::ptrdiff_t>(lo));
  return swaps;
}

/// The (rank in a, rank in b) of each option of `a` that `b` ranks too (b's last entry for an
/// option listed twice).
std::vector<RankPair> paired_ranks(const std::vector<RankEntry>& a,
                                   const std::vector<RankEntry>& b) {
  std::unordered_map<std::string_view, int> rank_in_b;
  rank_in_b.reserve(b.size());
  for (const auto& e : b) rank_in_b[e.option] = e.rank;
  std::vector<RankPair> pairs;
  pairs.reserve(a.size());
  for (const auto& e : a) {
    if (auto it = rank_in_b.find(e.option); it != rank_in_b.end()) {
      pairs.emplace_back(e.rank, it->second);
    }
  }
  return pairs;
}

}  // namespace

double kendall_tau(const std::vector<RankEntry>& a, const std::vector<RankEntry>& b) {
  std::vector<RankPair> v = paired_ranks(a, b);
  if (v.size() < 2) return 1;
  const auto n = static_cast<int64_t>(v.size());
  const int64_t all = n * (n - 1) / 2;
  // Sorted by a, then b: pairs tied in a never count as inversions below.
  std::sort(v.begin(), v.end());
  const int64_t tied_a =
      tied_pairs(v, [](const RankPair& x, const RankPair& y) { return x.first == y.first; });
  const int64_t tied_both =
      tied_pairs(v, [](const RankPair& x, const RankPair& y) { return x == y; });
  std::vector<RankPair> buffer(v.size());
  const int64_t discordant = sort_counting_inversions(v, buffer, 0, v.size());
  const int64_t tied_b =
      tied_pairs(v, [](const RankPair& x, const RankPair& y) { return x.second == y.second; });
  const int64_t concordant = all - tied_a - tied_b + tied_both - discordant;
  // Pairs that each ranking orders (ties in the other one included), as tau-b counts them.
  const auto untied_a = static_cast<double>(all - tied_a);
  const auto untied_b = static_cast<double>(all - tied_b);
  // Tau-b is 0/0 when a ranking ties every option. Two such rankings are the same ranking
  // (1); one against a ranking that orders the options says nothing either way (0).
  if (untied_a == 0 && untied_b == 0) return 1.0;
  if (untied_a == 0 || untied_b == 0) return 0.0;
  return static_cast<double>(concordant - discordant) / std::sqrt(untied_a * untied_b);
}

}  // namespace tradeoff::detail
