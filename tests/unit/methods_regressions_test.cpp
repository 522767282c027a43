// Regressions in the methods, weighting and comparison: each case failed against an earlier
// engine (rounding noise taken for a spread, a zero cost under WASPAS, a constant matrix given
// entropy weights, CRITIC on one criterion, tau-b of an all-tied ranking, the files'
// normalisation lost in a comparison) and states the behaviour now documented in the README.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/compare.hpp"
#include "methods/method.hpp"
#include "normalize/normalize.hpp"
#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"
#include "weights/weighting.hpp"

using tradeoff::EvaluateOptions;
using tradeoff::Normalization;
using tradeoff::RankEntry;
using tradeoff::test::expect_error;
using tradeoff::test::load_text;
using tradeoff::test::make_problem;
namespace detail = tradeoff::detail;

namespace {

const std::vector<double>& per_option(const tradeoff::MethodDetails& d, const std::string& name) {
  for (const auto& [key, values] : d.per_option) {
    if (key == name) return values;
  }
  FAIL("no per-option detail '" << name << "'");
  static const std::vector<double> none;
  return none;
}

}  // namespace

// VIKOR divides S - S* by S- - S* (and R likewise) and only treats an exact 0 as "no range".
// When every option's S is the same in exact arithmetic but the sums round differently, the
// spread is ~1e-16 and the quotient of two rounding errors becomes a Q of 0 or 0.5 (1 - v).
// Four options that are rotations of the same judged scores, on four equally weighted benefit
// criteria: every option is alike (S = 1/2 and R = 1/4 for all), so every Q should be 0, all
// four rank first, and the compromise set holds all four (advantage fails: 0 < DQ = 1/3).
TEST_CASE("VIKOR: rounding noise in S or R is no spread: alike options all get Q = 0",
          "[regression][methods]") {
  const std::string yaml =
      "framework: rotations\n"
      "title: Four rotations of the same scores\n"
      "version: 1.0.0\n"
      "criteria:\n"
      "  - {id: c1, name: C1, direction: benefit, scale: [1, 9], weight: 1}\n"
      "  - {id: c2, name: C2, direction: benefit, scale: [1, 9], weight: 1}\n"
      "  - {id: c3, name: C3, direction: benefit, scale: [1, 9], weight: 1}\n"
      "  - {id: c4, name: C4, direction: benefit, scale: [1, 9], weight: 1}\n"
      "options:\n"
      "  - {id: a1, scores: {c1: 3, c2: 9, c3: 8, c4: 8}}\n"
      "  - {id: a2, scores: {c1: 9, c2: 8, c3: 8, c4: 3}}\n"
      "  - {id: a3, scores: {c1: 8, c2: 8, c3: 3, c4: 9}}\n"
      "  - {id: a4, scores: {c1: 8, c2: 3, c3: 9, c4: 8}}\n"
      "method: {name: vikor}\n";
  const auto r = tradeoff::evaluate(load_text(yaml).framework, nullptr);
  // Before: Q = 0, 0.5, 0.5, 0; a2 and a3 ranked 3rd; compromise set {a1, a4}.
  for (const auto& o : r.options) {
    CAPTURE(o.id);
    CHECK(o.score == 0.0);
    CHECK(o.rank == 1);
  }
  CHECK(r.details.compromise_set == std::vector<std::string>{"a1", "a2", "a3", "a4"});
  // The same with 'none' on integer scores 1..4 (before: Q = 0, 0.5, 0.5, 0 again).
  const auto p =
      make_problem({{1, 2, 3, 4}, {2, 3, 4, 1}, {3, 4, 1, 2}, {4, 1, 2, 3}}, {1, 1, 1, 1});
  const auto out = detail::run_vikor(p, detail::normalize(p, Normalization::None), {});
  for (double q : out.scores) CHECK(q == 0.0);
}

// Turning contributions off (or not materialising the matrix) switches VIKOR to another
// arithmetic path (c_j + d_j x in one pass); with the noise above, that changes the scores.
// Three rotations of (1, 1.7, 2.4), equal weights, min-max, not materialised: with
// contributions Q = 0.5, 0.5, 0 and compromise {a3}; without, Q = 0, 0, 0 and {a1, a2, a3}.
TEST_CASE("VIKOR: contributions on or off give the same scores", "[regression][methods]") {
  const auto p = make_problem({{1, 1.7, 2.4}, {1.7, 2.4, 1}, {2.4, 1, 1.7}}, {1, 1, 1});
  const auto r = detail::normalize(p, Normalization::MinMax, "", true, false);
  detail::MethodParams on;
  detail::MethodParams off;
  off.contributions = false;
  const auto with = detail::run_vikor(p, r, on);
  const auto without = detail::run_vikor(p, r, off);
  CHECK(with.scores == without.scores);
  CHECK(with.details.compromise_set == without.details.compromise_set);
}

