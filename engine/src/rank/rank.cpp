// Deterministic ranking with tolerant ties.
#include "rank/rank.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <vector>

namespace tradeoff::detail {

bool same_score(double a, double b) {
  return std::fabs(a - b) <= kTieTolerance * std::max(std::fabs(a), std::fabs(b)) + kTieFloor;
}

namespace {

/// The bits of a score as an unsigned number in the same order (-0 and +0 alike).
uint64_t sortable(double score) {
  score += 0.0;
  uint64_t u = 0;
  std::memcpy(&u, &score, sizeof u);
  return (u >> 63) != 0 ? ~u : u | (uint64_t{1} << 63);
}

/// The positions 0..k-1 best first: in ascending order of their keys (a score's sortable bits,
/// inverted when higher is better), equal keys by position. A stable LSD radix sort, 11 bits a
/// pass; a pass whose digit every key shares is skipped. The keys are recomputed each pass
/// rather than kept, which would cost as much memory again.
void radix_order(const double* scores, size_t k, bool higher_is_better, RankScratch& scratch) {
  constexpr unsigned kBits = 11;
  constexpr size_t kBuckets = size_t{1} << kBits;
  constexpr unsigned kPasses = (64 + kBits - 1) / kBits;
  const uint64_t flip = higher_is_better ? ~uint64_t{0} : 0;
  std::vector<uint32_t>& out = scratch.first;
  std::vector<uint32_t>& spare = scratch.second;
  std::vector<uint32_t>& counts = scratch.counts;
  counts.assign(kBuckets * kPasses, 0);
  for (size_t i = 0; i < k; ++i) {
    const uint64_t key = sortable(scores[i]) ^ flip;
    for (unsigned p = 0; p < kPasses; ++p) {
      ++counts[p * kBuckets + ((key >> (p * kBits)) & (kBuckets - 1))];
    }
  }
  out.resize(k);
  spare.resize(k);
  std::iota(out.begin(), out.end(), uint32_t{0});
  const uint64_t first_key = sortable(scores[0]) ^ flip;
  for (unsigned p = 0; p < kPasses; ++p) {
    uint32_t* count = counts.data() + p * kBuckets;
    const unsigned shift = p * kBits;
    if (count[(first_key >> shift) & (kBuckets - 1)] == k) continue;  // one digit: none moves
    uint32_t sum = 0;
    for (size_t b = 0; b < kBuckets; ++b) {
      const uint32_t c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (size_t x = 0; x < k; ++x) {
      const uint32_t i = out[x];
      spare[count[((sortable(scores[i]) ^ flip) >> shift) & (kBuckets - 1)]++] = i;
    }
    out.swap(spare);
  }
}

}  // namespace

void order_by_score(const double* scores, size_t k, bool higher_is_better, size_t* order,
                    RankScratch& scratch) {
  if (k < kRadixFrom) {
    std::iota(order, order + k, size_t{0});
    std::sort(order, order + k, [&](size_t a, size_t b) {
      if (scores[a] != scores[b]) {
        return higher_is_better ? scores[a] > scores[b] : scores[a] < scores[b];
      }
      return a < b;
    });
    return;
  }
  // Many options: by radix over the scores' bits, eight times as fast as comparing them.
  radix_order(scores, k, higher_is_better, scratch);
  for (size_t x = 0; x < k; ++x) order[x] = scratch.first[x];
}

void rank_into(const double* scores, const uint32_t* id_order, size_t k, bool higher_is_better,
               size_t* order, int* ranks, RankScratch& scratch) {
  // Equal scores fall in one group whatever their order, which rank_ties() sorts by id.
  order_by_score(scores, k, higher_is_better, order, scratch);
  rank_ties(scores, k, order, ranks,
            [id_order](size_t a, size_t b) { return id_order[a] < id_order[b]; });
}

void rank_into(const double* scores, const uint32_t* id_order, size_t k, bool higher_is_better,
               size_t* order, int* ranks) {
  RankScratch scratch;
  rank_into(scores, id_order, k, higher_is_better, order, ranks, scratch);
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
