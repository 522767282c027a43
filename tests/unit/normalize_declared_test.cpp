// Value functions and scales under every method (normalize()'s `declared_values`): a column with
// a value function or a scale is turned into value, costs mirrored, whatever the method's own
// normalisation; the other columns take the method's; a normalisation chosen explicitly applies
// to all. Checked on the transforms, in TOPSIS, WPM, WASPAS, PROMETHEE II and VIKOR by hand, and
// through the whole pipeline.
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "frameworks.hpp"
#include "methods/method.hpp"
#include "normalize/normalize.hpp"
#include "test_support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using tradeoff::Direction;
using tradeoff::ErrorCode;
using tradeoff::Normalization;
using tradeoff::ValueFunction;
using tradeoff::detail::Column;
using tradeoff::detail::DecisionProblem;
using tradeoff::detail::describe_normalization;
using tradeoff::detail::normalize;
using tradeoff::detail::NormalizedMatrix;
using tradeoff::test::choose;
using tradeoff::test::evaluate_text;
using tradeoff::test::expect_error;
using tradeoff::test::make_problem;

namespace {

constexpr double kEps = 1e-12;

ValueFunction vf(std::vector<std::pair<double, double>> points) {
  ValueFunction f;
  f.points = std::move(points);
  return f;
}

void check_column(const NormalizedMatrix& r, size_t j, const std::vector<double>& expected) {
  const size_t cols = r.sign.size();
  REQUIRE(r.values.size() == expected.size() * cols);
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(j, i);
    CHECK_THAT(r.values[i * cols + j], WithinAbs(expected[i], kEps));
  }
}

/// Three options; c1 a cost under the value function 1 at 0, 0.8 at 50, 0 at 100 (values
/// 0.92, 0.8, 0.4), c2 a benefit on the scale [1, 5] (0.25, 1, 0.5), c3 a plain benefit
/// (3, 4, 0: norm 5, max 4).
DecisionProblem three_columns() {
  DecisionProblem p = make_problem({{20, 2, 3}, {50, 5, 4}, {75, 3, 0}}, {1, 1, 1}, {0});
  p.criteria[0].value_function = vf({{0, 1}, {50, 0.8}, {100, 0}});
  p.criteria[1].scale = std::make_pair(1.0, 5.0);
  return p;
}

/// A judged cost on [0, 10] (2, 8, 5: values 0.8, 0.2, 0.5) and a plain benefit (3, 4, 0),
/// weighted equally.
DecisionProblem scale_cost_and_plain() {
  DecisionProblem p = make_problem({{2, 3}, {8, 4}, {5, 0}}, {1, 1}, {0});
  p.criteria[0].scale = std::make_pair(0.0, 10.0);
  return p;
}

Column column(Direction direction) {
  Column c;
  c.id = "c";
  c.direction = direction;
  return c;
}

/// A framework of a value-function cost, a scale benefit and a plain benefit, with `method`.
std::string three_criteria_yaml(const std::string& method) {
  return R"(framework: declared
title: Declared values under every method
version: 1.0.0
criteria:
  - {id: cost, name: Cost, direction: cost, weight: 1,
     value_function: {points: [[0, 1], [50, 0.8], [100, 0]]}}
  - {id: quality, name: Quality, direction: benefit, scale: [1, 5], weight: 1}
  - {id: speed, name: Speed, direction: benefit, weight: 1}
options:
  - {id: a, scores: {cost: 20, quality: 2, speed: 3}}
  - {id: b, scores: {cost: 50, quality: 5, speed: 4}}
  - {id: c, scores: {cost: 75, quality: 3, speed: 0}}
method: )" +
         method + "\n";
}

}  // namespace

TEST_CASE("declared values: TOPSIS's vector applies to the plain column only",
          "[normalize][declared]") {
  const auto r = normalize(three_columns(), Normalization::Vector, "", false, true, true);
  check_column(r, 0, {0.92, 0.8, 0.4});
  check_column(r, 1, {0.25, 1.0, 0.5});
  check_column(r, 2, {0.6, 0.8, 0.0});
  CHECK(r.sign == std::vector<double>{1, 1, 1});
  CHECK(r.valued == std::vector<uint8_t>{1, 1, 0});
  CHECK(r.how == std::vector<std::string>{"value function", "scale [1, 5]", "x / norm"});
}

