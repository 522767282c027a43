// The seeded generator and samplers of Monte-Carlo analysis (support/random): streams and their
// reproducibility, and the moments of the normal, gamma, Dirichlet, uniform and triangular
// samplers against their exact values, within 5 standard errors of the sample sizes used.
#include "support/random.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

using tradeoff::detail::Dirichlet;
using tradeoff::detail::Gamma;
using tradeoff::detail::Random;

namespace {

struct Moments {
  double mean = 0;
  double variance = 0;
};

/// Mean and (unbiased) variance of n draws of `f`, by Welford's method.
template <typename F>
Moments moments(size_t n, F f) {
  double mean = 0;
  double m2 = 0;
  for (size_t k = 1; k <= n; ++k) {
    const double x = f();
    const double delta = x - mean;
    mean += delta / static_cast<double>(k);
    m2 += delta * (x - mean);
  }
  return {mean, m2 / static_cast<double>(n - 1)};
}

/// |got - expected| within `sigmas` standard errors `se`.
void check_within(double got, double expected, double se, double sigmas = 5) {
  CAPTURE(got, expected, se);
  CHECK(std::fabs(got - expected) <= sigmas * se);
}

}  // namespace

TEST_CASE("a stream gives the same numbers for the same seed and stream", "[random]") {
  Random a(42, 7);
  Random b(42, 7);
  for (int k = 0; k < 1000; ++k) REQUIRE(a.next() == b.next());
  // Pinned: a change of generator or seeding changes every published SMAA figure.
  Random c(1, 0);
  CHECK(c.next() == 0x1bc26073a694085aULL);
  CHECK(c.next() == 0x5e2abc2a64bef73dULL);
}

TEST_CASE("neighbouring seeds and streams give different numbers", "[random]") {
  const uint64_t first = Random(1, 0).next();
  CHECK(Random(2, 0).next() != first);
  CHECK(Random(1, 1).next() != first);
  CHECK(Random(0, 1).next() != Random(1, 0).next());
  // Uniform draws lie in [0, 1) and open draws in (0, 1).
  Random r(3, 3);
  for (int k = 0; k < 100000; ++k) {
    const double u = r.uniform();
    const double v = r.uniform_open();
    REQUIRE(u >= 0);
    REQUIRE(u < 1);
    REQUIRE(v > 0);
    REQUIRE(v < 1);
  }
}

TEST_CASE("the ziggurat normal has mean 0, variance 1 and the normal's tails", "[random]") {
  Random rng(5, 0);
  const size_t n = 1000000;
  size_t below_one = 0;
  size_t beyond_tail = 0;  // |x| > 3.6541528853610088, the ziggurat's base layer
  size_t beyond_two = 0;
  double sum = 0;
  double squares = 0;
  for (size_t k = 0; k < n; ++k) {
    const double x = rng.normal();
    sum += x;
    squares += x * x;
    below_one += x < 1 ? 1 : 0;
    beyond_two += std::fabs(x) > 2 ? 1 : 0;
    beyond_tail += std::fabs(x) > 3.6541528853610088 ? 1 : 0;
  }
  const double nn = static_cast<double>(n);
  check_within(sum / nn, 0, 1 / std::sqrt(nn));
  check_within(squares / nn, 1, std::sqrt(2 / nn));  // Var(x^2) = 2
  const auto share = [&](size_t count, double p) {
    check_within(static_cast<double>(count) / nn, p, std::sqrt(p * (1 - p) / nn));
  };
  share(below_one, 0.5 * std::erfc(-1 / std::sqrt(2.0)));              // 0.8413
  share(beyond_two, std::erfc(2 / std::sqrt(2.0)));                    // 0.0455
  share(beyond_tail, std::erfc(3.6541528853610088 / std::sqrt(2.0)));  // 2.6e-4
}

TEST_CASE("gamma variates have mean and variance equal to their shape", "[random]") {
  // Var of the sample variance of Gamma(a): (mu4 - sigma^4) / n with mu4 = 3a^2 + 6a.
  for (const double a : {0.5, 1.0, 2.5, 100.0}) {
    CAPTURE(a);
    Random rng(11, static_cast<uint64_t>(a * 10));
    const Gamma gamma(a);
    const size_t n = 400000;
    const double nn = static_cast<double>(n);
    const Moments m = moments(n, [&] { return gamma(rng); });
    check_within(m.mean, a, std::sqrt(a / nn));
    check_within(m.variance, a, std::sqrt((2 * a * a + 6 * a) / nn));
  }
}

