// The explanation (explain.hpp) as evaluate() builds it: winner, runner-up, margin, tie,
// decisive and trailing criteria, and the summary sentence.
#include "explain/explain.hpp"

#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"

using Catch::Matchers::WithinAbs;
using tradeoff::Explanation;
using tradeoff::detail::format_margin;
using tradeoff::test::evaluate_text;

namespace {

constexpr double kEps = 1e-12;

/// Three criteria on declared scales, weights 2 : 1 : 1 -> 0.5, 0.25, 0.25.
const std::string kCriteria =
    R"(framework: pick
criteria:
  - id: quality
    name: Quality
    direction: benefit
    scale: [0, 10]
    weight: 2
  - id: cost
    name: Annual cost
    direction: cost
    scale: [0, 100]
    weight: 1
  - id: support
    name: Vendor support
    direction: benefit
    scale: [0, 10]
    weight: 1
options:
)";

Explanation explain_text(const std::string& yaml, const tradeoff::EvaluateOptions& opt = {}) {
  return evaluate_text(yaml, opt).explanation;
}

std::vector<std::string> ids(const std::vector<tradeoff::Driver>& drivers) {
  std::vector<std::string> out;
  for (const auto& d : drivers) out.push_back(d.criterion);
  return out;
}

}  // namespace

TEST_CASE("the winner leads on some criteria and trails on others", "[explain]") {
  // alpha: 0.5*0.8 + 0.25*0.4 + 0.25*0.4 = 0.4 + 0.1   + 0.1  = 0.6
  // beta:  0.5*0.6 + 0.25*0.8 + 0.25*0.6 = 0.3 + 0.2   + 0.15 = 0.65
  // gamma: 0.5*0.2 + 0.25*0.5 + 0.25*0.2 = 0.1 + 0.125 + 0.05 = 0.275
  // beta - alpha: quality -0.1, cost +0.1, support +0.05
  const auto e = explain_text(kCriteria +
                              R"(  - id: alpha
    scores: {quality: 8, cost: 60, support: 4}
  - id: beta
    scores: {quality: 6, cost: 20, support: 6}
  - id: gamma
    scores: {quality: 2, cost: 50, support: 2}
)");
  CHECK(e.winner == "beta");
  CHECK(e.runner_up == "alpha");
  CHECK_FALSE(e.tie);
  CHECK_THAT(e.margin, WithinAbs(0.05, kEps));
  REQUIRE(ids(e.decisive) == std::vector<std::string>{"cost", "support"});
  CHECK_THAT(e.decisive[0].difference, WithinAbs(0.1, kEps));
  CHECK_THAT(e.decisive[1].difference, WithinAbs(0.05, kEps));
  REQUIRE(ids(e.trailing) == std::vector<std::string>{"quality"});
  CHECK_THAT(e.trailing[0].difference, WithinAbs(-0.1, kEps));
  // Leads: cost alone covers 0.1 of 0.15 (>= 60%); names are lower-cased.
  CHECK(e.summary ==
        "beta ranks first, 0.0500 ahead of alpha, mostly on annual cost; it trails "
        "on quality.");
}

TEST_CASE("a winner that never trails is at least as good on every criterion", "[explain]") {
  // x: 0.5*0.8  + 0.25*0.8 + 0.25*0.6 = 0.4  + 0.2 + 0.15 = 0.75
  // y: 0.5*0.7  + 0.25*0.4 + 0.25*0.6 = 0.35 + 0.1 + 0.15 = 0.6
  // x - y: quality +0.05, cost +0.1, support 0 (neither decisive nor trailing)
  const auto e = explain_text(kCriteria +
                              R"(  - id: x
    scores: {quality: 8, cost: 20, support: 6}
  - id: y
    scores: {quality: 7, cost: 60, support: 6}
)");
  CHECK(e.winner == "x");
  CHECK(e.runner_up == "y");
  CHECK_THAT(e.margin, WithinAbs(0.15, kEps));
  CHECK(ids(e.decisive) == std::vector<std::string>{"cost", "quality"});
  CHECK(e.trailing.empty());
  CHECK(e.summary ==
        "x ranks first, 0.1500 ahead of y, mostly on annual cost; it is at least as "
        "good as y on every criterion.");
}