TEST_CASE("declared values: a chosen vector normalisation applies to every column",
          "[normalize][declared]") {
  const auto r = normalize(three_columns(), Normalization::Vector, "", false, true, false);
  const double n1 = std::sqrt(20.0 * 20 + 50 * 50 + 75 * 75);
  const double n2 = std::sqrt(2.0 * 2 + 5 * 5 + 3 * 3);
  check_column(r, 0, {20 / n1, 50 / n1, 75 / n1});  // a cost, not mirrored: TOPSIS's way
  check_column(r, 1, {2 / n2, 5 / n2, 3 / n2});
  check_column(r, 2, {0.6, 0.8, 0.0});
  CHECK(r.valued == std::vector<uint8_t>{0, 0, 0});
  CHECK(r.how == std::vector<std::string>{"x / norm, cost not mirrored", "x / norm", "x / norm"});
}

TEST_CASE("declared values: the ratio and raw defaults apply to the plain columns only",
          "[normalize][declared]") {
  SECTION("max (WPM, WASPAS): a positive scale as a ratio to its best end") {
    const auto r = normalize(three_columns(), Normalization::Max, "", true, true, true);
    check_column(r, 0, {0.92, 0.8, 0.4});
    check_column(r, 1, {2.0 / 5, 5.0 / 5, 3.0 / 5});  // x / 5, never 0 on a scale from 1
    check_column(r, 2, {0.75, 1.0, 0.0});
    CHECK(r.how == std::vector<std::string>{"value function", "scale [1, 5], x / 5", "x / max"});
  }
  SECTION("min-max (VIKOR)") {
    const auto r = normalize(three_columns(), Normalization::MinMax, "", true, true, true);
    check_column(r, 0, {0.92, 0.8, 0.4});  // not min-max: 1, 0.77, 0
    check_column(r, 2, {0.75, 1.0, 0.0});
  }
  SECTION("none (PROMETHEE II): a valued cost counts as value, a plain cost negatively") {
    DecisionProblem p = three_columns();
    p.criteria[2].direction = Direction::Cost;
    const auto r = normalize(p, Normalization::None, "", true, true, true);
    check_column(r, 0, {0.92, 0.8, 0.4});
    check_column(r, 2, {3, 4, 0});
    CHECK(r.sign == std::vector<double>{1, 1, -1});
    CHECK(r.how == std::vector<std::string>{"value function", "scale [1, 5]", "none (raw)"});
  }
  SECTION("a ratio normalisation's domain is not asked of a valued column") {
    DecisionProblem p = make_problem({{-3, 2}, {4, 1}}, {1, 1});
    p.criteria[0].value_function = vf({{-5, 0.1}, {5, 0.9}});
    const auto r = normalize(p, Normalization::Max, "", true, true, true);
    check_column(r, 0, {0.26, 0.82});
    CHECK_THROWS_AS(normalize(p, Normalization::Max), tradeoff::Error);
  }
}

TEST_CASE("declared values: a judged cost is mirrored even when the method does not orient",
          "[normalize][declared]") {
  const auto r = normalize(scale_cost_and_plain(), Normalization::Vector, "", false, true, true);
  check_column(r, 0, {0.8, 0.2, 0.5});
  check_column(r, 1, {0.6, 0.8, 0.0});
  CHECK(r.how == std::vector<std::string>{"scale [0, 10]", "x / norm"});
}

