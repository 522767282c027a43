// Comparing methods (tradeoff::compare_methods): which methods are compared, the normalisation
// each one uses, Kendall's tau between their rankings, whether they agree on the winner, and
// which options' ranks depend on the method.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/compare.hpp"
#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"
#include "weights/weighting.hpp"

using tradeoff::EvaluateOptions;
using tradeoff::MethodComparison;
using tradeoff::test::choose;
using tradeoff::test::expect_error;
using tradeoff::test::load_assessment_text;
using tradeoff::test::load_text;

namespace {

// Every score lies strictly inside its declared scale, so that every method accepts every
// normalisation (min-max and the declared scale never give the weighted product a 0).
const std::string kFramework =
    R"(framework: cmp
title: Compare
version: 1.0.0
criteria:
  - {id: price, name: Price, direction: cost, scale: [0, 10], weight: 3}
  - {id: speed, name: Speed, direction: benefit, scale: [0, 10], weight: 2}
  - {id: quality, name: Quality, direction: benefit, scale: [0, 10], weight: 2}
options:
  - {id: a, scores: {price: 2, speed: 3, quality: 4}}
  - {id: b, scores: {price: 6, speed: 9, quality: 7}}
  - {id: c, scores: {price: 4, speed: 5, quality: 6}}
  - {id: d, scores: {price: 9, speed: 2, quality: 3}}
)";

MethodComparison compare(const std::string& framework, const EvaluateOptions& options = {},
                         const std::vector<std::string>& methods = {}) {
  const auto loaded = load_text(framework);
  std::vector<tradeoff::Method> chosen;
  for (const auto& name : methods) chosen.push_back(*choose(name).method);
  return tradeoff::compare_methods(loaded.framework, nullptr, options, chosen);
}

MethodComparison compare_assessment(const std::string& framework, const std::string& body,
                                    const EvaluateOptions& options = {}) {
  const auto loaded = load_assessment_text(body, framework);
  REQUIRE(loaded.assessment.has_value());
  return tradeoff::compare_methods(loaded.framework, &*loaded.assessment, options);
}

std::vector<std::string> names(const MethodComparison& c) {
  std::vector<std::string> out;
  for (const auto& r : c.results) out.push_back(r.method);
  return out;
}

std::map<std::string, std::string> normalizations(const MethodComparison& c) {
  std::map<std::string, std::string> out;
  for (const auto& r : c.results) out[r.method] = r.normalization;
  return out;
}

std::vector<std::string> winners(const tradeoff::Result& r) {
  std::vector<std::string> out;
  for (const auto& e : r.ranking) {
    if (e.rank == 1) out.push_back(e.option);
  }
  return out;
}

/// The comparison's summaries, recomputed from its results.
void check_summaries(const MethodComparison& c) {
  const size_t k = c.results.size();
  REQUIRE(c.tau.size() == k);
  for (size_t x = 0; x < k; ++x) {
    REQUIRE(c.tau[x].size() == k);
    CHECK(c.tau[x][x] == 1.0);
    for (size_t y = 0; y < k; ++y) {
      CAPTURE(c.results[x].method, c.results[y].method);
      CHECK(c.tau[x][y] == c.tau[y][x]);
      CHECK(c.tau[x][y] ==
            tradeoff::detail::kendall_tau(c.results[x].ranking, c.results[y].ranking));
      REQUIRE(c.tau[x][y].has_value());
      CHECK(*c.tau[x][y] >= -1.0);
      CHECK(*c.tau[x][y] <= 1.0);
    }
  }
  bool same = true;
  for (const auto& r : c.results) same = same && winners(r) == winners(c.results.front());
  CHECK(c.same_winner == same);
  std::vector<std::string> dependent;
  for (const auto& o : c.results.front().options) {
    bool differs = false;
    for (const auto& r : c.results) differs = differs || r.option(o.id)->rank != o.rank;
    if (differs) dependent.push_back(o.id);
  }
  std::sort(dependent.begin(), dependent.end());
  CHECK(c.rank_dependent == dependent);
}

}  // namespace

TEST_CASE("every method is compared by default, each under its own normalisation", "[comparison]") {
  const auto c = compare(kFramework);
  CHECK(names(c) == tradeoff::method_names());
  CHECK(normalizations(c) == std::map<std::string, std::string>{{"wsm", "declared"},
                                                                {"wpm", "max"},
                                                                {"waspas", "max"},
                                                                {"topsis", "vector"},
                                                                {"vikor", "minmax"},
                                                                {"promethee2", "none"}});
  for (const auto& r : c.results) {
    CAPTURE(r.method);
    CHECK(r.ranking.size() == 4);
    CHECK(r.higher_is_better == (r.method != "vikor"));
    // Each result is the method's own evaluation.
    const EvaluateOptions o = choose(r.method);
    const auto alone = tradeoff::evaluate(load_text(kFramework).framework, nullptr, o);
    for (size_t i = 0; i < r.options.size(); ++i)
      CHECK(r.options[i].score == alone.options[i].score);
  }
  check_summaries(c);
}

