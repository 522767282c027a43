// Oracles for WSM, WPM, WASPAS, TOPSIS and VIKOR (methods/method.hpp) against the loop-only
// references (tests/reference/naive_methods.hpp) on seeded random matrices, materialised or not,
// with or without contributions; examples by hand. PROMETHEE II: methods_promethee_test.cpp.
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "frameworks.hpp"
#include "methods/method.hpp"
#include "methods_oracle_cases.hpp"
#include "naive_methods.hpp"
#include "normalize/normalize.hpp"
#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"

using tradeoff::EvaluateOptions;
using tradeoff::Normalization;
using tradeoff::detail::MethodParams;
using tradeoff::test::check_all;
using tradeoff::test::check_close;
using tradeoff::test::expect_error;
using tradeoff::test::load_text;
using tradeoff::test::make_problem;
using tradeoff::test::methods_oracle_cases::Case;
using tradeoff::test::methods_oracle_cases::kAbs;
using tradeoff::test::methods_oracle_cases::kRel;
using tradeoff::test::methods_oracle_cases::kRuns;
using tradeoff::test::methods_oracle_cases::kSeeds;
using tradeoff::test::methods_oracle_cases::kShapes;
using tradeoff::test::methods_oracle_cases::per_option;
using tradeoff::test::methods_oracle_cases::random_case;
using tradeoff::test::methods_oracle_cases::ref_norm;
using tradeoff::test::methods_oracle_cases::row_of;
using tradeoff::test::methods_oracle_cases::Run;
using tradeoff::test::methods_oracle_cases::run;
using tradeoff::test::methods_oracle_cases::sum;
namespace ref = tradeoff::reference;
namespace detail = tradeoff::detail;