TEST_CASE("declared values: describe_normalization names the value function or the scale",
          "[normalize][declared]") {
  Column judged = column(Direction::Cost);
  judged.scale = std::make_pair(1.0, 5.0);
  Column valued = column(Direction::Cost);
  valued.value_function = vf({{0, 1}, {10, 0}});
  const Column plain = column(Direction::Cost);
  for (Normalization n : {Normalization::Vector, Normalization::Max, Normalization::Sum,
                          Normalization::MinMax, Normalization::None}) {
    CAPTURE(tradeoff::to_string(n));
    const bool ratio = n == Normalization::Max || n == Normalization::Sum;
    for (bool orient : {true, false}) {
      CHECK(describe_normalization(judged, n, orient, true) ==
            (ratio ? "scale [1, 5], 1 / x" : "scale [1, 5]"));
      CHECK(describe_normalization(valued, n, orient, true) == "value function");
    }
  }
  CHECK(describe_normalization(judged, Normalization::Vector, false, false) ==
        "x / norm, cost not mirrored");
  CHECK(describe_normalization(valued, Normalization::Max, true, false) == "min / x");
  CHECK(describe_normalization(plain, Normalization::Vector, false, true) ==
        "x / norm, cost not mirrored");
  CHECK(describe_normalization(plain, Normalization::Max, true, true) == "min / x");
  CHECK(describe_normalization(plain, Normalization::Declared, true, true) == "min-max");
}

// By hand: weighted values (w = 1/2) a (0.4, 0.3), b (0.1, 0.4), c (0.25, 0). The judged cost is
// value, so its ideal is the largest: ideal (0.4, 0.4), anti-ideal (0.1, 0).
//   a: d+ = 0.1, d- = sqrt(0.3^2 + 0.3^2);  b: d+ = 0.3, d- = 0.4;
//   c: d+ = sqrt(0.15^2 + 0.4^2), d- = 0.15.
TEST_CASE("declared values: TOPSIS closeness by hand", "[methods][declared]") {
  const DecisionProblem p = scale_cost_and_plain();
  const auto r = normalize(p, Normalization::Vector, "", false, true, true);
  const auto out = tradeoff::detail::run_topsis(p, r, {});
  const double a_minus = 0.3 * std::sqrt(2.0);
  const double c_plus = std::sqrt(0.15 * 0.15 + 0.4 * 0.4);
  REQUIRE(out.scores.size() == 3);
  CHECK_THAT(out.scores[0], WithinAbs(a_minus / (0.1 + a_minus), kEps));
  CHECK_THAT(out.scores[1], WithinAbs(0.4 / 0.7, kEps));
  CHECK_THAT(out.scores[2], WithinAbs(0.15 / (c_plus + 0.15), kEps));
  REQUIRE(out.details.per_criterion.size() == 2);
  tradeoff::test::check_values(out.details.per_criterion[0].second, {0.4, 0.4});
  tradeoff::test::check_values(out.details.per_criterion[1].second, {0.1, 0.0});
  // Contributions: the valued cost is not mirrored again.
  tradeoff::test::check_values(out.contributions, {0.4, 0.3, 0.1, 0.4, 0.25, 0.0});
}

// The same problem with vector chosen: the cost is x / sqrt(93), not mirrored, its ideal the
// smallest (a, 2). a: d+ = 0.1 (speed), d- = sqrt((3 / sqrt(93))^2 + 0.3^2).
TEST_CASE("declared values: TOPSIS with vector chosen keeps the textbook cost",
          "[methods][declared]") {
  const DecisionProblem p = scale_cost_and_plain();
  const auto r = normalize(p, Normalization::Vector, "", false, true, false);
  const auto out = tradeoff::detail::run_topsis(p, r, {});
  const double a_minus = std::sqrt(9.0 / 93 + 0.09);
  CHECK_THAT(out.scores[0], WithinAbs(a_minus / (0.1 + a_minus), kEps));
}

TEST_CASE("declared values: WPM multiplies the values of a value function", "[methods][declared]") {
  // c1 rises from 0.2 at 0 to 1 at 10 (a: 5 -> 0.6, b: 10 -> 1); c2 plain, x / max (0.5, 1).
  DecisionProblem p = make_problem({{5, 2}, {10, 4}}, {1, 1});
  p.criteria[0].value_function = vf({{0, 0.2}, {10, 1}});
  const auto r = normalize(p, Normalization::Max, "WPM", true, true, true);
  const auto out = tradeoff::detail::run_wpm(p, r, {});
  CHECK_THAT(out.scores[0], WithinAbs(std::sqrt(0.6 * 0.5), kEps));
  CHECK_THAT(out.scores[1], WithinAbs(1.0, kEps));
  tradeoff::test::check_values(out.contributions,
                               {0.5 * std::log(0.6), 0.5 * std::log(0.5), 0.0, 0.0});
}

