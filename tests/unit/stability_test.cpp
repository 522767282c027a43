// Weight stability (tradeoff/sensitivity.hpp): the shares of one weight over which the winner and
// the ranking stay, on cases worked by hand; the weighted sum's closed form against the
// bisection of other methods; rules' weight effects; and the evaluator left as it was found.
#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "tradeoff/evaluator.hpp"
#include "tradeoff/sensitivity.hpp"

using tradeoff::Evaluator;
using tradeoff::WeightStability;
using tradeoff::test::check_close;
using tradeoff::test::load_text;

namespace {

// Two criteria on a 0-10 scale (declared normalisation: value = score / 10), three options:
// with s the share of c1, a = 1 - s, b = 0.6, c = s.
//   b beats a while 0.6 >= 1 - s, i.e. s >= 0.4; b beats c while s <= 0.6.
//   Weights 9 and 11: s0 = 9 / 20 = 0.45; a = 0.55, b = 0.6, c = 0.45: b wins, then a, then c.
//   a and c cross at s = 0.5: the ranking holds on [0.4, 0.5].
//   In c1's units (c2 at 11): 0.4 -> 0.4 x 11 / 0.6 = 22/3; 0.6 -> 0.6 x 11 / 0.4 = 16.5.
//   For c2 (share t = 1 - s, c1 at 9): the winner holds on [0.4, 0.6], c below (t < 0.4 is
//   s > 0.6), a above; the ranking on [0.5, 0.6]; in c2's units 0.4 x 9 / 0.6 = 6 and
//   0.6 x 9 / 0.4 = 13.5.
const char* const kThree = R"(framework: f
criteria:
  - {id: c1, direction: benefit, scale: [0, 10], weight: 9}
  - {id: c2, direction: benefit, scale: [0, 10], weight: 11}
options:
  - {id: a, scores: {c1: 0, c2: 10}}
  - {id: b, scores: {c1: 6, c2: 6}}
  - {id: c, scores: {c1: 10, c2: 0}}
)";

/// The three-option case's figures (see kThree), whatever route the weights take.
void check_three(const std::vector<WeightStability>& ws, double tolerance) {
  REQUIRE(ws.size() == 2);
  const WeightStability& c1 = ws[0];
  CHECK(c1.criterion == "c1");
  CHECK(c1.weight == 9);
  check_close(c1.share, 0.45, 1e-12);
  CHECK(std::fabs(c1.winner_low - 0.4) <= tolerance);
  CHECK(std::fabs(c1.winner_high - 0.6) <= tolerance);
  CHECK(c1.winner_below == "a");
  CHECK(c1.winner_above == "c");
  CHECK(std::fabs(c1.weight_low - 22.0 / 3) <= 1e-9 + 30 * tolerance);
  REQUIRE(c1.weight_high.has_value());
  CHECK(std::fabs(*c1.weight_high - 16.5) <= 1e-9 + 80 * tolerance);
  CHECK(std::fabs(c1.ranking_low - 0.4) <= tolerance);
  CHECK(std::fabs(c1.ranking_high - 0.5) <= tolerance);

  const WeightStability& c2 = ws[1];
  CHECK(c2.criterion == "c2");
  CHECK(c2.weight == 11);
  CHECK(std::fabs(c2.winner_low - 0.4) <= tolerance);
  CHECK(std::fabs(c2.winner_high - 0.6) <= tolerance);
  CHECK(c2.winner_below == "c");
  CHECK(c2.winner_above == "a");
  CHECK(std::fabs(c2.weight_low - 6) <= 1e-9 + 30 * tolerance);
  REQUIRE(c2.weight_high.has_value());
  CHECK(std::fabs(*c2.weight_high - 13.5) <= 1e-9 + 60 * tolerance);
  CHECK(std::fabs(c2.ranking_low - 0.5) <= tolerance);
  CHECK(std::fabs(c2.ranking_high - 0.6) <= tolerance);
}

}  // namespace