TEST_CASE("the summary names the few biggest drivers, at most three", "[explain]") {
  SECTION("two drivers are needed to reach 60%") {
    // Differences: cost 0.25*(0.6 - 0.4) = 0.05, support 0.25*(0.66 - 0.5) = 0.04; total
    // 0.09, of which cost covers 56% (< 60%), so support is named too.
    const auto e = explain_text(kCriteria +
                                R"(  - id: x
    scores: {quality: 5, cost: 40, support: 6.6}
  - id: y
    scores: {quality: 5, cost: 60, support: 5}
)");
    CHECK(ids(e.decisive) == std::vector<std::string>{"cost", "support"});
    CHECK_THAT(e.margin, WithinAbs(0.09, kEps));
    CHECK(e.summary ==
          "x ranks first, 0.0900 ahead of y, mostly on annual cost and vendor "
          "support; it is at least as good as y on every criterion.");
  }
  SECTION("six equal drivers are cut at three, in framework order") {
    std::string yaml = "framework: six\ncriteria:\n";
    for (const auto& [id, name] :
         std::vector<std::pair<std::string, std::string>>{{"speed", "Speed"},
                                                          {"safety", "Safety"},
                                                          {"style", "Style"},
                                                          {"space", "Space"},
                                                          {"sound", "Sound"},
                                                          {"smell", "Smell"}}) {
      yaml += "  - id: " + id + "\n    name: " + name +
              "\n    direction: benefit\n    scale: [0, 10]\n    weight: 1\n";
    }
    yaml += R"(options:
  - id: x
    scores: {speed: 6, safety: 6, style: 6, space: 6, sound: 6, smell: 6}
  - id: y
    scores: {speed: 5, safety: 5, style: 5, space: 5, sound: 5, smell: 5}
)";
    const auto e = explain_text(yaml);
    // Each criterion: (1/6) * 0.6 - (1/6) * 0.5; three cover 50% < 60%, but the list stops.
    CHECK(e.decisive.size() == 6);
    CHECK(e.summary ==
          "x ranks first, 0.1000 ahead of y, mostly on speed, safety, and style; it "
          "is at least as good as y on every criterion.");
  }
}

TEST_CASE("a tie for first place is said as such", "[explain]") {
  SECTION("with different strengths") {
    // a: 0.5*0.8 + 0.25*0.4 + 0.25*0 = 0.5; b: 0.5*0.6 + 0.25*0.8 + 0.25*0 = 0.5
    const auto e = explain_text(kCriteria +
                                R"(  - id: b
    scores: {quality: 6, cost: 20, support: 0}
  - id: a
    scores: {quality: 8, cost: 60, support: 0}
)");
    CHECK(e.winner == "a");  // tied options are ordered by id
    CHECK(e.runner_up == "b");
    CHECK(e.tie);
    CHECK(e.margin == 0.0);
    CHECK(ids(e.decisive) == std::vector<std::string>{"quality"});
    CHECK(ids(e.trailing) == std::vector<std::string>{"cost"});
    CHECK(e.summary ==
          "a and b tie for first place at 0.5000; a is stronger on quality, b on annual cost.");
  }
  SECTION("with identical scores") {
    const auto e = explain_text(kCriteria +
                                R"(  - id: b
    scores: {quality: 6, cost: 20, support: 3}
  - id: a
    scores: {quality: 6, cost: 20, support: 3}
)");
    // 0.3 + 0.2 + 0.075 = 0.575
    CHECK(e.tie);
    CHECK(e.decisive.empty());
    CHECK(e.trailing.empty());
    CHECK(e.summary == "a and b tie for first place at 0.5750.");
  }
}

