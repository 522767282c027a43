// Objective weights (weights/weighting.hpp): entropy and CRITIC against the loop-only references
// (tests/reference/naive_weighting.hpp) on random matrices and by hand, and what they refuse,
// with exact messages and positions.
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "frameworks.hpp"
#include "naive_weighting.hpp"
#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"
#include "weights/weighting.hpp"

using Catch::Matchers::WithinAbs;
using tradeoff::ErrorCode;
using tradeoff::test::brief;
using tradeoff::test::check_all;
using tradeoff::test::expect_error;
using tradeoff::test::load_text;
using tradeoff::test::make_problem;
namespace detail = tradeoff::detail;
namespace ref = tradeoff::reference;

// --- entropy and CRITIC --------------------------------------------------------------------

namespace {

/// A random non-negative matrix with zeros, integer columns with ties and a constant column.
ref::Matrix random_scores(std::mt19937& rng, size_t n, size_t m) {
  std::uniform_real_distribution<double> value(0.0, 50.0);
  std::uniform_int_distribution<int> small(0, 4);
  std::uniform_int_distribution<int> kind(0, 5);
  ref::Matrix x(n, std::vector<double>(m, 0.0));
  for (size_t j = 0; j < m; ++j) {
    const int k = kind(rng);
    for (size_t i = 0; i < n; ++i) {
      x[i][j] = k <= 2 ? value(rng) : k <= 4 ? static_cast<double>(small(rng)) : 7.0;
    }
  }
  return x;
}

}  // namespace

TEST_CASE("entropy and CRITIC weights agree with the reference on random matrices",
          "[weighting][oracle]") {
  int entropy_compared = 0;
  int critic_compared = 0;
  for (unsigned seed : {1u, 2u, 3u, 4u, 5u, 6u}) {
    std::mt19937 rng(seed);
    for (size_t n : {size_t{2}, size_t{3}, size_t{5}, size_t{12}, size_t{60}}) {
      for (size_t m : {size_t{2}, size_t{3}, size_t{6}}) {
        const ref::Matrix x = random_scores(rng, n, m);
        std::vector<std::vector<double>> rows(x.begin(), x.end());
        std::vector<size_t> cost;
        std::vector<ref::Criterion> criteria(m);
        for (size_t j = 0; j < m; ++j) {
          if ((j + seed) % 2 == 0) {
            cost.push_back(j);
            criteria[j].cost = true;
          }
        }
        const auto p = make_problem(rows, std::vector<double>(m, 1.0), cost);
        CAPTURE(seed, n, m);
        bool varies = false;
        for (size_t j = 0; j < m; ++j)
          varies = varies || ref::column_min(x, j) < ref::column_max(x, j);
        if (!varies) {
          CHECK_THROWS_WITH(detail::entropy_weights(p, {}),
                            Catch::Contains("no criterion varies across the options"));
          continue;
        }
        {
          const auto expected = ref::entropy_weights(x);
          const auto got = detail::entropy_weights(p, {});
          REQUIRE(got.size() == m);
          for (size_t j = 0; j < m; ++j) CHECK_THAT(got[j], WithinAbs(expected[j], 1e-12));
          ++entropy_compared;
        }
        // CRITIC gives nothing to a criterion perfectly correlated with the others (with two
        // options, every pair of varying columns is): skip the matrices where only such
        // criteria vary, whose weights are 0 / 0 (the CRITIC regression test below covers them).
        const auto expected_critic = ref::critic_weights(x, criteria);
        if (std::isfinite(expected_critic[0]) && n > 2) {
          const auto got = detail::critic_weights(p, {});
          REQUIRE(got.size() == m);
          for (size_t j = 0; j < m; ++j) CHECK_THAT(got[j], WithinAbs(expected_critic[j], 1e-12));
          ++critic_compared;
        }
      }
    }
  }
  CHECK(entropy_compared > 60);
  CHECK(critic_compared > 60);
}