TEST_CASE("weight stability: three options, two flip points, solved in closed form",
          "[stability]") {
  const auto loaded = load_text(kThree);
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  REQUIRE(ev.method() == tradeoff::Method::Wsm);
  REQUIRE(ev.option_id(ev.winner()) == "b");
  const auto ws = tradeoff::weight_stability(ev);
  check_three(ws, 1e-12);

  // The smallest flip: c1 from 9 down to 22/3 (5/27 = 18.5%), against c1 up to 16.5 (83%),
  // c2 down to 6 (45%) or up to 13.5 (23%).
  const auto flip = tradeoff::smallest_weight_flip(ws);
  REQUIRE(flip.has_value());
  CHECK(flip->criterion == "c1");
  CHECK(flip->from == 9);
  check_close(flip->to, 22.0 / 3, 1e-12);
  check_close(flip->relative, 5.0 / 27, 1e-12);
  CHECK(flip->winner == "a");
}

TEST_CASE("weight stability: an exact tie flips at the stated weight", "[stability]") {
  // a = s, b = 1 - s with s the share of c1; at 1:1 both score 0.5 and a wins by id. a keeps
  // the lead while s >= 0.5 (c1 may rise without end, but not fall), and for c2 the mirror.
  const auto loaded = load_text(R"(framework: f
criteria:
  - {id: c1, direction: benefit, scale: [0, 10], weight: 1}
  - {id: c2, direction: benefit, scale: [0, 10], weight: 1}
options:
  - {id: a, scores: {c1: 10, c2: 0}}
  - {id: b, scores: {c1: 0, c2: 10}}
)");
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  REQUIRE(ev.option_id(ev.winner()) == "a");
  const auto ws = tradeoff::weight_stability(ev);
  REQUIRE(ws.size() == 2);
  check_close(ws[0].winner_low, 0.5, 1e-12);
  CHECK(ws[0].winner_high == 1);
  CHECK(ws[0].winner_below == "b");
  CHECK(ws[0].winner_above.empty());
  check_close(ws[0].weight_low, 1, 1e-12);
  CHECK_FALSE(ws[0].weight_high.has_value());
  check_close(ws[0].ranking_low, 0.5, 1e-12);
  CHECK(ws[0].ranking_high == 1);
  CHECK(ws[1].winner_low == 0);
  check_close(ws[1].winner_high, 0.5, 1e-12);
  CHECK(ws[1].winner_below.empty());
  CHECK(ws[1].winner_above == "b");
  CHECK(ws[1].weight_low == 0);
  REQUIRE(ws[1].weight_high.has_value());
  check_close(*ws[1].weight_high, 1, 1e-12);
  const auto flip = tradeoff::smallest_weight_flip(ws);
  REQUIRE(flip.has_value());
  CHECK(flip->criterion == "c1");  // both need no change at all; the first criterion is named
  check_close(flip->relative, 0, 1e-12, 1e-12);
  check_close(flip->to, 1, 1e-12);
  CHECK(flip->winner == "b");
}

TEST_CASE("weight stability: a winner no single weight change overturns", "[stability]") {
  // a dominates: [0, 1] for every criterion, no weight_high. Only b and c swap: b = 0.5
  // always; c = 0.8 (1 - s) for c1's share s, above b while s < 0.375; c = 0.8 t for c2's
  // share t, above b while t > 0.625.
  const auto loaded = load_text(R"(framework: f
criteria:
  - {id: c1, direction: benefit, scale: [0, 10], weight: 1}
  - {id: c2, direction: benefit, scale: [0, 10], weight: 1}
options:
  - {id: a, scores: {c1: 10, c2: 10}}
  - {id: b, scores: {c1: 5, c2: 5}}
  - {id: c, scores: {c1: 0, c2: 8}}
)");
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  const auto ws = tradeoff::weight_stability(ev);
  REQUIRE(ws.size() == 2);
  for (const auto& w : ws) {
    CAPTURE(w.criterion);
    CHECK(w.winner_low == 0);
    CHECK(w.winner_high == 1);
    CHECK(w.weight_low == 0);
    CHECK_FALSE(w.weight_high.has_value());
    CHECK(w.winner_below.empty());
    CHECK(w.winner_above.empty());
  }
  check_close(ws[0].ranking_low, 0.375, 1e-12);
  CHECK(ws[0].ranking_high == 1);
  CHECK(ws[1].ranking_low == 0);
  check_close(ws[1].ranking_high, 0.625, 1e-12);
  CHECK_FALSE(tradeoff::smallest_weight_flip(ws).has_value());
}

