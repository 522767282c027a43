// Seeded random numbers and samplers: see support/random.hpp.
#include "support/random.hpp"

#include <algorithm>
#include <cmath>

namespace tradeoff::detail {

namespace {

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// The ziggurat's 256 layers have equal area kV, the base layer ending at kR (Marsaglia and
// Tsang 2000; the constants of their 256-layer table).
constexpr double kR = 3.654152885361008796;
constexpr double kV = 0.00492867323399;

/// Beyond kR (Marsaglia 1964): the tail of the normal, on the side `negative` says.
double normal_tail(Random& rng, bool negative) {
  double x = 0;
  double y = 0;
  do {
    x = -std::log(rng.uniform_open()) / kR;
    y = -std::log(rng.uniform_open());
  } while (2 * y < x * x);
  return negative ? -(kR + x) : kR + x;
}

/// The largest 1 / shape used: a smaller shape makes U^(1 / shape) zero to any precision, and
/// an infinite exponent would make the logarithm of 0 x infinity.
constexpr double kMaxInverseShape = 1e300;

}  // namespace

Random::Ziggurat::Ziggurat() {
  const auto density = [](double v) { return std::exp(-0.5 * v * v); };
  x[0] = kV / density(kR);
  x[1] = kR;
  // Layer i spans [0, x[i]] between heights f(x[i]) and f(x[i + 1]), with area kV.
  for (int i = 1; i < 255; ++i) x[i + 1] = std::sqrt(-2 * std::log(kV / x[i] + density(x[i])));
  x[256] = 0;
  for (int i = 0; i < 257; ++i) f[i] = density(x[i]);
}

const Random::Ziggurat Random::kZiggurat;

Random::Random(uint64_t seed, uint64_t stream) {
  uint64_t a = seed;
  uint64_t b = stream ^ 0x632BE59BD9B4E019ULL;
  uint64_t state = splitmix64(a) ^ (splitmix64(b) * 0xD1B54A32D192ED03ULL);
  for (auto& word : s_) word = splitmix64(state);
  if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;  // the one state xoshiro cannot leave
}

bool Random::normal_edge(unsigned i, double u, double x, double& out) {
  if (i == 0) {
    out = normal_tail(*this, u < 0);
    return true;
  }
  out = x;
  return kZiggurat.f[i + 1] + (kZiggurat.f[i] - kZiggurat.f[i + 1]) * uniform() <
         std::exp(-0.5 * x * x);
}

Gamma::Gamma(double shape) : shape_(shape), boost_(shape < 1) {
  const double a = boost_ ? shape + 1 : shape;
  d_ = a - 1.0 / 3.0;
  c_ = 1 / std::sqrt(9 * d_);
  inv_shape_ = boost_ ? std::min(1 / shape, kMaxInverseShape) : 1;
}

double Gamma::sample_boosted(Random& rng) const {
  for (;;) {
    double x = 0;
    double v = 0;
    do {
      x = rng.normal();
      v = 1 + c_ * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = rng.uniform_open();
    const double x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d_ * v;  // the squeeze: no logarithm, most draws
    if (std::log(u) < 0.5 * x2 + d_ * (1 - v + std::log(v))) return d_ * v;
  }
}

double Gamma::operator()(Random& rng) const {
  const double g = sample_boosted(rng);
  if (!boost_) return g;
  return g * std::exp(std::log(rng.uniform_open()) * inv_shape_);
}

double Gamma::log_sample(Random& rng) const {
  const double g = std::log(sample_boosted(rng));
  if (!boost_) return g;
  return g + std::log(rng.uniform_open()) * inv_shape_;
}

Dirichlet::Dirichlet(const std::vector<double>& alpha) : alpha_(alpha) {
  for (size_t j = 0; j < alpha.size(); ++j) {
    if (!(alpha[j] > 0)) continue;
    gamma_.emplace_back(alpha[j]);
    index_.push_back(j);
    small_ = small_ || alpha[j] < 1;
  }
}

void Dirichlet::operator()(Random& rng, double* out) const {
  const size_t n = gamma_.size();
  double total = 0;
  if (n == alpha_.size() && !small_) {  // the usual case, without the indirection
    for (size_t j = 0; j < n; ++j) total += (out[j] = gamma_[j](rng));
    const double scale = 1 / total;
    for (size_t j = 0; j < n; ++j) out[j] *= scale;
    return;
  }
  std::fill(out, out + alpha_.size(), 0.0);
  if (!small_) {
    for (size_t k = 0; k < n; ++k) {
      const double g = gamma_[k](rng);
      out[index_[k]] = g;
      total += g;
    }
  } else {
    // Logarithms, shifted by their largest: the largest variate becomes 1 and none is lost to
    // underflow all at once (the sum is at least 1).
    double top = -HUGE_VAL;
    for (size_t k = 0; k < n; ++k) {
      out[index_[k]] = gamma_[k].log_sample(rng);
      top = std::max(top, out[index_[k]]);
    }
    for (size_t k = 0; k < n; ++k) {
      out[index_[k]] = std::exp(out[index_[k]] - top);
      total += out[index_[k]];
    }
  }
  if (!(total > 0)) return;  // no positive alpha: every share stays 0
  const double scale = 1 / total;
  for (size_t k = 0; k < n; ++k) out[index_[k]] *= scale;
}

double uniform(Random& rng, double low, double high) {
  // In halves, so that a span wider than the largest double does not overflow.
  const double half = high / 2 - low / 2;
  const double u = rng.uniform();
  return std::min(high, low + u * half + u * half);
}

double triangle(Random& rng, double low, double mode, double high) {
  const double half = high / 2 - low / 2;
  if (!(half > 0)) return low;
  const double left = (mode / 2 - low / 2) / half;  // the share of the mass below the mode
  const double u = rng.uniform();
  double x = 0;
  if (u < left) {
    const double t = std::sqrt(u * left);
    x = low + t * half + t * half;
  } else {
    const double t = std::sqrt((1 - u) * (1 - left));
    x = high - t * half - t * half;
  }
  return std::min(high, std::max(low, x));
}

}  // namespace tradeoff::detail