TEST_CASE("gamma variates of a tiny shape are finite, and their logarithms too", "[random]") {
  Random rng(13, 0);
  const Gamma tiny(1e-300);
  size_t zeros = 0;
  for (int k = 0; k < 1000; ++k) {
    const double g = tiny(rng);
    const double lg = tiny.log_sample(rng);
    REQUIRE(std::isfinite(g));
    REQUIRE(g >= 0);
    REQUIRE(std::isfinite(lg));
    zeros += g == 0 ? 1 : 0;
  }
  CHECK(zeros == 1000);  // U^(1e300) underflows: a shape this small is a point mass at 0
}

TEST_CASE("Dirichlet shares have Beta marginals and sum to 1", "[random]") {
  // X_j ~ Beta(a_j, A - a_j): mean a_j / A, variance a_j (A - a_j) / (A^2 (A + 1)).
  for (const auto& alpha : std::vector<std::vector<double>>{{2, 3, 5}, {0.2, 0.5, 0.3, 4}}) {
    double total = 0;
    for (double a : alpha) total += a;
    const Dirichlet dirichlet(alpha);
    Random rng(17, static_cast<uint64_t>(alpha.size()));
    const size_t n = 200000;
    const double nn = static_cast<double>(n);
    std::vector<double> x(alpha.size());
    std::vector<double> sum(alpha.size(), 0.0);
    std::vector<double> squares(alpha.size(), 0.0);
    for (size_t k = 0; k < n; ++k) {
      dirichlet(rng, x.data());
      double s = 0;
      for (size_t j = 0; j < x.size(); ++j) {
        s += x[j];
        sum[j] += x[j];
        squares[j] += x[j] * x[j];
      }
      REQUIRE(s == Approx(1).epsilon(1e-12));
    }
    for (size_t j = 0; j < alpha.size(); ++j) {
      CAPTURE(j);
      const double mean = alpha[j] / total;
      const double var = alpha[j] * (total - alpha[j]) / (total * total * (total + 1));
      check_within(sum[j] / nn, mean, std::sqrt(var / nn));
      const double got_var = squares[j] / nn - (sum[j] / nn) * (sum[j] / nn);
      // The variance of X^2 is at most E[X^2] (X in [0, 1]): a bound on the standard error.
      check_within(got_var, var, std::sqrt((var + mean * mean) / nn));
    }
  }
}

TEST_CASE("a zero alpha gives a share that is always zero", "[random]") {
  const Dirichlet dirichlet({3, 0, 1});
  Random rng(19, 0);
  double x[3];
  for (int k = 0; k < 10000; ++k) {
    dirichlet(rng, x);
    REQUIRE(x[1] == 0);
    REQUIRE(x[0] + x[2] == Approx(1).epsilon(1e-12));
  }
}

TEST_CASE("uniform and triangular draws have their exact mean and variance", "[random]") {
  const size_t n = 200000;
  const double nn = static_cast<double>(n);
  Random rng(23, 0);
  const Moments u = moments(n, [&] { return tradeoff::detail::uniform(rng, 2, 6); });
  check_within(u.mean, 4, std::sqrt(16.0 / 12 / nn));
  check_within(u.variance, 16.0 / 12, std::sqrt(16.0 / 12 * 16.0 / 12 * 0.8 / nn));
  // Triangle (2, 3, 7): mean (l + m + h) / 3 = 4, variance (l^2 + m^2 + h^2 - lm - lh - mh) / 18.
  const Moments t = moments(n, [&] { return tradeoff::detail::triangle(rng, 2, 3, 7); });
  const double var = (4.0 + 9 + 49 - 6 - 14 - 21) / 18;
  check_within(t.mean, 4, std::sqrt(var / nn));
  check_within(t.variance, var, std::sqrt(2 * var * var / nn));  // a triangle's kurtosis is 2.4
  // A triangle whose mode is an end, and a degenerate one.
  const Moments left = moments(n, [&] { return tradeoff::detail::triangle(rng, 0, 0, 3); });
  check_within(left.mean, 1, std::sqrt(0.5 / nn));
  CHECK(tradeoff::detail::triangle(rng, 5, 5, 5) == 5);
  CHECK(tradeoff::detail::uniform(rng, 5, 5) == 5);
}

TEST_CASE("draws between the ends of the doubles stay finite and inside", "[random]") {
  Random rng(29, 0);
  for (int k = 0; k < 10000; ++k) {
    const double u = tradeoff::detail::uniform(rng, -1.7e308, 1.7e308);
    const double t = tradeoff::detail::triangle(rng, -1.7e308, 1e308, 1.7e308);
    REQUIRE(std::isfinite(u));
    REQUIRE(std::isfinite(t));
    REQUIRE(std::fabs(u) <= 1.7e308);
    REQUIRE(std::fabs(t) <= 1.7e308);
  }
}