TEST_CASE("weight stability: bisection under WPM matches the hand-solved crossing", "[stability]") {
  // WPM: a = 2^s 8^(1-s), b = 5 (any per-column scaling cancels out of a / b). b wins while
  // s ln 2.5 + (1 - s) ln 0.625 >= 0, i.e. s >= ln 1.6 / ln 4 = 0.339036; in c1's units (c2 at
  // 1): s / (1 - s) = ln 1.6 / ln 2.5 = 0.512942. At s = 1, b (5) still beats a (2).
  const auto loaded = load_text(R"(framework: f
criteria:
  - {id: c1, direction: benefit, scale: [0, 10], weight: 1}
  - {id: c2, direction: benefit, scale: [0, 10], weight: 1}
options:
  - {id: a, scores: {c1: 2, c2: 8}}
  - {id: b, scores: {c1: 5, c2: 5}}
method: {name: wpm}
)");
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  REQUIRE(ev.option_id(ev.winner()) == "b");
  const auto ws = tradeoff::weight_stability(ev);
  REQUIRE(ws.size() == 2);
  const double crossing = std::log(1.6) / std::log(4.0);
  CHECK(std::fabs(ws[0].winner_low - crossing) <= 1e-6);
  CHECK(ws[0].winner_high == 1);
  CHECK(ws[0].winner_below == "a");
  CHECK(ws[0].winner_above.empty());
  CHECK(std::fabs(ws[0].weight_low - std::log(1.6) / std::log(2.5)) <= 1e-5);
  // For c2, the mirror: b wins while t <= 1 - 0.339036.
  CHECK(ws[1].winner_low == 0);
  CHECK(std::fabs(ws[1].winner_high - (1 - crossing)) <= 1e-6);
  CHECK(ws[1].winner_above == "a");
}

TEST_CASE("weight stability: the closed form agrees with bisection under WASPAS, lambda 1",
          "[stability]") {
  // WASPAS with lambda 1 is the weighted sum, score for score; it is scanned and bisected, the
  // weighted sum solved: every end agrees to the bisection's 1e-6.
  const auto three = load_text(kThree);
  const auto llm = tradeoff::test::load_source_file("tests/unit/data/llm_build_vs_buy_v2.yaml");
  for (const tradeoff::Framework* base : {&three.framework, &llm.framework}) {
    CAPTURE(base->id);
    tradeoff::Framework waspas = *base;
    waspas.method.name = tradeoff::Method::Waspas;
    waspas.method.lambda = 1.0;
    waspas.method.normalization = tradeoff::Normalization::Declared;
    Evaluator exact(*base, nullptr);
    Evaluator bisected(waspas, nullptr);
    exact.run();
    bisected.run();
    const auto a = tradeoff::weight_stability(exact);
    const auto b = tradeoff::weight_stability(bisected);
    REQUIRE(a.size() == base->criteria.size());
    REQUIRE(b.size() == a.size());
    for (size_t k = 0; k < a.size(); ++k) {
      CAPTURE(a[k].criterion);
      CHECK(b[k].criterion == a[k].criterion);
      CHECK(std::fabs(b[k].winner_low - a[k].winner_low) <= 1e-6);
      CHECK(std::fabs(b[k].winner_high - a[k].winner_high) <= 1e-6);
      CHECK(std::fabs(b[k].ranking_low - a[k].ranking_low) <= 1e-6);
      CHECK(std::fabs(b[k].ranking_high - a[k].ranking_high) <= 1e-6);
      CHECK(b[k].winner_below == a[k].winner_below);
      CHECK(b[k].winner_above == a[k].winner_above);
      CHECK(b[k].weight_high.has_value() == a[k].weight_high.has_value());
    }
    if (base == &three.framework) check_three(b, 1e-6);
  }
}