TEST_CASE("the files' compare list, or an explicit one, chooses the methods", "[comparison]") {
  SECTION("the framework's list, in its order") {
    const auto c =
        compare(kFramework + "method: {name: wsm, compare: [promethee2, wsm, topsis]}\n");
    CHECK(names(c) == std::vector<std::string>{"promethee2", "wsm", "topsis"});
    check_summaries(c);
  }
  SECTION("an explicit list overrides the files'") {
    const auto c = compare(kFramework + "method: {compare: [wsm, topsis]}\n", {}, {"vikor", "wpm"});
    CHECK(names(c) == std::vector<std::string>{"vikor", "wpm"});
    check_summaries(c);
  }
  SECTION("the assessment's list overrides the framework's") {
    const auto c = compare_assessment(kFramework + "method: {compare: [wsm, topsis]}\n",
                                      "method: {compare: [waspas, vikor, wsm]}\n");
    CHECK(names(c) == std::vector<std::string>{"waspas", "vikor", "wsm"});
  }
  SECTION("an assessment without a list keeps the framework's") {
    const auto c = compare_assessment(kFramework + "method: {compare: [wsm, topsis]}\n",
                                      "method: {name: vikor}\n");
    CHECK(names(c) == std::vector<std::string>{"wsm", "topsis"});
  }
  SECTION("a single method") {
    const auto c = compare(kFramework, {}, {"topsis"});
    CHECK(names(c) == std::vector<std::string>{"topsis"});
    CHECK(c.same_winner);
    CHECK(c.rank_dependent.empty());
    CHECK(c.tau == std::vector<std::vector<std::optional<double>>>{{1.0}});
  }
}

TEST_CASE("the files' method keeps the files' normalisation, the others use their own",
          "[comparison]") {
  const std::map<std::string, std::string> defaults = {{"wsm", "declared"}, {"wpm", "max"},
                                                       {"waspas", "max"},   {"topsis", "vector"},
                                                       {"vikor", "minmax"}, {"promethee2", "none"}};
  SECTION("the framework's method") {
    auto expected = defaults;
    expected["wpm"] = "sum";
    CHECK(normalizations(compare(kFramework + "method: {name: wpm, normalization: sum}\n")) ==
          expected);
  }
  SECTION("the framework's TOPSIS under min-max") {
    auto expected = defaults;
    expected["topsis"] = "minmax";
    CHECK(normalizations(compare(kFramework + "method: {name: topsis, normalization: minmax}\n")) ==
          expected);
  }
  SECTION("the assessment's method, not the framework's") {
    auto expected = defaults;
    expected["vikor"] = "vector";
    CHECK(normalizations(
              compare_assessment(kFramework + "method: {name: wsm, normalization: none}\n",
                                 "method: {name: vikor, normalization: vector}\n")) == expected);
  }
  SECTION("the assessment's normalisation goes with the framework's method") {
    auto expected = defaults;
    expected["wsm"] = "minmax";
    CHECK(normalizations(compare_assessment(kFramework + "method: {name: wsm}\n",
                                            "method: {normalization: minmax}\n")) == expected);
  }
}

TEST_CASE("a command-line normalisation applies to the methods that accept it", "[comparison]") {
  SECTION("every method accepts max") {
    const auto c = compare(kFramework, choose("", "max"));
    for (const auto& [method, n] : normalizations(c)) {
      CAPTURE(method);
      CHECK(n == "max");
    }
    check_summaries(c);
  }
  SECTION("TOPSIS does not accept declared: it keeps its own") {
    const auto c = compare(kFramework, choose("", "declared"));
    CHECK(normalizations(c) == std::map<std::string, std::string>{{"wsm", "declared"},
                                                                  {"wpm", "declared"},
                                                                  {"waspas", "declared"},
                                                                  {"topsis", "vector"},
                                                                  {"vikor", "declared"},
                                                                  {"promethee2", "declared"}});
    check_summaries(c);
  }
  SECTION("it overrides the files' normalisation of the files' method") {
    const auto c =
        compare(kFramework + "method: {name: wpm, normalization: sum}\n", choose("", "vector"));
    for (const auto& [method, n] : normalizations(c)) {
      CAPTURE(method);
      CHECK(n == "vector");
    }
  }
}

