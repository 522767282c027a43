// Regression tests for engine bugs found while writing the unit tests: exact min-max ends,
// normalising zero options (all vetoed), and ties between tiny scores.
#include <catch2/catch.hpp>

#include <vector>

#include "methods/method.hpp"
#include "normalize/normalize.hpp"
#include "rank/rank.hpp"
#include "test_support.hpp"

using tradeoff::Normalization;
using tradeoff::detail::normalize;
using tradeoff::detail::rank_options;
using tradeoff::detail::run_wpm;
using tradeoff::test::make_problem;

// 1. Min-max once computed x * (1/range) + (-min/range), which rounds the worst option to
//    +-1e-16 instead of 0: values left [0, 1], and the weighted product refused or scored the
//    worst option depending on rounding. It now divides (x - min) / range.
TEST_CASE("min-max gives the worst option exactly 0 and the best exactly 1", "[normalize][regression]") {
  SECTION("rounds to +6.9e-18, and WPM then scores the worst option instead of refusing") {
    const auto p = make_problem({{78.43979003264262}, {41.54761510599527}, {3.9000453474744421}},
                                {1});
    const auto r = normalize(p, Normalization::MinMax);
    CHECK(r.values[2] == 0.0);
    // The weighted product refuses the worst option's 0.
    CHECK_THROWS_AS(run_wpm(p, r, {}), tradeoff::Error);
  }
  SECTION("rounds to -1.1e-16, outside [0, 1]") {
    const auto p = make_problem(
        {{84.707936375311647}, {31.670714552330285}, {52.692542205140768}}, {1});
    const auto r = normalize(p, Normalization::MinMax);
    CHECK(r.values[1] == 0.0);
    CHECK(r.values[0] == 1.0);
  }
}

// 2. normalize() on a problem without options (every option vetoed) once read past the end of
//    empty vectors when a ratio normalisation checked a cost column's domain.
TEST_CASE("normalising zero options does not crash", "[normalize][regression]") {
  tradeoff::detail::DecisionProblem p;
  p.criteria.push_back({"price", tradeoff::Direction::Cost, std::nullopt, std::nullopt});
  p.weights = {1.0};
  for (auto n : {Normalization::Max, Normalization::Sum}) {
    const auto r = normalize(p, n);
    CHECK(r.values.empty());
    CHECK(r.how.size() == 1);
  }
}

// 3. The tie tolerance once had an absolute floor of 1e-9, but method scores can be far below
//    1: under WPM with normalisation none, costs of 1e9 and 2e9 score 1e-9 and 5e-10.
TEST_CASE("small native scores that differ by half are not a tie", "[rank][regression]") {
  const auto p = make_problem({{1e9}, {2e9}}, {1}, {0});
  const auto out = run_wpm(p, normalize(p, Normalization::None), {});
  // scores: 1e-9 and 5e-10
  const auto ranking = rank_options(p.options, out.scores, out.higher_is_better);
  REQUIRE(ranking.size() == 2);
  CHECK(ranking[0].option == "a1");
  CHECK(ranking[1].rank == 2);
}