TEST_CASE("weight stability: weights a rule multiplies or sets are moved as used", "[stability]") {
  // The three-option case again, c1 reaching 9 through a rule: stated 4.5 and doubled, or
  // stated 1 and set to 9. The shares, the ends and the weights (as used) are the same; a set
  // weight is moved through the others.
  const std::string base = R"(framework: f
inputs:
  flag: {type: boolean, default: true}
criteria:
  - {id: c1, direction: benefit, scale: [0, 10], weight: WEIGHT}
  - {id: c2, direction: benefit, scale: [0, 10], weight: 11}
options:
  - {id: a, scores: {c1: 0, c2: 10}}
  - {id: b, scores: {c1: 6, c2: 6}}
  - {id: c, scores: {c1: 10, c2: 0}}
rules:
  - {id: r, when: flag, weight: {criterion: c1, EFFECT}, because: Weighs more.}
)";
  for (const auto& [weight, effect] :
       std::vector<std::pair<std::string, std::string>>{{"4.5", "multiply: 2"}, {"1", "set: 9"}}) {
    CAPTURE(effect);
    std::string yaml = base;
    yaml.replace(yaml.find("WEIGHT"), 6, weight);
    yaml.replace(yaml.find("EFFECT"), 6, effect);
    const auto loaded = load_text(yaml);
    Evaluator ev(loaded.framework, nullptr);
    ev.run();
    CHECK(ev.stated_weight(0) == std::stod(weight));
    CHECK(ev.weight_after_rules(0) == 9);
    check_three(tradeoff::weight_stability(ev), 1e-9);
    CHECK(ev.stated_weight(0) == std::stod(weight));  // left as found
    CHECK(ev.weight_after_rules(0) == 9);
  }
}

TEST_CASE("weight stability leaves the evaluator as it found it", "[stability]") {
  const auto loaded = tradeoff::test::load_source_file("tests/unit/data/llm_build_vs_buy_v2.yaml");
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  const std::string before = tradeoff::test::render_json(ev.result());
  const auto ws = tradeoff::weight_stability(ev);
  CHECK(ws.size() == ev.criterion_count());
  CHECK(tradeoff::test::render_json(ev.result()) == before);
  CHECK(ev.option_id(ev.winner()) == "host_open");
  for (size_t j = 0; j < ev.criterion_count(); ++j) {
    CHECK(ev.stated_weight(j) == loaded.framework.criteria[j].weight);
  }
  // Same input, same numbers.
  const auto again = tradeoff::weight_stability(ev);
  REQUIRE(again.size() == ws.size());
  for (size_t k = 0; k < ws.size(); ++k) {
    CHECK(again[k].winner_low == ws[k].winner_low);
    CHECK(again[k].winner_high == ws[k].winner_high);
    CHECK(again[k].ranking_low == ws[k].ranking_low);
    CHECK(again[k].ranking_high == ws[k].ranking_high);
  }
}

TEST_CASE("weight stability with every option vetoed is empty", "[stability]") {
  const auto loaded = load_text(R"(framework: f
inputs:
  banned: {type: boolean, default: true}
criteria:
  - {id: c1, direction: benefit, weight: 1}
options:
  - {id: a, scores: {c1: 1}}
rules:
  - {id: ban, when: banned, veto: [a], because: Banned.}
)");
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  CHECK(tradeoff::weight_stability(ev).empty());
  CHECK(ev.winner() == Evaluator::npos);
}

TEST_CASE("the smallest weight flip ignores criteria without weight", "[stability]") {
  WeightStability zero;
  zero.criterion = "zero";
  zero.weight = 0;
  zero.winner_high = 0.1;
  zero.weight_high = 2.0;
  zero.winner_above = "x";
  WeightStability ten;
  ten.criterion = "ten";
  ten.weight = 10;
  ten.winner_low = 0.2;
  ten.weight_low = 4;
  ten.winner_below = "y";
  ten.winner_high = 0.5;
  ten.weight_high = 25.0;
  ten.winner_above = "z";
  const auto flip = tradeoff::smallest_weight_flip({zero, ten});
  REQUIRE(flip.has_value());
  CHECK(flip->criterion == "ten");
  CHECK(flip->from == 10);
  CHECK(flip->to == 4);
  CHECK(flip->relative == 0.6);
  CHECK(flip->winner == "y");
  CHECK_FALSE(tradeoff::smallest_weight_flip({zero}).has_value());
}
