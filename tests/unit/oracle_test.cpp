// Oracles for the normalisations: the engine's against the loop-only reference versions
// (tests/reference/naive_methods.hpp) on seeded random matrices with declared scales, value
// functions, zeros and negative values, and WSM and WPM on them; no NaN anywhere in a result
// and WSM within [0, 1]. The methods' own oracles and properties (weight scaling, option order,
// dominance) are in methods_oracle_test.cpp, methods_promethee_test.cpp and
// methods_properties_test.cpp.
#include <algorithm>
#include <cmath>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "frameworks.hpp"
#include "methods/method.hpp"
#include "naive_methods.hpp"
#include "normalize/normalize.hpp"
#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"

using tradeoff::Direction;
using tradeoff::Normalization;
using tradeoff::test::all_choices;
using tradeoff::test::check_close;
using tradeoff::test::check_finite;
using tradeoff::test::framework_of;
using tradeoff::test::try_evaluate;
namespace ref = tradeoff::reference;

namespace {

struct Shape {
  size_t rows;
  size_t cols;
};

// Several sizes, including a single option and a single criterion.
const std::vector<Shape> kShapes = {{1, 1}, {1, 4}, {2, 3}, {3, 1}, {5, 4}, {12, 7}, {40, 10}};
const std::vector<unsigned> kSeeds = {1, 7, 42, 2024, 65537};

const std::vector<std::pair<Normalization, ref::Norm>> kNorms = {
    {Normalization::Declared, ref::Norm::Declared}, {Normalization::None, ref::Norm::None},
    {Normalization::MinMax, ref::Norm::MinMax},     {Normalization::Max, ref::Norm::Max},
    {Normalization::Sum, ref::Norm::Sum},           {Normalization::Vector, ref::Norm::Vector},
};

/// A random decision problem, held both as the engine's DecisionProblem and as the reference's
/// matrix. Columns are plain positive values, constant, on a declared scale [1, 5], or under a
/// rising or falling value function; some weights are zero, never all.
struct RandomCase {
  tradeoff::detail::DecisionProblem problem;
  ref::Matrix x;
  std::vector<ref::Criterion> criteria;
};

RandomCase random_case(unsigned seed, Shape shape, bool allow_zeros = false) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> value(0.5, 100.0);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> kind(0, 4);
  const size_t n = shape.rows;
  const size_t m = shape.cols;
  RandomCase c;
  c.x.assign(n, std::vector<double>(m, 0.0));
  c.criteria.resize(m);
  std::vector<double> weights(m);
  for (size_t j = 0; j < m; ++j) {
    tradeoff::detail::Column col;
    col.id = "c" + std::to_string(j);
    const bool cost = unit(rng) < 0.5;
    col.direction = cost ? Direction::Cost : Direction::Benefit;
    c.criteria[j].cost = cost;
    const int k = kind(rng);
    const double constant = value(rng);
    for (size_t i = 0; i < n; ++i) {
      double v = value(rng);
      if (k == 1) v = constant;                     // constant column
      if (k == 2) v = 1.0 + 4.0 * unit(rng);        // judged on [1, 5]
      if (k == 3) v = -20.0 + 140.0 * unit(rng);    // beyond both ends of the function
      if (allow_zeros && unit(rng) < 0.2) v = 0.0;  // zeros where the formula allows them
      c.x[i][j] = v;
    }
    if (k == 2) {
      col.scale = std::make_pair(1.0, 5.0);
      c.criteria[j].scale = col.scale;
    }
    if (k == 3 || k == 4) {
      // 2 to 4 points over [0, 100], rising for benefits and falling for costs.
      std::uniform_int_distribution<int> count(2, 4);
      const int points = count(rng);
      std::vector<double> xs, ys;
      for (int p = 0; p < points; ++p) {
        xs.push_back(100.0 * p / (points - 1));
        ys.push_back(unit(rng));
      }
      std::sort(ys.begin(), ys.end());
      if (cost) std::reverse(ys.begin(), ys.end());
      tradeoff::ValueFunction vf;
      for (size_t p = 0; p < xs.size(); ++p) vf.points.emplace_back(xs[p], ys[p]);
      col.value_function = vf;
      c.criteria[j].value_function = vf.points;
    }
    weights[j] = unit(rng) < 0.15 ? 0.0 : unit(rng);
    c.problem.criteria.push_back(col);
  }
  if (std::all_of(weights.begin(), weights.end(), [](double w) { return w == 0; })) {
    weights[0] = 1.0;
  }
  double total = 0;
  for (double w : weights) total += w;
  for (double w : weights) c.problem.weights.push_back(w / total);
  for (size_t i = 0; i < n; ++i) {
    c.problem.options.push_back("o" + std::to_string(i));
    for (size_t j = 0; j < m; ++j) c.problem.values.push_back(c.x[i][j]);
  }
  return c;
}

}  // namespace

// --- oracles -------------------------------------------------------------------------------