TEST_CASE("entropy and CRITIC weights by hand", "[weighting]") {
  // Entropy, 2 options: column [1, 1] carries nothing (E = 1); [0, 1] everything (E = 0).
  // Column [1, 3]: p = 1/4, 3/4; E = -(1/4 ln 1/4 + 3/4 ln 3/4) / ln 2 = 0.811278124459133.
  const auto p = make_problem({{1, 0, 1}, {1, 1, 3}}, {1, 1, 1});
  const double e = -(0.25 * std::log(0.25) + 0.75 * std::log(0.75)) / std::log(2.0);
  const double total = 0 + 1 + (1 - e);
  check_all(detail::entropy_weights(p, {}), {0, 1 / total, (1 - e) / total});
  // CRITIC, 3 options: c1 = [0, 1, 2] and c2 = [2, 1, 0] (benefits, perfectly opposed:
  // r = -1, conflict 2 + 0 each), c3 constant (sigma 0). sigma = 0.5 on [0, 0.5, 1].
  // C1 = C2 = 0.5 * ((1 - 1) + (1 + 1) + (1 - 0)) = 1.5; C3 = 0: weights 1/2, 1/2, 0.
  const auto q = make_problem({{0, 2, 5}, {1, 1, 5}, {2, 0, 5}}, {1, 1, 1});
  check_all(detail::critic_weights(q, {}), {0.5, 0.5, 0});
  // Directions matter: c2 as a cost is oriented like c1 (r = +1): C1 = C2 = 0.5 * (0 + 0 + 1).
  const auto q2 = make_problem({{0, 2, 5}, {1, 1, 5}, {2, 0, 5}}, {1, 1, 1}, {1});
  check_all(detail::critic_weights(q2, {}), {0.5, 0.5, 0});
  // c1 = [0, 1, 2], c2 = [0, 2, 1]: r = 0.5; sigma 0.5 each: C = 0.5 (0 + 0.5 + 1) each.
  const auto q3 = make_problem({{0, 0, 5}, {1, 2, 5}, {2, 1, 5}}, {1, 1, 1});
  check_all(detail::critic_weights(q3, {}), {0.5, 0.5, 0});
  // Directions read the scores before weighting: entropy ignores them.
  const auto p2 = make_problem({{1, 0, 1}, {1, 1, 3}}, {1, 1, 1}, {0, 2});
  check_all(detail::entropy_weights(p2, {}), detail::entropy_weights(p, {}));
}

TEST_CASE("entropy and CRITIC refuse what they cannot weigh, with exact messages",
          "[weighting][errors]") {
  const tradeoff::SourceLocation at{"f.yaml", 14, 3};
  SECTION("fewer than two options") {
    const auto one = make_problem({{1, 2}}, {1, 1});
    auto d = expect_error([&] { detail::entropy_weights(one, at); });
    CHECK(d.message == "entropy weights need at least two options to compare");
    CHECK(d.code == ErrorCode::MethodDomain);
    CHECK(d.where.line == 14);
    CHECK(d.where.column == 3);
    d = expect_error([&] { detail::critic_weights(one, at); });
    CHECK(d.message == "CRITIC weights need at least two options to compare");
    CHECK(d.where.line == 14);
    const auto none = make_problem({}, {1, 1});
    CHECK(expect_error([&] { detail::entropy_weights(none, at); }).message ==
          "entropy weights need at least two options to compare");
  }
  SECTION("a negative score, naming the option and the criterion") {
    const auto p = make_problem({{1, 2}, {3, -1.5}}, {1, 1});
    const auto d = expect_error([&] { detail::entropy_weights(p, at); });
    CHECK(d.message ==
          "entropy weights need non-negative values, but option 'a2' scores -1.5 "
          "on criterion 'c2'");
    CHECK(d.hint == "CRITIC weights accept any scores: weighting: {method: critic}");
    CHECK(d.code == ErrorCode::MethodDomain);
    CHECK(d.where.line == 14);  // no cell locations: the weighting block
    // CRITIC min-max normalises: negative scores are fine.
    check_all(detail::critic_weights(p, at), ref::critic_weights({{1, 2}, {3, -1.5}}, {{}, {}}));
  }
  SECTION("nothing varies") {
    const auto p = make_problem({{0, 4}, {0, 4}}, {1, 1});
    auto d = expect_error([&] { detail::entropy_weights(p, at); });
    CHECK(d.message == "no criterion varies across the options, so entropy gives none any weight");
    d = expect_error([&] { detail::critic_weights(p, at); });
    CHECK(d.message == "no criterion varies across the options, so CRITIC gives none any weight");
    CHECK(d.where.line == 14);
  }
}