TEST_CASE("declared values: a value of 0 is a clear WPM error, and the worst WASPAS product",
          "[methods][declared]") {
  // a scores 0 (and c -3, clamped) where the value function gives 0.
  DecisionProblem p = make_problem({{0, 2}, {10, 4}, {-3, 1}}, {1, 1});
  p.criteria[0].value_function = vf({{0, 0}, {10, 1}});
  const auto r = normalize(p, Normalization::Max, "WPM", true, true, true);
  const auto d = expect_error([&] { tradeoff::detail::run_wpm(p, r, {}); });
  CHECK(d.code == ErrorCode::MethodDomain);
  CHECK_THAT(d.message, Contains("option 'a1' scores 0 on criterion 'c1', which its value "
                                 "function turns into a value of 0"));
  CHECK_THAT(d.hint, Contains("--normalization max"));
  // WASPAS takes a product of 0 as the worst: a's score is its weighted-sum half.
  const auto out = tradeoff::detail::run_waspas(p, r, {});
  CHECK_THAT(out.scores[0], WithinAbs(0.5 * (0.5 * 0 + 0.5 * 0.5), kEps));
  for (double s : out.scores) CHECK(std::isfinite(s));
}

TEST_CASE("declared values: WPM takes a scale as a ratio to its best end, and refuses a 0",
          "[methods][declared]") {
  DecisionProblem p = make_problem({{1, 2}, {4, 4}}, {1, 1});
  p.criteria[0].scale = std::make_pair(1.0, 5.0);
  const auto ratio = normalize(p, Normalization::Max, "WPM", true, true, true);
  check_column(ratio, 0, {1.0 / 5, 4.0 / 5});
  const auto out = tradeoff::detail::run_wpm(p, ratio, {});
  // Equal weights: (1/5)^0.5 (2/4)^0.5 and (4/5)^0.5 (4/4)^0.5.
  CHECK_THAT(out.scores[0], WithinAbs(std::sqrt(0.2 * 0.5), kEps));
  CHECK_THAT(out.scores[1], WithinAbs(std::sqrt(0.8), kEps));
  p.criteria[0].scale = std::make_pair(0.0, 5.0);  // a scale from 0 has no ratio: its 0 is 0
  p.values[0] = 0;
  const auto r = normalize(p, Normalization::Max, "WPM", true, true, true);
  const auto d = expect_error([&] { tradeoff::detail::run_wpm(p, r, {}); });
  CHECK_THAT(d.message, Contains("which its scale [0, 5] turns into a value of 0"));
}

TEST_CASE("declared values: the pipeline uses them unless a normalisation is chosen",
          "[evaluate][declared]") {
  const auto by_default = evaluate_text(three_criteria_yaml("{name: topsis}"));
  REQUIRE(by_default.criteria.size() == 3);
  CHECK(by_default.criteria[0].normalization == "value function");
  CHECK(by_default.criteria[1].normalization == "scale [1, 5]");
  CHECK(by_default.criteria[2].normalization == "x / norm");
  tradeoff::test::check_values(by_default.options[0].normalized, {0.92, 0.25, 0.6});
  tradeoff::test::check_values(by_default.options[2].normalized, {0.4, 0.5, 0.0});
  const double n1 = std::sqrt(20.0 * 20 + 50 * 50 + 75 * 75);
  const double n2 = std::sqrt(38.0);
  for (const auto& chosen :
       {evaluate_text(three_criteria_yaml("{name: topsis}"), choose("topsis", "vector")),
        evaluate_text(three_criteria_yaml("{name: topsis, normalization: vector}"))}) {
    CHECK(chosen.criteria[0].normalization == "x / norm, cost not mirrored");
    CHECK(chosen.criteria[1].normalization == "x / norm");
    tradeoff::test::check_values(chosen.options[0].normalized, {20 / n1, 2 / n2, 0.6});
  }
}

