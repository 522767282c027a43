// Rank-order surrogate weights (ROC, rank sum, rank reciprocal) for positions 1..n, and their
// use on a `order:` list whose tied elements share the positions they occupy.
#include <algorithm>

#include "weights/weigh.hpp"
#include "weights/weighting.hpp"

namespace tradeoff::detail {

std::vector<double> rank_order_weights(WeightingMethod method, size_t n) {
  std::vector<double> w(n, 0.0);
  const double dn = static_cast<double>(n);
  if (method == WeightingMethod::Roc) {
    for (size_t i = 0; i < n; ++i) {
      double sum = 0;
      for (size_t k = i + 1; k <= n; ++k) sum += 1.0 / static_cast<double>(k);
      w[i] = sum / dn;
    }
  } else if (method == WeightingMethod::RankSum) {
    for (size_t i = 0; i < n; ++i) {
      w[i] = 2 * (dn + 1 - static_cast<double>(i + 1)) / (dn * (dn + 1));
    }
  } else {  // rank_reciprocal
    double harmonic = 0;
    for (size_t k = 1; k <= n; ++k) harmonic += 1.0 / static_cast<double>(k);
    for (size_t i = 0; i < n; ++i) w[i] = (1.0 / static_cast<double>(i + 1)) / harmonic;
  }
  return w;
}

std::vector<double> ordered_weights(const WeightingSpec& spec,
                                    const std::vector<std::string>& elements) {
  const size_t n = elements.size();
  const auto position = rank_order_weights(spec.method, n);
  std::vector<double> w(n, 0.0);
  size_t next = 0;
  for (const auto& tied : spec.order) {
    // Tied elements share the mean of the positions they occupy.
    double sum = 0;
    for (size_t k = 0; k < tied.size(); ++k) sum += position[next + k];
    for (const auto& id : tied) w[index_of(elements, id)] = sum / static_cast<double>(tied.size());
    next += tied.size();
  }
  return w;
}

}  // namespace tradeoff::detail
