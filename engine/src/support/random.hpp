// Seeded random numbers for Monte-Carlo analysis. Takes a seed and a stream number; gives a small
// fast generator (xoshiro256++), independent streams of it (so that blocks of samples drawn on
// any thread give the same numbers), and the samplers SMAA draws from: uniform, normal
// (ziggurat), gamma (Marsaglia and Tsang), Dirichlet and triangular.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tradeoff::detail {

/// xoshiro256++ (Blackman and Vigna): 256 bits of state, period 2^256 - 1, passes BigCrush.
/// The state of stream `stream` of seed `seed` comes from SplitMix64 over both, so that
/// neighbouring seeds and streams start far apart.
class Random {
 public:
  Random(uint64_t seed, uint64_t stream);

  uint64_t next() {
    const uint64_t result = rotl(s_[0] + s_[3], 23) + s_[0];
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  /// In [0, 1), a multiple of 2^-53.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// In (0, 1): never 0, so that its logarithm is finite.
  double uniform_open() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
  /// Standard normal, by the ziggurat method (256 layers). The common case (a point inside a
  /// layer's rectangle, 99% of draws) is inline; the layers' edges and the tail are not.
  double normal() {
    for (;;) {
      const uint64_t bits = next();
      const unsigned i = static_cast<unsigned>(bits & 0xff);  // the layer; u uses other bits
      const double u = 2 * (static_cast<double>(bits >> 11) * 0x1.0p-53) - 1;
      const double x = u * kZiggurat.x[i];
      if (std::fabs(x) < kZiggurat.x[i + 1]) return x;
      double edge = 0;
      if (normal_edge(i, u, x, edge)) return edge;
    }
  }

  /// The ziggurat of the normal density f(x) = exp(-x^2 / 2): x[i] is the right edge of
  /// layer i (x[0] the width the base layer would have as a rectangle of the layers' common
  /// area, x[256] = 0) and f[i] = f(x[i]).
  struct Ziggurat {
    double x[257];
    double f[257];
    Ziggurat();
  };
  static const Ziggurat kZiggurat;

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  /// A draw outside layer i's rectangle: the tail beyond the base layer, or the wedge under the
  /// density; false when the point lies above the density (draw again).
  bool normal_edge(unsigned i, double u, double x, double& out);
  uint64_t s_[4];
};

/// Gamma(shape, 1) for a fixed shape > 0: the method's constants are computed once.
/// Marsaglia and Tsang (2000) for shape >= 1; below 1, Gamma(shape + 1) x U^(1 / shape).
class Gamma {
 public:
  explicit Gamma(double shape);
  double shape() const { return shape_; }
  double operator()(Random& rng) const;
  /// The logarithm of a variate: for small shapes the variate itself may underflow to 0.
  double log_sample(Random& rng) const;

 private:
  double sample_boosted(Random& rng) const;  ///< Gamma(max(shape, shape + 1))
  double shape_;
  double d_;
  double c_;
  double inv_shape_;  ///< below 1 only
  bool boost_;
};

/// Dirichlet(alpha) over n components; a zero alpha gives a component that is always 0.
class Dirichlet {
 public:
  explicit Dirichlet(const std::vector<double>& alpha);
  size_t size() const { return alpha_.size(); }
  /// Writes size() shares summing to 1 (to rounding) into `out`.
  void operator()(Random& rng, double* out) const;

 private:
  std::vector<double> alpha_;
  std::vector<Gamma> gamma_;   ///< per positive alpha
  std::vector<size_t> index_;  ///< the component of each entry of gamma_
  bool small_ = false;         ///< a shape below 1: work with logarithms
};

/// Uniform on [low, high]; any finite ends, even where high - low would overflow.
double uniform(Random& rng, double low, double high);
/// Triangular on [low, high] with its mode, by inverting the distribution function; low ==
/// high gives low. Any finite ends, as uniform().
double triangle(Random& rng, double low, double mode, double high);

}  // namespace tradeoff::detail