TEST_CASE("every normalisation agrees with the reference on random matrices", "[oracle]") {
  int compared = 0;
  for (const auto& shape : kShapes) {
    for (unsigned seed : kSeeds) {
      for (bool zeros : {false, true}) {
        const RandomCase c = random_case(seed, shape, zeros);
        for (const auto& [engine_norm, ref_norm] : kNorms) {
          CAPTURE(shape.rows, shape.cols, seed, zeros, tradeoff::to_string(engine_norm));
          bool ref_threw = false;
          ref::Normalized expected;
          try {
            expected = ref::normalize(c.x, c.criteria, ref_norm);
          } catch (const std::domain_error&) {
            ref_threw = true;
          }
          if (ref_threw) {
            CHECK_THROWS_AS(tradeoff::detail::normalize(c.problem, engine_norm), tradeoff::Error);
            continue;
          }
          const auto got = tradeoff::detail::normalize(c.problem, engine_norm);
          REQUIRE(got.values.size() == shape.rows * shape.cols);
          CHECK(got.sign == expected.sign);
          for (size_t i = 0; i < shape.rows; ++i) {
            for (size_t j = 0; j < shape.cols; ++j) {
              CAPTURE(i, j);
              check_close(got.values[i * shape.cols + j], expected.r[i][j], 1e-12);
            }
          }
          ++compared;
        }
      }
    }
  }
  // Most combinations are comparable; the rest are domain errors on both sides.
  CHECK(compared > 300);
}

TEST_CASE("WSM and WPM agree with the reference on random matrices", "[oracle]") {
  int wsm_compared = 0;
  int wpm_compared = 0;
  for (const auto& shape : kShapes) {
    for (unsigned seed : kSeeds) {
      const RandomCase c = random_case(seed, shape);
      for (const auto& [engine_norm, ref_norm] : kNorms) {
        CAPTURE(shape.rows, shape.cols, seed, tradeoff::to_string(engine_norm));
        ref::Normalized expected_r;
        try {
          expected_r = ref::normalize(c.x, c.criteria, ref_norm);
        } catch (const std::domain_error&) {
          // Negative raw values under max or sum: the normalisation oracle covers the error.
          CHECK_THROWS_AS(tradeoff::detail::normalize(c.problem, engine_norm), tradeoff::Error);
          continue;
        }
        const auto r = tradeoff::detail::normalize(c.problem, engine_norm);

        const auto wsm = tradeoff::detail::run_wsm(c.problem, r, {});
        const auto expected_wsm = ref::wsm(expected_r, c.problem.weights);
        for (size_t i = 0; i < shape.rows; ++i) check_close(wsm.scores[i], expected_wsm[i], 1e-12);
        ++wsm_compared;

        bool ref_threw = false;
        std::vector<double> expected_wpm;
        try {
          expected_wpm = ref::wpm(expected_r, c.problem.weights);
        } catch (const std::domain_error&) {
          ref_threw = true;
        }
        if (ref_threw) {
          // Min-max (also the declared fallback) gives the worst option exactly 0, which the
          // weighted product refuses, as it refuses a zero or negative raw value.
          CHECK_THROWS_AS(tradeoff::detail::run_wpm(c.problem, r, {}), tradeoff::Error);
          continue;
        }
        const auto wpm = tradeoff::detail::run_wpm(c.problem, r, {});
        for (size_t i = 0; i < shape.rows; ++i) check_close(wpm.scores[i], expected_wpm[i], 1e-10);
        ++wpm_compared;
      }
    }
  }
  CHECK(wsm_compared > 150);
  CHECK(wpm_compared > 50);
}

// --- properties (the methods' own are in methods_properties_test.cpp) -----------------

TEST_CASE("no NaN or infinity anywhere in a result", "[oracle][properties]") {
  int evaluated = 0;
  for (const auto& shape : kShapes) {
    for (unsigned seed : kSeeds) {
      for (bool zeros : {false, true}) {
        const RandomCase c = random_case(seed, shape, zeros);
        std::vector<bool> cost;
        std::vector<double> weights;
        for (size_t j = 0; j < shape.cols; ++j) {
          cost.push_back(c.criteria[j].cost);
          weights.push_back(c.problem.weights[j]);
        }
        const auto fw = framework_of(c.x, cost, weights, c.problem.options);
        for (const auto& opt : all_choices()) {
          CAPTURE(shape.rows, shape.cols, seed, zeros, opt.method, opt.normalization);
          const auto r = try_evaluate(fw, opt);
          if (!r) continue;
          ++evaluated;
          check_finite(*r);
        }
      }
    }
  }
  CHECK(evaluated > 500);
}

TEST_CASE("WSM scores stay within [0, 1] under every bounded normalisation",
          "[oracle][properties]") {
  for (const auto& shape : kShapes) {
    for (unsigned seed : kSeeds) {
      const RandomCase c = random_case(seed, shape);
      // Ratio and vector normalisations are bounded only for non-negative values (value-
      // function columns hold negative raw values on purpose).
      const bool non_negative = std::all_of(c.problem.values.begin(), c.problem.values.end(),
                                            [](double v) { return v >= 0; });
      for (auto n : {Normalization::Declared, Normalization::MinMax, Normalization::Max,
                     Normalization::Sum, Normalization::Vector}) {
        const bool bounded_input_only =
            n == Normalization::Max || n == Normalization::Sum || n == Normalization::Vector;
        if (bounded_input_only && !non_negative) continue;
        CAPTURE(shape.rows, shape.cols, seed, tradeoff::to_string(n));
        const auto r = tradeoff::detail::normalize(c.problem, n);
        for (double v : r.values) {
          CHECK(v >= -1e-15);
          CHECK(v <= 1.0 + 1e-15);
        }
        for (double s : tradeoff::detail::run_wsm(c.problem, r, {}).scores) {
          CHECK(s >= -1e-15);
          CHECK(s <= 1.0 + 1e-12);
        }
      }
    }
  }
}