// Regression: entropy refused a matrix where nothing varies only when 1 - E_j came out exactly 0.
// With three options scoring 1 everywhere, E = ln 3 / ln 3 rounded to 1 - 1.1e-16, so the weights
// came from rounding error (a weight of 1) instead of the documented error.
TEST_CASE("entropy: a constant matrix is refused, not weighted by rounding error",
          "[regression][weighting]") {
  const auto p = make_problem({{1}, {1}, {1}}, {1});
  CHECK_THROWS_WITH(detail::entropy_weights(p, {}),
                    Catch::Contains("no criterion varies across the options"));
  const auto q = make_problem({{7, 2}, {7, 2}, {7, 2}}, {1, 1});
  CHECK_THROWS_WITH(detail::entropy_weights(q, {}),
                    Catch::Contains("no criterion varies across the options"));
  // A criterion that varies by a few parts in a billion keeps its (tiny) diversity instead of
  // losing it to cancellation: the divergence is about (sum of squared relative deviations) /
  // (2 n ln n) = 2e-18 / (6 ln 3), against a constant second column.
  const auto small = make_problem({{1 - 1e-9, 5}, {1.0, 5}, {1 + 1e-9, 5}}, {1, 1});
  const auto w = detail::entropy_weights(small, {});
  CHECK(w == std::vector<double>{1.0, 0.0});
}

// Regression: a CRITIC criterion's conflict includes 1 - r_jj = 0 with itself, so a lone
// criterion, or criteria that are perfectly correlated, got C = 0 (or +-1e-17 from rounding): the
// engine then said "no criterion varies across the options", which is false, or returned weights
// made of rounding error. One criterion now simply gets weight 1.
TEST_CASE("CRITIC: one varying criterion takes the whole weight", "[regression][weighting]") {
  const auto one = make_problem({{1}, {2}, {3}}, {1});
  std::vector<double> w;
  CHECK_NOTHROW(w = detail::critic_weights(one, {}));
  CHECK(w == std::vector<double>{1.0});
  // Two criteria that move together vary, too; whatever CRITIC makes of them, the message
  // must not say that nothing varies.
  const auto together = make_problem({{1, 2}, {2, 4}, {3, 6}}, {1, 1});
  CHECK_THROWS_WITH(detail::critic_weights(together, {}),
                    "the criteria that vary move in step (perfectly correlated), so CRITIC's "
                    "conflict measure gives none any weight");
  // A constant column beside them is no correlation: the varying pair shares the weight.
  const auto beside = make_problem({{1, 2, 4}, {2, 4, 4}, {3, 6, 4}}, {1, 1, 1});
  CHECK(detail::critic_weights(beside, {}) == std::vector<double>{0.5, 0.5, 0.0});
  // And a lone constant criterion still says that nothing varies.
  CHECK_THROWS_WITH(detail::critic_weights(make_problem({{2}, {2}}, {1}), {}),
                    "no criterion varies across the options, so CRITIC gives none any weight");
}

TEST_CASE("entropy's negative score points at the score in the file", "[weighting][errors]") {
  const std::string yaml =
      R"(framework: pick
title: Pick one
version: 1.0.0
criteria:
  - {id: price, name: Price, direction: cost}
  - {id: margin, name: Margin, direction: benefit}
options:
  - {id: a, scores: {price: 10, margin: 3}}
  - {id: b, scores: {price: 20, margin: -2}}
weighting: {method: entropy}
)";
  const auto loaded = load_text(yaml);
  const auto d = expect_error([&] { tradeoff::evaluate(loaded.framework, nullptr); });
  CHECK(brief(d) ==
        "9:41: entropy weights need non-negative values, but option 'b' scores -2 on "
        "criterion 'margin'");
  CHECK(d.where.file == "f.yaml");
  CHECK(d.length == 2);
  const auto single = load_text(
      R"(framework: pick
title: t
version: 1.0.0
criteria:
  - {id: price, name: Price, direction: cost}
options:
  - {id: a, scores: {price: 10}}
weighting: {method: critic}
)");
  CHECK(brief(expect_error([&] { tradeoff::evaluate(single.framework, nullptr); })) ==
        "8:12: CRITIC weights need at least two options to compare");
}