TEST_CASE("a single option is the only eligible one", "[explain]") {
  const auto e =
      explain_text(kCriteria + "  - id: solo\n    scores: {quality: 6, cost: 20, support: 3}\n");
  CHECK(e.winner == "solo");
  CHECK(e.runner_up.empty());
  CHECK_FALSE(e.tie);
  CHECK(e.margin == 0.0);
  CHECK(e.decisive.empty());
  CHECK(e.trailing.empty());
  CHECK(e.summary == "solo is the only eligible option, so it ranks first.");
}

TEST_CASE("a tiny margin is written in scientific notation", "[explain]") {
  const std::string yaml =
      R"(framework: tiny
criteria:
  - id: quality
    name: Quality
    direction: benefit
    scale: [0, 1000000]
    weight: 1
options:
  - id: a
    scores: {quality: 500001}
  - id: b
    scores: {quality: 500000}
)";
  const auto e = explain_text(yaml);
  // 0.500001 - 0.5 = 1e-6: bigger than the tie tolerance, too small for four decimals.
  CHECK_THAT(e.margin, WithinAbs(1e-6, 1e-15));
  CHECK(e.summary ==
        "a ranks first, 1e-06 ahead of b, mostly on quality; it is at least as good "
        "as b on every criterion.");
}

TEST_CASE("under WPM the drivers are differences of log contributions", "[explain]") {
  // max normalisation: quality [8, 6] / 8 = [1, 0.75]; support [4, 6] / 6 = [2/3, 1];
  // cost min / x = [20/60, 20/20] = [1/3, 1].
  // ln scores: a = 0.5 ln 1 + 0.25 ln(1/3) + 0.25 ln(2/3) = -0.27465307 - 0.10136628 = -0.37601935
  //            b = 0.5 ln 0.75 + 0 + 0                                                 =
  //            -0.14384104
  // b wins: 0.75^0.5 - (2/9)^0.25 = 0.866025403784 - 0.686589047969 = 0.179436355815
  // b - a: quality 0.5 ln 0.75 = -0.14384104; cost 0.25 ln 3 = +0.27465307;
  //        support -0.25 ln(2/3) = +0.10136628
  // The criteria have scales, which WPM would take as value ((x - low) / (high - low)): the
  // max normalisation is chosen for all of them.
  tradeoff::EvaluateOptions opt;
  opt.method = tradeoff::Method::Wpm;
  opt.normalization = tradeoff::Normalization::Max;
  const auto e = explain_text(kCriteria +
                                  R"(  - id: a
    scores: {quality: 8, cost: 60, support: 4}
  - id: b
    scores: {quality: 6, cost: 20, support: 6}
)",
                              opt);
  CHECK(e.winner == "b");
  CHECK_THAT(e.margin, WithinAbs(0.179436355815, 1e-11));
  REQUIRE(ids(e.decisive) == std::vector<std::string>{"cost", "support"});
  CHECK_THAT(e.decisive[0].difference, WithinAbs(0.274653072, 1e-9));
  CHECK_THAT(e.decisive[1].difference, WithinAbs(0.101366277, 1e-9));
  REQUIRE(ids(e.trailing) == std::vector<std::string>{"quality"});
  CHECK_THAT(e.trailing[0].difference, WithinAbs(-0.143841036, 1e-9));
  CHECK(e.summary ==
        "b ranks first, 0.1794 ahead of a, mostly on annual cost; it trails on "
        "quality.");
}

TEST_CASE("format_margin: four decimals, or two significant digits when tiny", "[explain]") {
  struct Case {
    double margin;
    const char* text;
  };
  const std::vector<Case> cases = {
      {0.041, "0.0410"},       {0.0, "0.0000"},       {1.5, "1.5000"},
      {12.34567, "12.3457"},   {3.2e-6, "3.2e-06"},   {4e-5, "4e-05"},
      {1.23456e-7, "1.2e-07"}, {-3.2e-6, "-3.2e-06"}, {0.0001, "0.0001"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.margin);
    CHECK(format_margin(c.margin) == c.text);
  }
}