namespace {

const std::vector<double>& per_criterion(const tradeoff::MethodDetails& d,
                                         const std::string& name) {
  for (const auto& [key, values] : d.per_criterion) {
    if (key == name) return values;
  }
  FAIL("no per-criterion detail '" << name << "'");
  static const std::vector<double> none;
  return none;
}

std::optional<double> figure(const tradeoff::MethodDetails& d, const std::string& name) {
  for (const auto& [key, value] : d.figures) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::optional<bool> condition(const tradeoff::MethodDetails& d, const std::string& name) {
  for (const auto& [key, value] : d.conditions) {
    if (key == name) return value;
  }
  return std::nullopt;
}

}  // namespace

// --- oracles -------------------------------------------------------------------------------

TEST_CASE("WSM, WPM and WASPAS agree with the reference, materialised or not", "[oracle]") {
  int compared = 0;
  for (const auto& shape : kShapes) {
    for (unsigned seed : kSeeds) {
      for (bool zero_weight : {false, true}) {
        const Case c = random_case(seed, shape, zero_weight);
        const auto& w = c.problem.weights;
        const size_t m = shape.cols;
        for (const Run how : kRuns) {
          CAPTURE(shape.rows, shape.cols, seed, zero_weight, how.materialize, how.contributions);
          for (auto n : {Normalization::None, Normalization::MinMax, Normalization::Max,
                         Normalization::Sum, Normalization::Vector, Normalization::Declared}) {
            CAPTURE(tradeoff::to_string(n));
            const auto expected_r = ref::normalize(c.x, c.criteria, ref_norm(n));
            const auto out = run(detail::run_wsm, c, n, true, how);
            check_all(out.scores, ref::wsm(expected_r, w), kRel, kAbs);
            check_all(detail::wsm_scores(
                          c.problem, detail::normalize(c.problem, n, "", true, how.materialize)),
                      out.scores, kRel, kAbs);
            if (how.contributions) {
              for (size_t i = 0; i < shape.rows; ++i) {
                CAPTURE(i);
                const auto parts = row_of(out.contributions, i, m);
                for (size_t j = 0; j < m; ++j) {
                  check_close(parts[j], w[j] * expected_r.sign[j] * expected_r.r[i][j], kRel, kAbs);
                }
                check_close(sum(parts), out.scores[i], kRel, kAbs);
              }
            }
            ++compared;
          }
          // Every raw value is positive: WPM takes the ratio normalisations and 'none'; a
          // vector-normalised cost of a single option is 0, which both sides refuse.
          for (auto n : {Normalization::Max, Normalization::None, Normalization::Sum,
                         Normalization::Vector}) {
            CAPTURE(tradeoff::to_string(n));
            const auto wpm_r = ref::normalize(c.x, c.criteria, ref_norm(n));
            std::vector<double> expected;
            try {
              expected = ref::wpm(wpm_r, w);
            } catch (const std::domain_error&) {
              CHECK_THROWS_AS(run(detail::run_wpm, c, n, true, how), tradeoff::Error);
              continue;
            }
            const auto wpm = run(detail::run_wpm, c, n, true, how);
            check_all(wpm.scores, expected, kRel, kAbs);
            if (how.contributions) {
              for (size_t i = 0; i < shape.rows; ++i) {
                for (size_t j = 0; j < m; ++j) {
                  check_close(wpm.contributions[i * m + j],
                              w[j] == 0 ? 0.0 : w[j] * wpm_r.sign[j] * std::log(wpm_r.r[i][j]),
                              kRel, kAbs);
                }
                check_close(sum(row_of(wpm.contributions, i, m)), std::log(wpm.scores[i]), kRel,
                            kAbs);
              }
            }
          }
          const auto expected_r = ref::normalize(c.x, c.criteria, ref::Norm::Max);
          for (double lambda : {0.0, 0.25, 0.5, 1.0}) {
            CAPTURE(lambda);
            MethodParams params;
            params.lambda = lambda;
            const auto out = run(detail::run_waspas, c, Normalization::Max, true, how, params);
            const auto expected = ref::waspas(c.x, c.criteria, w, lambda);
            check_all(out.scores, expected.score, kRel, kAbs);
            check_all(per_option(out.details, "wsm"), expected.wsm, kRel, kAbs);
            check_all(per_option(out.details, "wpm"), expected.wpm, kRel, kAbs);
            CHECK(figure(out.details, "lambda") == lambda);
            CHECK(out.higher_is_better);
            if (how.contributions) {
              // As WSM's: the weighted normalised values.
              for (size_t i = 0; i < shape.rows; ++i) {
                for (size_t j = 0; j < m; ++j) {
                  check_close(out.contributions[i * m + j], w[j] * expected_r.r[i][j], kRel, kAbs);
                }
              }
            }
          }
        }
      }
    }
  }
  CHECK(compared == static_cast<int>(kShapes.size() * kSeeds.size() * 2 * kRuns.size() * 6));
}

TEST_CASE("WASPAS takes a zero as a product of 0, where WPM refuses it", "[oracle]") {
  // Benefit c1 = [0, 2, 4] under max: [0, 0.5, 1]; cost c2 = [1, 2, 4]: [1, 0.5, 0.25].
  const auto p = tradeoff::test::make_problem({{0, 1}, {2, 2}, {4, 4}}, {1, 1}, {1});
  const ref::Matrix x = {{0, 1}, {2, 2}, {4, 4}};
  const std::vector<ref::Criterion> criteria = {{false, std::nullopt, {}},
                                                {true, std::nullopt, {}}};
  for (const Run how : kRuns) {
    CAPTURE(how.materialize, how.contributions);
    const auto r = detail::normalize(p, Normalization::Max, "", true, how.materialize);
    MethodParams params;
    params.contributions = how.contributions;
    params.lambda = 0.3;
    const auto out = detail::run_waspas(p, r, params);
    const auto expected = ref::waspas(x, criteria, p.weights, 0.3);
    check_all(out.scores, expected.score, kRel, kAbs);
    CHECK(per_option(out.details, "wpm")[0] == 0.0);
    // a1: 0.3 * (0.5 * 0 + 0.5 * 1) + 0.7 * 0 = 0.15
    check_close(out.scores[0], 0.15, kRel, kAbs);
    CHECK_THROWS_AS(detail::run_wpm(p, r, params), tradeoff::Error);
  }
}

// Regression: WASPAS takes a normalised 0 as a product of 0 ("the worst"). Under 'none' a cost
// counts with exponent -w, so a cost of 0 is the best value, and its product is infinite, not 0.
// Before, 'paid' (worse than 'free' on price, equal on quality) ranked first; now WASPAS refuses
// the zero cost like WPM, naming the cell.
TEST_CASE("WASPAS under 'none' refuses a zero cost, which would make its product infinite",
          "[regression][methods]") {
  const std::string yaml =
      R"(framework: f
title: t
version: 1.0.0
criteria:
  - {id: quality, name: Quality, direction: benefit, weight: 1}
  - {id: price, name: Price, direction: cost, weight: 1}
options:
  - {id: free, scores: {quality: 4, price: 0}}
  - {id: paid, scores: {quality: 4, price: 0.1}}
)";
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

TEST_CASE("TOPSIS agrees with the reference: closeness, distances, ideal and anti-ideal",
          "[oracle]") {
  for (const auto& shape : kShapes) {
    for (unsigned seed : kSeeds) {
      for (bool zero_weight : {false, true}) {
        const Case c = random_case(seed, shape, zero_weight);
        const auto& w = c.problem.weights;
        const size_t m = shape.cols;
        for (auto n : {Normalization::Vector, Normalization::MinMax, Normalization::Max,
                       Normalization::Sum}) {
          const auto expected = ref::topsis(c.x, c.criteria, w, ref_norm(n));
          for (const Run how : kRuns) {
            CAPTURE(shape.rows, shape.cols, seed, zero_weight, tradeoff::to_string(n),
                    how.materialize, how.contributions);
            // TOPSIS normalises without orienting costs: it finds the ideal itself.
            const auto out = run(detail::run_topsis, c, n, false, how);
            CHECK(out.higher_is_better);
            check_all(out.scores, expected.closeness, kRel, kAbs);
            check_all(per_option(out.details, "d_plus"), expected.d_plus, kRel, kAbs);
            check_all(per_option(out.details, "d_minus"), expected.d_minus, kRel, kAbs);
            check_all(per_criterion(out.details, "ideal"), expected.ideal, kRel, kAbs);
            check_all(per_criterion(out.details, "anti_ideal"), expected.anti_ideal, kRel, kAbs);
            if (how.contributions) {
              // The weighted value, costs mirrored (w_j - w_j r_ij) so that more is better.
              for (size_t i = 0; i < shape.rows; ++i) {
                for (size_t j = 0; j < m; ++j) {
                  const double v = expected.weighted[i][j];
                  check_close(out.contributions[i * m + j], c.criteria[j].cost ? w[j] - v : v, kRel,
                              kAbs);
                }
              }
            }
          }
        }
      }
    }
  }
}

TEST_CASE("TOPSIS on a hand-computed example", "[oracle]") {
  // Benefit c1 = [3, 4] (vector norm 5: 0.6, 0.8), cost c2 = [8, 6] (norm 10: 0.8, 0.6, not
  // mirrored), equal weights: v = [[0.3, 0.4], [0.4, 0.3]]. Ideal (0.4, 0.3): the largest
  // benefit, the smallest cost; anti-ideal (0.3, 0.4).
  // a1: D+ = sqrt(0.02), D- = 0 -> 0; a2: D+ = 0, D- = sqrt(0.02) -> 1.
  const auto p = tradeoff::test::make_problem({{3, 8}, {4, 6}}, {1, 1}, {1});
  for (bool materialize : {true, false}) {
    CAPTURE(materialize);
    const auto out = detail::run_topsis(
        p, detail::normalize(p, Normalization::Vector, "", false, materialize), {});
    check_all(per_criterion(out.details, "ideal"), {0.4, 0.3}, kRel, kAbs);
    check_all(per_criterion(out.details, "anti_ideal"), {0.3, 0.4}, kRel, kAbs);
    check_all(per_option(out.details, "d_plus"), {std::sqrt(0.02), 0}, kRel, kAbs);
    check_all(per_option(out.details, "d_minus"), {0, std::sqrt(0.02)}, kRel, kAbs);
    check_all(out.scores, {0, 1}, kRel, kAbs);
    // Contributions: the weighted value, the cost mirrored: a1 (0.3, 0.5 - 0.4).
    check_all(row_of(out.contributions, 0, 2), {0.3, 0.1}, kRel, kAbs);
  }
}

TEST_CASE("VIKOR agrees with the reference: S, R, Q, conditions and compromise set", "[oracle]") {
  int compromises_of_one = 0;
  int compromises_of_two = 0;
  int compromises_of_more = 0;
  for (const auto& shape : kShapes) {
    for (unsigned seed : kSeeds) {
      for (bool zero_weight : {false, true}) {
        const Case c = random_case(seed, shape, zero_weight);
        const auto& w = c.problem.weights;
        const size_t m = shape.cols;
        for (double v : {0.0, 0.3, 0.5, 1.0}) {
          // The reference works on raw values; every affine normalisation gives the same
          // regrets (min-max is VIKOR's own, 'none' counts costs negatively).
          const auto expected = ref::vikor(c.x, c.criteria, w, v, c.ids);
          std::vector<std::string> expected_set;
          for (size_t i : expected.compromise) expected_set.push_back(c.ids[i]);
          for (auto n : {Normalization::MinMax, Normalization::None, Normalization::Vector}) {
            for (const Run how : kRuns) {
              CAPTURE(shape.rows, shape.cols, seed, zero_weight, v, tradeoff::to_string(n),
                      how.materialize, how.contributions);
              MethodParams params;
              params.v = v;
              const auto out = run(detail::run_vikor, c, n, true, how, params);
              CHECK_FALSE(out.higher_is_better);
              check_all(out.scores, expected.q, kRel, kAbs);
              check_all(per_option(out.details, "S"), expected.s, kRel, kAbs);
              check_all(per_option(out.details, "R"), expected.r, kRel, kAbs);
              check_all(per_option(out.details, "Q"), expected.q, kRel, kAbs);
              CHECK(figure(out.details, "v") == v);
              REQUIRE(figure(out.details, "dq").has_value());
              check_close(*figure(out.details, "dq"), expected.dq, kRel, kAbs);
              CHECK(condition(out.details, "acceptable_advantage") == expected.advantage);
              CHECK(condition(out.details, "acceptable_stability") == expected.stability);
              CHECK(out.details.compromise_set == expected_set);
              if (how.contributions) {
                // Minus the weighted regret; they add up to -S.
                for (size_t i = 0; i < shape.rows; ++i) {
                  for (size_t j = 0; j < m; ++j) {
                    check_close(out.contributions[i * m + j], -expected.terms[i][j], kRel, kAbs);
                  }
                  check_close(sum(row_of(out.contributions, i, m)), -expected.s[i], kRel, kAbs);
                }
              }
            }
          }
          const size_t size = expected.compromise.size();
          (size == 1 ? compromises_of_one : size == 2 ? compromises_of_two : compromises_of_more)++;
        }
      }
    }
  }
  // The random cases reach every branch of the compromise set.
  CHECK(compromises_of_one > 0);
  CHECK(compromises_of_two > 0);
  CHECK(compromises_of_more > 0);
}

TEST_CASE("VIKOR's conditions and compromise set follow the README's definitions", "[oracle]") {
  struct Example {
    const char* name;
    std::vector<std::vector<double>> rows;
    std::vector<double> weights;
    double v;
    bool advantage;
    bool stability;
    std::vector<std::string> set;
  };
  // Two benefit criteria of equal weight unless said otherwise; minmax regrets.
  const std::vector<Example> examples = {
      // a1 best on both: S = [0, 1], R = [0, 0.5], Q = [0, 1]; DQ = 1.
      {"a clear winner", {{2, 2}, {1, 1}}, {1, 1}, 0.5, true, true, {"a1"}},
      // S = [0.5, 0.5, 1], R = [0.5, 0.5, 0.5]: Q = [0, 0, 0.5]; DQ = 0.5: advantage fails,
      // and the set holds every option with Q - Q(a1) < 0.5.
      {"a tie for first", {{1, 2}, {2, 1}, {1, 1}}, {1, 1}, 0.5, false, true, {"a1", "a2"}},
      // Weights 0.6, 0.4. a1 = (10, 0): S = 0.4, R = 0.4. a2 = (0, 10): S = 0.6, R = 0.6.
      // a3 = (9, 1): S = 0.06 + 0.36 = 0.42, R = 0.36.
      // v = 1: Q = (S - 0.4) / 0.2 = [0, 1, 0.1]: a1 first, a3 second (0.1 < DQ = 0.5).
      {"advantage fails, by S alone",
       {{10, 0}, {0, 10}, {9, 1}},
       {0.6, 0.4},
       1.0,
       false,
       true,
       {"a1", "a3"}},
      // v = 0: Q = (R - 0.36) / 0.24 = [1/6, 1, 0]: a3 first, a1 second: 1/6 < 0.5.
      {"advantage fails, by R alone",
       {{10, 0}, {0, 10}, {9, 1}},
       {0.6, 0.4},
       0.0,
       false,
       true,
       {"a3", "a1"}},
  };
  for (const auto& e : examples) {
    CAPTURE(e.name);
    const auto p = tradeoff::test::make_problem(e.rows, e.weights);
    MethodParams params;
    params.v = e.v;
    const auto out = detail::run_vikor(p, detail::normalize(p, Normalization::MinMax), params);
    CHECK(condition(out.details, "acceptable_advantage") == e.advantage);
    CHECK(condition(out.details, "acceptable_stability") == e.stability);
    CHECK(out.details.compromise_set == e.set);
  }
}

TEST_CASE("VIKOR's compromise set is the two best when only stability fails", "[oracle]") {
  // Benefit criteria, weights 0.3, 0.4, 0.3, v = 0.7; columns range over [1, 8], [1, 9], [2, 8].
  //   a2 = (2, 9, 5): terms 0.3 * 6/7, 0, 0.3 * 3/6   S = 0.407143  R = 0.257143
  //   a5 = (8, 1, 8): terms 0, 0.4, 0                 S = 0.4       R = 0.4
  //   a1 = (5, 4, 3): terms 0.3 * 3/7, 0.4 * 5/8, 0.3 * 5/6   S = 0.628571  R = 0.25
  // S* = 0.4 (a5), S- = 0.75 (a4), R* = 0.25 (a1), R- = 0.4.
  // Q(a2) = 0.7 * 0.007143/0.35 + 0.3 * 0.007143/0.15 = 0.028571; Q(a5) = 0.3 * 1 = 0.3.
  // a2 leads a5 by 0.271 >= DQ = 0.2, but is best neither by S (a5) nor by R (a1).
  const auto p = tradeoff::test::make_problem(
      {{5, 4, 3}, {2, 9, 5}, {6, 1, 5}, {1, 6, 2}, {8, 1, 8}, {7, 1, 5}}, {3, 4, 3});
  MethodParams params;
  params.v = 0.7;
  const auto out = detail::run_vikor(p, detail::normalize(p, Normalization::MinMax), params);
  check_close(per_option(out.details, "S")[1], 0.3 * 6 / 7 + 0.15, kRel, kAbs);
  check_close(per_option(out.details, "R")[1], 0.3 * 6 / 7, kRel, kAbs);
  check_close(out.scores[1],
              0.7 * (0.3 * 6 / 7 + 0.15 - 0.4) / 0.35 + 0.3 * (0.3 * 6 / 7 - 0.25) / 0.15, kRel,
              kAbs);
  check_close(out.scores[4], 0.3, kRel, kAbs);
  CHECK(condition(out.details, "acceptable_advantage") == true);
  CHECK(condition(out.details, "acceptable_stability") == false);
  CHECK(out.details.compromise_set == std::vector<std::string>{"a2", "a5"});
  const auto expected = ref::vikor(
      {{5, 4, 3}, {2, 9, 5}, {6, 1, 5}, {1, 6, 2}, {8, 1, 8}, {7, 1, 5}},
      std::vector<ref::Criterion>(3), p.weights, 0.7, {"a1", "a2", "a3", "a4", "a5", "a6"});
  CHECK(expected.compromise == std::vector<size_t>{1, 4});
  CHECK_FALSE(expected.stability);
  check_all(out.scores, expected.q, kRel, kAbs);
}

// Regression: VIKOR divides S - S* by S- - S* (and R likewise) and only treats an exact 0 as "no
// range". When every option's S is the same in exact arithmetic but the sums round differently,
// the spread is ~1e-16 and the quotient of two rounding errors becomes a Q of 0 or 0.5 (1 - v).
// Four options that are rotations of the same judged scores, on four equally weighted benefit
// criteria: every option is alike (S = 1/2 and R = 1/4 for all), so every Q should be 0, all
// four rank first, and the compromise set holds all four (advantage fails: 0 < DQ = 1/3).
TEST_CASE("VIKOR: rounding noise in S or R is no spread: alike options all get Q = 0",
          "[regression][methods]") {
  const std::string yaml =
      R"(framework: rotations
title: Four rotations of the same scores
version: 1.0.0
criteria:
  - {id: c1, name: C1, direction: benefit, scale: [1, 9], weight: 1}
  - {id: c2, name: C2, direction: benefit, scale: [1, 9], weight: 1}
  - {id: c3, name: C3, direction: benefit, scale: [1, 9], weight: 1}
  - {id: c4, name: C4, direction: benefit, scale: [1, 9], weight: 1}
options:
  - {id: a1, scores: {c1: 3, c2: 9, c3: 8, c4: 8}}
  - {id: a2, scores: {c1: 9, c2: 8, c3: 8, c4: 3}}
  - {id: a3, scores: {c1: 8, c2: 8, c3: 3, c4: 9}}
  - {id: a4, scores: {c1: 8, c2: 3, c3: 9, c4: 8}}
method: {name: vikor}
)";
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

// Regression: turning contributions off (or not materialising the matrix) switches VIKOR to another
// arithmetic path (c_j + d_j x in one pass); with the noise above, that changed the scores.
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