// WASPAS takes a normalised 0 as a product of 0 ("the worst"). Under 'none' a cost counts with
// exponent -w, so a cost of 0 is the best value, and its product is infinite, not 0. Before,
// 'paid' (worse than 'free' on price, equal on quality) ranked first; now WASPAS refuses the zero
// cost like WPM, naming the cell.
TEST_CASE("WASPAS under 'none' refuses a zero cost, which would make its product infinite",
          "[regression][methods]") {
  const std::string yaml =
      "framework: f\n"
      "title: t\n"
      "version: 1.0.0\n"
      "criteria:\n"
      "  - {id: quality, name: Quality, direction: benefit, weight: 1}\n"
      "  - {id: price, name: Price, direction: cost, weight: 1}\n"
      "options:\n"
      "  - {id: free, scores: {quality: 4, price: 0}}\n"
      "  - {id: paid, scores: {quality: 4, price: 0.1}}\n";
  EvaluateOptions o;
  o.method = tradeoff::Method::Waspas;
  o.normalization = tradeoff::Normalization::None;
  const auto d = expect_error([&] { tradeoff::evaluate(load_text(yaml).framework, nullptr, o); });
  CHECK(d.message ==
        "option 'free' scores 0 on cost 'price', which the weighted product counts with a "
        "negative exponent: its product would be infinite");
  CHECK(d.hint == "normalise the costs first (--normalization max) or use --method wsm");
  CHECK(d.code == tradeoff::ErrorCode::MethodDomain);
  CHECK(d.where.line == 8);
  CHECK(d.where.column == 44);
  // A zero benefit still counts as the worst product, as before.
  const auto p = make_problem({{0, 1}, {2, 1}}, {1, 1});
  const auto out = detail::run_waspas(p, detail::normalize(p, Normalization::None), {});
  CHECK(per_option(out.details, "wpm")[0] == 0.0);
  CHECK(out.scores[0] < out.scores[1]);
}

// Entropy refused a matrix where nothing varies only when 1 - E_j came out exactly 0. With
// three options scoring 1 everywhere, E = ln 3 / ln 3 rounded to 1 - 1.1e-16, so the weights
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

// CRITIC: a criterion's conflict includes 1 - r_jj = 0 with itself, so a lone criterion, or
// criteria that are perfectly correlated, got C = 0 (or +-1e-17 from rounding): the engine
// then said "no criterion varies across the options", which is false, or returned weights made
// of rounding error. One criterion now simply gets weight 1.
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

// Kendall's tau-b is 0/0 when one ranking ties every option; kendall_tau returned 1 ("perfect
// agreement"), even against a reversed ranking. Now such a ranking has tau 0 with any ranking
// that orders the options, and 1 with another all-tied ranking.
TEST_CASE("kendall_tau: an all-tied ranking has tau 0 with an ordering, 1 with itself",
          "[regression][weighting]") {
  const std::vector<RankEntry> strict = {{"a", 1, 0}, {"b", 2, 0}, {"c", 3, 0}};
  const std::vector<RankEntry> reversed = {{"a", 3, 0}, {"b", 2, 0}, {"c", 1, 0}};
  const std::vector<RankEntry> all_tied = {{"a", 1, 0}, {"b", 1, 0}, {"c", 1, 0}};
  CHECK(detail::kendall_tau(strict, all_tied) == 0.0);
  CHECK(detail::kendall_tau(all_tied, reversed) == 0.0);
  CHECK(detail::kendall_tau(all_tied, all_tied) == 1.0);
  CHECK(detail::kendall_tau(strict, reversed) == -1.0);
}

// README (Comparing methods): "each with its own default normalisation (the files' method keeps
// the files' normalisation; --normalization applies to every method that accepts it)". When the
// command line names a normalisation the files' method does not accept, the files' method keeps
// the files' normalisation; it used to fall back to its default ('vector').
TEST_CASE("compare_methods: the files' TOPSIS keeps its min-max when --normalization is refused",
          "[regression][comparison]") {
  const std::string yaml =
      "framework: cmp\n"
      "title: Compare\n"
      "version: 1.0.0\n"
      "criteria:\n"
      "  - {id: price, name: Price, direction: cost, scale: [0, 10], weight: 3}\n"
      "  - {id: speed, name: Speed, direction: benefit, scale: [0, 10], weight: 2}\n"
      "options:\n"
      "  - {id: a, scores: {price: 2, speed: 3}}\n"
      "  - {id: b, scores: {price: 6, speed: 9}}\n"
      "method: {name: topsis, normalization: minmax}\n";
  EvaluateOptions o;
  o.normalization = tradeoff::Normalization::Declared;
  const auto c =
      tradeoff::compare_methods(load_text(yaml).framework, nullptr, o, {tradeoff::Method::Topsis, tradeoff::Method::Wsm});
  REQUIRE(c.results.size() == 2);
  CHECK(c.results[0].normalization == "minmax");
  CHECK(c.results[1].normalization == "declared");
}