TEST_CASE("same_winner, rank_dependent and tau on a split decision", "[comparison]") {
  // The golden case methods-all-compare-list: WSM and PROMETHEE II pick budget_saas, TOPSIS
  // self_hosted; premium_saas and legacy_ci keep ranks 2 and 4 everywhere.
  // Escaped rather than a raw string: the option lines are longer than the 100-column limit.
  const std::string framework =
      "framework: pick_ci\n"
      "title: Pick a CI service\n"
      "version: 1.0.0\n"
      "criteria:\n"
      "  - {id: price, name: Monthly price, direction: cost, weight: 30}\n"
      "  - {id: build_time, name: Median build time, direction: cost, weight: 20}\n"
      "  - {id: reliability, name: Reliability, direction: benefit, scale: [1, 5], weight: 25}\n"
      "  - {id: ecosystem, name: Integrations, direction: benefit, scale: [1, 5], weight: 15}\n"
      "  - {id: support, name: Vendor support, direction: benefit, scale: [1, 5], weight: 10}\n"
      "options:\n"
      "  - {id: budget_saas, scores: {price: 350, build_time: 8, reliability: 1, ecosystem: 3, "
      "support: 5}}\n"
      "  - {id: legacy_ci, scores: {price: 550, build_time: 19, reliability: 2, ecosystem: 1, "
      "support: 4}}\n"
      "  - {id: self_hosted, scores: {price: 450, build_time: 12, reliability: 5, ecosystem: 1, "
      "support: 1}}\n"
      "  - {id: premium_saas, scores: {price: 400, build_time: 12, reliability: 3, ecosystem: 2, "
      "support: 2}}\n"
      "method: {name: wsm, compare: [wsm, topsis, promethee2]}\n";
  const auto c = compare(framework);
  REQUIRE(names(c) == std::vector<std::string>{"wsm", "topsis", "promethee2"});
  CHECK(winners(c.results[0]) == std::vector<std::string>{"budget_saas"});
  CHECK(winners(c.results[1]) == std::vector<std::string>{"self_hosted"});
  CHECK(winners(c.results[2]) == std::vector<std::string>{"budget_saas"});
  CHECK_FALSE(c.same_winner);
  CHECK(c.rank_dependent == std::vector<std::string>{"budget_saas", "self_hosted"});
  // WSM 1 2 3 4 against TOPSIS 3 2 1 4 (budget, premium, self, legacy): concordant 3,
  // discordant 3: tau 0. WSM and PROMETHEE II agree: 1.
  CHECK(c.tau[0][1] == 0.0);
  CHECK(c.tau[0][2] == 1.0);
  CHECK(c.tau[1][2] == 0.0);
  check_summaries(c);
}

TEST_CASE("same_winner on agreement, and on a shared first place", "[comparison]") {
  SECTION("an option better on every criterion wins under every method") {
    const std::string framework =
        R"(framework: cmp
title: Compare
version: 1.0.0
criteria:
  - {id: price, name: Price, direction: cost, scale: [0, 10], weight: 3}
  - {id: speed, name: Speed, direction: benefit, scale: [0, 10], weight: 2}
options:
  - {id: a, scores: {price: 5, speed: 4}}
  - {id: b, scores: {price: 1, speed: 9}}
  - {id: c, scores: {price: 7, speed: 3}}
)";
    const auto c = compare(framework);
    for (const auto& r : c.results) {
      CAPTURE(r.method);
      CHECK(winners(r) == std::vector<std::string>{"b"});
    }
    CHECK(c.same_winner);
    check_summaries(c);
  }
  SECTION("two identical options share first place under every method") {
    const std::string framework =
        R"(framework: cmp
title: Compare
version: 1.0.0
criteria:
  - {id: price, name: Price, direction: cost, scale: [0, 10], weight: 3}
  - {id: speed, name: Speed, direction: benefit, scale: [0, 10], weight: 2}
options:
  - {id: a, scores: {price: 5, speed: 4}}
  - {id: b, scores: {price: 1, speed: 9}}
  - {id: c, scores: {price: 1, speed: 9}}
)";
    const auto c = compare(framework);
    for (const auto& r : c.results) {
      CAPTURE(r.method);
      CHECK(winners(r) == std::vector<std::string>{"b", "c"});
    }
    CHECK(c.same_winner);
    CHECK(c.rank_dependent.empty());
    for (const auto& row : c.tau) {
      for (const auto& t : row) CHECK(t == 1.0);
    }
    check_summaries(c);
  }
}