TEST_CASE("declared values: every method turns the same criteria into the same values",
          "[evaluate][declared]") {
  for (const char* method : {"wsm", "waspas", "topsis", "vikor", "promethee2"}) {
    CAPTURE(method);
    const auto r = evaluate_text(three_criteria_yaml("{name: wsm}"), choose(method));
    CHECK(r.criteria[0].normalization == "value function");
    const bool ratio = std::string(method) == "waspas";
    CHECK(r.criteria[1].normalization == (ratio ? "scale [1, 5], x / 5" : "scale [1, 5]"));
    tradeoff::test::check_values({r.options[1].normalized[0], r.options[1].normalized[1]},
                                 {0.8, 1.0});
    tradeoff::test::check_finite(r);
  }
  // c scores 0 on speed, a plain criterion: WPM refuses it as before, naming the option.
  const auto d =
      expect_error([&] { evaluate_text(three_criteria_yaml("{name: wsm}"), choose("wpm")); });
  CHECK_THAT(d.message, Contains("option 'c'"));
}

// A scale's value is affine in its points: PROMETHEE II compares the points, with thresholds in
// the criterion's units, and VIKOR's regret is a share of the range. Both rank as under the
// explicit normalisation that takes the points as they are.
TEST_CASE("declared values: scales change neither PROMETHEE II nor VIKOR", "[evaluate][declared]") {
  const std::string yaml = R"(framework: judged
title: Judged criteria
version: 1.0.0
criteria:
  - {id: price, name: Price, direction: cost, weight: 3}
  - {id: reliability, name: Reliability, direction: benefit, scale: [1, 5], weight: 2}
  - {id: effort, name: Effort, direction: cost, scale: [1, 5], weight: 1}
options:
  - {id: a, scores: {price: 350, reliability: 2, effort: 3}}
  - {id: b, scores: {price: 550, reliability: 3, effort: 2}}
  - {id: c, scores: {price: 450, reliability: 5, effort: 4}}
  - {id: d, scores: {price: 400, reliability: 3, effort: 2}}
method:
  name: promethee2
  preference:
    price: {function: linear, q: 50, p: 300}
    reliability: {function: level, q: 0.5, p: 1.5}
    effort: {function: u_shape, q: 1}
)";
  for (const auto& [method, raw] : {std::pair{"promethee2", "none"}, {"vikor", "minmax"}}) {
    CAPTURE(method);
    const auto valued = evaluate_text(yaml, choose(method));
    const auto chosen = evaluate_text(yaml, choose(method, raw));
    CHECK(valued.criteria[1].normalization == "scale [1, 5]");
    for (size_t i = 0; i < valued.options.size(); ++i) {
      CHECK_THAT(valued.options[i].score, WithinAbs(chosen.options[i].score, kEps));
    }
  }
}

// A value function's value is compared as it is: its thresholds are in value (0 to 1).
// a (10) has the value 0.9 and b (50) 0.5: they differ by 0.4.
TEST_CASE("declared values: PROMETHEE II thresholds of a value function are in value",
          "[evaluate][declared]") {
  const auto yaml = [](double q) {
    return R"(framework: valued
title: A value function
version: 1.0.0
criteria:
  - {id: cost, name: Cost, direction: cost, weight: 1,
     value_function: {points: [[0, 1], [100, 0]]}}
options:
  - {id: a, scores: {cost: 10}}
  - {id: b, scores: {cost: 50}}
method: {name: promethee2, preference: {cost: {function: u_shape, q: )" +
           std::to_string(q) + "}}}\n";
  };
  const auto strict = evaluate_text(yaml(0.3));
  CHECK_THAT(strict.options[0].score, WithinAbs(1.0, kEps));
  CHECK_THAT(strict.options[1].score, WithinAbs(-1.0, kEps));
  const auto indifferent = evaluate_text(yaml(0.5));
  CHECK_THAT(indifferent.options[0].score, WithinAbs(0.0, kEps));
  CHECK_THAT(indifferent.options[1].score, WithinAbs(0.0, kEps));
}
