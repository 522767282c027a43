// Weights at the ends of the double range (weights/, rules' weight effects, the AHP loader):
// weights near 1e308 whose sum overflows, tiny and subnormal weights, objective weights of huge
// scores, and AHP judgements far outside Saaty's scale, which are refused where they are written.
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "frameworks.hpp"
#include "test_support.hpp"
#include "weights/weighting.hpp"

using tradeoff::ErrorCode;
using tradeoff::Severity;
using tradeoff::test::brief;
using tradeoff::test::check_all;
using tradeoff::test::evaluate_text;
using tradeoff::test::expect_error;
using tradeoff::test::load_errors;
using tradeoff::test::load_text;
using tradeoff::test::make_problem;
namespace detail = tradeoff::detail;

namespace {

/// Three options on two judged criteria a and b weighted `wa` and `wb` (line 5 and 6).
std::string two_criteria(const std::string& wa, const std::string& wb) {
  return R"(framework: w
title: Weights
version: 1.0.0
criteria:
  - {id: a, name: A, direction: benefit, scale: [1, 5], weight: )" +
         wa + R"(}
  - {id: b, name: B, direction: benefit, scale: [1, 5], weight: )" +
         wb + R"(}
options:
  - {id: x, scores: {a: 5, b: 1}}
  - {id: y, scores: {a: 4, b: 1}}
  - {id: z, scores: {a: 1, b: 5}}
)";
}

std::vector<double> shares(const tradeoff::Result& r) {
  std::vector<double> out;
  for (const auto& c : r.criteria) out.push_back(c.normalized_weight);
  return out;
}

std::vector<double> scores(const tradeoff::Result& r) {
  std::vector<double> out;
  for (const auto& o : r.options) out.push_back(o.score);
  return out;
}

}  // namespace

TEST_CASE("weights whose sum overflows share as their ratios say", "[weighting][numeric]") {
  // Two weights of 1e308 once made every share 0 and tied every option.
  const auto r = evaluate_text(two_criteria("1e308", "1e308"));
  CHECK(shares(r) == std::vector<double>{0.5, 0.5});
  CHECK(scores(r) == std::vector<double>{0.5, 0.375, 0.5});
  const auto s = evaluate_text(two_criteria("1.5e308", "5e307"));
  check_all(shares(s), {0.75, 0.25}, 1e-15);
}

TEST_CASE("tiny, subnormal and negative-zero weights share exactly", "[weighting][numeric]") {
  CHECK(shares(evaluate_text(two_criteria("1e-300", "3e-300"))) == std::vector<double>{0.25, 0.75});
  // 1e-320 and 3e-320 are subnormal: 2024 and 6072 steps of 2^-1074, a ratio of exactly 1:3.
  CHECK(shares(evaluate_text(two_criteria("1e-320", "3e-320"))) == std::vector<double>{0.25, 0.75});
  CHECK(shares(evaluate_text(two_criteria("1", "1e-300"))) == std::vector<double>{1, 1e-300});
  CHECK(shares(evaluate_text(two_criteria("-0.0", "2"))) == std::vector<double>{0, 1});
  // Zero in every spelling is still all zero.
  const auto d = expect_error([] { evaluate_text(two_criteria("-0.0", "0")); });
  CHECK(d.code == ErrorCode::InvalidWeights);
}

TEST_CASE("group and stakeholder weights whose sums overflow", "[weighting][numeric]") {
  const std::string head = two_criteria("1", "1");
  const auto groups = evaluate_text(head + R"(weighting:
  method: groups
  groups:
    - {id: first, criteria: [a], weight: 1.2e308}
    - {id: second, criteria: [b], weight: 0.6e308}
)");
  check_all(shares(groups), {2.0 / 3, 1.0 / 3}, 1e-15);
  check_all({groups.weighting.groups[0].weight, groups.weighting.groups[1].weight},
            {2.0 / 3, 1.0 / 3}, 1e-15);
  const auto people = evaluate_text(head + R"(weighting:
  method: stakeholders
  stakeholders:
    - {id: one, weight: 1.5e308, weights: {a: 1e308, b: 1e308}}
    - {id: two, weight: 0.5e308, weights: {a: 1, b: 0}}
)");
  CHECK(people.weighting.stakeholders[0].influence == 0.75);
  CHECK(people.weighting.stakeholders[1].influence == 0.25);
  CHECK(people.weighting.stakeholders[0].weights == std::vector<double>{0.5, 0.5});
  check_all(shares(people), {0.75 * 0.5 + 0.25, 0.75 * 0.5}, 1e-15);
  tradeoff::test::check_finite(people);
}