TEST_CASE("rank_dependent lists the options whose rank moves, by id", "[comparison]") {
  const auto c = compare(kFramework);
  check_summaries(c);
  // d is worse than a on every criterion: last under every method.
  for (const auto& r : c.results) {
    CAPTURE(r.method);
    CHECK(r.option("d")->rank == 4);
  }
  CHECK(std::find(c.rank_dependent.begin(), c.rank_dependent.end(), "d") == c.rank_dependent.end());
  CHECK(std::is_sorted(c.rank_dependent.begin(), c.rank_dependent.end()));
}

// Regression. README (Comparing methods): "each with its own default normalisation (the files'
// method keeps the files' normalisation; --normalization applies to every method that accepts
// it)". When the command line names a normalisation the files' method does not accept, the files'
// method keeps the files' normalisation; it used to fall back to its default ('vector').
TEST_CASE("compare_methods: the files' TOPSIS keeps its min-max when --normalization is refused",
          "[regression][comparison]") {
  const std::string yaml =
      R"(framework: cmp
title: Compare
version: 1.0.0
criteria:
  - {id: price, name: Price, direction: cost, scale: [0, 10], weight: 3}
  - {id: speed, name: Speed, direction: benefit, scale: [0, 10], weight: 2}
options:
  - {id: a, scores: {price: 2, speed: 3}}
  - {id: b, scores: {price: 6, speed: 9}}
method: {name: topsis, normalization: minmax}
)";
  EvaluateOptions o;
  o.normalization = tradeoff::Normalization::Declared;
  const auto c = tradeoff::compare_methods(load_text(yaml).framework, nullptr, o,
                                           {tradeoff::Method::Topsis, tradeoff::Method::Wsm});
  REQUIRE(c.results.size() == 2);
  CHECK(c.results[0].normalization == "minmax");
  CHECK(c.results[1].normalization == "declared");
}

TEST_CASE("a method the values do not suit is reported in its column, and the others still rank",
          "[comparison]") {
  const std::string framework = R"(framework: negative
title: Negative
version: 1.0.0
criteria:
  - {id: a, name: A, direction: benefit, weight: 1, scale: [-5, 5]}
  - {id: b, name: B, direction: benefit, weight: 1}
options:
  - {id: x, scores: {a: -5, b: 2}}
  - {id: y, scores: {a: 2, b: 1}}
)";
  // x's a is the lowest point of its scale: the value 0, which the weighted product refuses.
  const auto c = compare(framework, {}, {"wsm", "wpm", "topsis"});
  REQUIRE(c.errors.size() == 3);
  CHECK_FALSE(c.failed(0));
  REQUIRE(c.failed(1));
  CHECK_FALSE(c.failed(2));
  CHECK(c.results[1].method == "wpm");
  CHECK(c.results[1].ranking.empty());
  const auto& d = c.errors[1].front();
  CHECK(d.code == tradeoff::ErrorCode::MethodDomain);
  CHECK(d.where.line == 8);
  CHECK(d.where.column == 25);
  // a on [-5, 5]: x 0, y 0.7; b by min-max: x 1, y 0. x = 0.5 beats y = 0.35.
  CHECK(winners(c.results[0]) == std::vector<std::string>{"x"});
  CHECK_FALSE(c.same_winner);
  CHECK_FALSE(c.tau[0][1].has_value());
  CHECK_FALSE(c.tau[1][1].has_value());
  // TOPSIS puts y first (golden methods/all-one-method-fails): the two rankings are reversed.
  CHECK(c.tau[0][2] == -1.0);
  CHECK(c.tau[2][2] == 1.0);
}

TEST_CASE("when every method fails, the first error is thrown", "[comparison]") {
  const std::string framework = R"(framework: negative
title: Negative
version: 1.0.0
criteria:
  - {id: a, name: A, direction: benefit, weight: 1}
options:
  - {id: x, scores: {a: -1}}
  - {id: y, scores: {a: 2}}
)";
  // No scale: a scale would be turned into value (0.4 and 0.7 on [-5, 5]), which both take.
  CHECK_THROWS_AS(compare(framework, {}, {"wpm", "waspas"}), tradeoff::Error);
}

TEST_CASE("with every option vetoed no method has a winner and no tau is defined", "[comparison]") {
  const std::string framework = kFramework + R"(rules:
  - id: nothing
    when: "true"
    veto: [a, b, c, d]
    because: none fits
)";
  const auto c = compare(framework);
  CHECK_FALSE(c.same_winner);
  CHECK(c.rank_dependent.empty());
  for (const auto& row : c.tau) {
    for (const auto& t : row) CHECK_FALSE(t.has_value());
  }
  for (const auto& r : c.results) {
    CAPTURE(r.method);
    CHECK(r.ranking.empty());
    CHECK(r.higher_is_better == (r.method != "vikor"));
  }
}
