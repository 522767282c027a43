// Shared by the methods that fold an affine normalisation into their own arithmetic: the
// column coefficients of r_ij = a_j x_ij + b_j, so that a method works on the raw matrix in one
// pass instead of a normalised copy.
#pragma once

#include <vector>

#include "normalize/normalize.hpp"

namespace tradeoff::detail {

/// Fills a and b with each column's coefficients; a is 0 for a constant column (its divisor is
/// infinite).
inline void affine_columns(const NormalizedMatrix& r, std::vector<double>& a,
                           std::vector<double>& b) {
  a.resize(r.transform.size());
  b.resize(r.transform.size());
  for (size_t j = 0; j < r.transform.size(); ++j) {
    const Transform& t = r.transform[j];
    a[j] = 1 / t.divisor;
    b[j] = t.offset - t.shift * a[j];
  }
}

/// The method may read the raw matrix through the affine coefficients.
inline bool fused(const NormalizedMatrix& r) { return r.affine && r.values.empty(); }

}  // namespace tradeoff::detail
