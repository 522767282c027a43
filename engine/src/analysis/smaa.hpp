// Monte-Carlo acceptability analysis (SMAA-2), the engine side of smaa() in
// tradeoff/sensitivity.hpp. Takes a number of samples cut into fixed blocks and a worker per
// thread that evaluates a block; gives the tallies of every block added up in block order, so
// that the numbers do not depend on the number of threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "support/random.hpp"

namespace tradeoff::detail {

/// Samples per block. Block b draws from stream b of the seed, whichever thread runs it.
inline constexpr size_t kSmaaBlock = 4096;

/// The blocks `samples` samples make, the last one possibly short.
size_t block_count(size_t samples);

/// What a block of samples found.
struct SmaaTally {
  size_t options = 0;
  size_t criteria = 0;
  std::vector<uint64_t> ranks;  ///< options x options: [option][rank - 1], samples
  std::vector<double> central;  ///< options x criteria: sum of the weights where it ranks first
  uint64_t failed = 0;          ///< samples whose evaluation threw Error

  SmaaTally(size_t option_count, size_t criterion_count)
      : options(option_count),
        criteria(criterion_count),
        ranks(option_count * option_count, 0),
        central(option_count * criterion_count, 0.0) {}
  /// Adds `other`: the caller adds blocks in block order, which fixes the sums' rounding.
  void add(const SmaaTally& other);
  /// Counts a rank (1-based) of `option`; a first rank adds `weights` (criteria of them) to its
  /// central weights.
  void count(size_t option, int rank, const double* weights) {
    ranks[option * options + static_cast<size_t>(rank - 1)] += 1;
    if (rank != 1) return;
    double* sum = central.data() + option * criteria;
    for (size_t j = 0; j < criteria; ++j) sum[j] += weights[j];
  }
};

/// Evaluates blocks of samples; one per thread, so it may keep scratch space and an Evaluator.
class SmaaWorker {
 public:
  virtual ~SmaaWorker() = default;
  /// Draws and evaluates `count` samples from `rng`, counting into `tally`.
  virtual void run(Random& rng, size_t count, SmaaTally& tally) = 0;
};

/// Runs `samples` samples of `seed` over the workers (one thread each; the caller's thread is
/// the first), and gives the tallies added in block order. `progress`, if set, is called from
/// the caller's thread with the share of blocks done. An exception other than the workers'
/// own handling rethrows here once every thread has stopped.
SmaaTally run_smaa_blocks(size_t samples, uint64_t seed,
                          std::vector<std::unique_ptr<SmaaWorker>>& workers, size_t options,
                          size_t criteria, const std::function<void(double)>& progress);

}  // namespace tradeoff::detail