TEST_CASE("entropy and CRITIC weights of scores near 1e308 and 1e-300", "[weighting][numeric]") {
  const tradeoff::SourceLocation at{"f.yaml", 1, 1};
  // Column a in units of 1e308 is 1.7, 1.7, 1; column b is 1, 2, 3.
  const auto ordinary = make_problem({{1.7, 1}, {1.7, 2}, {1, 3}}, {1, 1});
  for (double unit : {1e308, 1e-300}) {
    CAPTURE(unit);
    auto scaled = ordinary;
    for (size_t i = 0; i < 3; ++i) scaled.values[i * 2] *= unit;
    const auto entropy = detail::entropy_weights(scaled, at);
    check_all(entropy, detail::entropy_weights(ordinary, at), 1e-12);
    check_all(entropy, {0.236669161390511, 0.763330838609489}, 1e-12);
    check_all(detail::critic_weights(scaled, at), detail::critic_weights(ordinary, at), 1e-12);
  }
  // CRITIC's min-max of a column whose range (3.4e308) overflows.
  const auto wide = make_problem({{1.7e308, 1}, {-1.7e308, 3}, {0, 2}}, {1, 1});
  const auto narrow = make_problem({{1.7, 1}, {-1.7, 3}, {0, 2}}, {1, 1});
  check_all(detail::critic_weights(wide, at), detail::critic_weights(narrow, at), 1e-12);
}

TEST_CASE("a rule that multiplies a weight past the largest double is refused",
          "[weighting][numeric]") {
  const auto d = expect_error([] {
    evaluate_text(two_criteria("1e300", "1") + R"(rules:
  - id: boost
    when: true
    weight: {criterion: a, multiply: 1e10}
    because: testing
)");
  });
  CHECK(brief(d) ==
        "14:38: the weight 'multiply' effect of rule 'boost' makes the weight of 'a' too large "
        "to represent");
  CHECK(d.code == ErrorCode::InvalidWeights);
}

// --- AHP judgements ----------------------------------------------------------------------------

TEST_CASE("AHP judgements far outside Saaty's scale are refused where they are written",
          "[weighting][numeric][errors]") {
  struct Case {
    std::string matrix;  // line 13
    std::vector<std::string> errors;
  };
  const std::string far =
      "lies far outside Saaty's scale (1/9 to 9); judgements must lie "
      "within 1/100 to 100";
  const std::vector<Case> cases = {
      {"[[1e300]]", {"13:13: judgement 1e300 of 'a' over 'b' " + far}},
      {"[[\"1/1e300\"]]", {"13:13: judgement 1/1e300 of 'a' over 'b' " + far}},
      {"[[101]]", {"13:13: judgement 101 of 'a' over 'b' " + far}},
      {"[[\"1e300/1e-300\"]]", {"13:13: judgement 1e300/1e-300 of 'a' over 'b' " + far}},
      {"[[1, 1e300], [\"1/1e300\", 1]]",
       {"13:16: judgement 1e300 of 'a' over 'b' " + far,
        "13:25: judgement 1/1e300 of 'b' over 'a' " + far}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.matrix);
    const auto diagnostics = load_errors(two_criteria("1", "1") +
                                         "weighting:\n  method: ahp\n  matrix: " + c.matrix + "\n");
    REQUIRE(diagnostics.size() == c.errors.size());
    for (size_t k = 0; k < c.errors.size(); ++k) {
      CHECK(brief(diagnostics[k]) == c.errors[k]);
      CHECK(diagnostics[k].code == ErrorCode::OutOfRange);
      CHECK(diagnostics[k].hint ==
            "split the elements into groups of comparable importance (weighting: {method: "
            "groups})");
    }
  }
}

TEST_CASE("AHP judgements that are not finite numbers are refused",
          "[weighting][numeric][errors]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {".inf", "'.inf'"},
      {"-.Inf", "'-.Inf'"},
      {".nan", "'.nan'"},
      {"NaN", "'NaN'"},
      {"1e999", "'1e999'"},
      {"-0.0", "'-0.0'"},
      {"\"1/0\"", "the string '1/0'"},
  };
  for (const auto& [judgement, got] : cases) {
    CAPTURE(judgement);
    const auto diagnostics = load_errors(
        two_criteria("1", "1") + "weighting:\n  method: ahp\n  matrix: [[" + judgement + "]]\n");
    REQUIRE(diagnostics.size() == 1);
    CHECK(brief(diagnostics[0]) ==
          "13:13: expected a positive judgement such as 3 or \"1/3\", got " + got);
  }
}

TEST_CASE("AHP judgements up to 100 are kept, with a warning beyond 9", "[weighting][numeric]") {
  for (const char* judgement : {"100", "\"1/100\"", "10", "0.01"}) {
    CAPTURE(judgement);
    const auto loaded =
        load_text(two_criteria("1", "1") + "weighting:\n  method: ahp\n  matrix: [[" +
                  std::string(judgement) + "]]\n");
    REQUIRE(loaded.warnings.size() == 2);  // the unused weights, and the judgement
    const auto& w = loaded.warnings[1];
    CHECK(w.severity == Severity::Warning);
    CHECK(w.message.find("lies outside Saaty's scale (1/9 to 9)") != std::string::npos);
    const auto r = tradeoff::evaluate(loaded.framework, nullptr, {});
    tradeoff::test::check_finite(r);
  }
  const auto r =
      evaluate_text(two_criteria("1", "1") + "weighting:\n  method: ahp\n  matrix: [[100]]\n");
  check_all(shares(r), {100.0 / 101, 1.0 / 101}, 1e-12);
}
