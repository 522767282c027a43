// Arithmetic at the ends of the double range, for the stages that read the matrix (weights,
// normalise, methods): values are divided by a power of two before a sum or a difference that
// would overflow, which is exact and leaves every ratio as it was.
#pragma once

#include <cmath>
#include <cstddef>

namespace tradeoff::detail {

/// The largest power of two not above |x|, or 1 for 0 and non-finite x: dividing by it is
/// exact (unless the quotient is subnormal) and brings |x| into [1, 2).
inline double power_of_two_below(double x) {
  return x == 0 || !std::isfinite(x) ? 1.0 : std::ldexp(1.0, std::ilogb(x));
}

/// The scale for values up to `a` and `b` in magnitude.
inline double power_of_two_below(double a, double b) {
  return power_of_two_below(std::fmax(std::fabs(a), std::fabs(b)));
}

/// Turns non-negative values (weights) into shares of their sum. When their plain sum is
/// finite, share(w) is exactly w / sum; when it overflows (two weights of 1e308), they are
/// summed in units of the largest, a power of two, and share(w) = (w / unit) / sum.
struct Shares {
  double unit = 1;
  double total = 0;

  Shares(const double* w, size_t n) {
    for (size_t j = 0; j < n; ++j) total += w[j];
    if (std::isfinite(total)) return;
    double top = 0;
    for (size_t j = 0; j < n; ++j) top = std::fmax(top, w[j]);
    unit = power_of_two_below(top);
    total = 0;
    for (size_t j = 0; j < n; ++j) total += w[j] / unit;
  }
  double share(double w) const { return unit == 1 ? w / total : w / unit / total; }
};

}  // namespace tradeoff::detail
