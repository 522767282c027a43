// Sweeps (tradeoff/sensitivity.hpp): every option's score at evenly spaced values of a weight or
// an input equals a fresh evaluate() with that weight or input; the probes, the defaults, and
// the arguments refused.
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/evaluator.hpp"
#include "tradeoff/sensitivity.hpp"

using tradeoff::Evaluator;
using tradeoff::Sweep;
using tradeoff::test::load_assessment_text;
using tradeoff::test::load_text;

namespace {

// With s the share of c1, at the defaults (bonus 0, count 1): a = 1 - s, b = 0.6, c = 0.9 s
// (declared normalisation, a 0-10 scale).
const char* const kThree = R"(framework: f
inputs:
  bonus: {type: number, default: 0, min: 0, max: 4}
  count: {type: integer, default: 1, min: 0, max: 3}
criteria:
  - {id: c1, direction: benefit, scale: [0, 10], weight: 9}
  - {id: c2, direction: benefit, scale: [0, 10], weight: 11}
options:
  - {id: a, scores: {c1: 0, c2: 10}}
  - {id: b, scores: {c1: 6, c2: "6 - bonus + 0 * count"}}
  - {id: c, scores: {c1: "10 - count", c2: 0}}
rules:
  - {id: big_bonus, when: bonus > 3, veto: [b], because: Too good to be true.}
)";

/// The sweep's point k equals `expected`, option by option.
void check_point(const Sweep& s, size_t k, const tradeoff::Result& expected) {
  REQUIRE(s.options.size() == expected.options.size());
  for (size_t i = 0; i < s.options.size(); ++i) {
    CAPTURE(k, s.options[i]);
    CHECK(s.options[i] == expected.options[i].id);
    CHECK(s.score[k][i] == expected.options[i].score);
    CHECK(s.eligible[k][i] == expected.options[i].eligible);
  }
  CHECK(s.winner[k] == (expected.ranking.empty() ? "" : expected.ranking.front().option));
}

}  // namespace

TEST_CASE("a weight sweep equals evaluate() with that weight", "[sweep]") {
  const auto loaded = load_text(kThree);
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  // Three times the stated 9: 0, 9, 18, 27.
  const Sweep s = tradeoff::sweep_weight(ev, 0, 4);
  CHECK(s.kind == Sweep::Kind::Weight);
  CHECK(s.id == "c1");
  CHECK(s.at == std::vector<double>{0, 9, 18, 27});
  CHECK(s.options == std::vector<std::string>{"a", "b", "c"});
  for (size_t k = 0; k < s.at.size(); ++k) {
    const auto weighted = load_assessment_text(
        "weights: {c1: " + std::to_string(static_cast<int>(s.at[k])) + "}\n", kThree);
    check_point(s, k, tradeoff::evaluate(weighted.framework, &*weighted.assessment));
  }
  // By hand: at weight 0 (s = 0) a = 1, b = 0.6, c = 0; at 9 (s = 0.45) and 18 (s = 18/29,
  // c = 0.559) b wins; at 27 (s = 27/38, c = 0.639) c has passed b's 0.6.
  CHECK(s.score[0][0] == Approx(1).epsilon(1e-12));
  CHECK(s.score[0][1] == Approx(0.6).epsilon(1e-12));
  CHECK(s.score[0][2] == Approx(0).margin(1e-12));
  CHECK(s.winner == std::vector<std::string>{"a", "b", "b", "c"});
  CHECK(s.score[2][2] == Approx(0.9 * 18 / 29).epsilon(1e-12));
  CHECK(s.score[3][2] == Approx(0.9 * 27 / 38).epsilon(1e-12));
  CHECK(ev.stated_weight(0) == 9);  // left as found
}

TEST_CASE("a weight sweep goes up to 1 for a small weight, or to the end given", "[sweep]") {
  const auto loaded = load_text(R"(framework: f
criteria:
  - {id: c1, direction: benefit, scale: [0, 10], weight: 0.2}
  - {id: c2, direction: benefit, scale: [0, 10], weight: 0.8}
options:
  - {id: a, scores: {c1: 0, c2: 10}}
  - {id: b, scores: {c1: 10, c2: 0}}
)");
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  CHECK(tradeoff::sweep_weight(ev, 0, 3).at == std::vector<double>{0, 0.5, 1});
  const Sweep s = tradeoff::sweep_weight(ev, 1, 3, 4.0);
  CHECK(s.id == "c2");
  CHECK(s.at == std::vector<double>{0, 2, 4});
  // c2 at 0: b alone scores (c1 is all that weighs); at 2: a = 2 / 2.2, b = 0.2 / 2.2.
  CHECK(s.winner == std::vector<std::string>{"b", "a", "a"});
  CHECK(s.score[1][0] == Approx(2 / 2.2).epsilon(1e-12));
}

TEST_CASE("an input sweep equals evaluate() with that input, vetoes included", "[sweep]") {
  const auto loaded = load_text(kThree);
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  const Sweep s = tradeoff::sweep_input(ev, 0, 5);
  CHECK(s.kind == Sweep::Kind::Input);
  CHECK(s.id == "bonus");
  CHECK(s.at == std::vector<double>{0, 1, 2, 3, 4});
  for (size_t k = 0; k < s.at.size(); ++k) {
    tradeoff::EvaluateOptions options;
    options.set.emplace_back("bonus", std::to_string(static_cast<int>(s.at[k])));
    check_point(s, k, tradeoff::evaluate(loaded.framework, nullptr, options));
  }
  // By hand, at bonus 1: b's c2 is 5, b = (9 x 0.6 + 11 x 0.5) / 20 = 0.545, a = 0.55 wins;
  // at 4 the rule vetoes b (score 0, not eligible).
  CHECK(s.score[1][1] == Approx(0.545).epsilon(1e-12));
  CHECK(s.winner[1] == "a");
  CHECK_FALSE(s.eligible[4][1]);
  CHECK(s.score[4][1] == 0);
  CHECK(ev.input(0) == 0);  // left as found
}

TEST_CASE("an integer sweep probes each whole number once", "[sweep]") {
  const auto loaded = load_text(kThree);
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  const Sweep s = tradeoff::sweep_input(ev, 1, 21);
  CHECK(s.id == "count");
  CHECK(s.at == std::vector<double>{0, 1, 2, 3});
  // c's c1 is 10 - count: c = 0.45 (1 - count / 10).
  CHECK(s.score[0][2] == Approx(0.45).epsilon(1e-12));
  CHECK(s.score[3][2] == Approx(0.315).epsilon(1e-12));
}

TEST_CASE("a log sweep spaces its probes geometrically and equals evaluate() there", "[sweep]") {
  const auto loaded = load_text(R"(framework: f
inputs:
  volume: {type: number, default: 100, min: 0, max: 1000000}
  users: {type: integer, default: 5, min: 1, max: 1000}
criteria:
  - {id: cost, direction: cost, weight: 1}
  - {id: speed, direction: benefit, scale: [0, 10], weight: 1}
options:
  - {id: api, scores: {cost: "0.01 * volume + 0 * users", speed: 8}}
  - {id: own, scores: {cost: 2000, speed: 5}}
)");
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  // From 0 the sweep starts at 1,000,000 / 10,000 = 100: five probes, a decade apart.
  const Sweep s = tradeoff::sweep_input_log(ev, 0, 5);
  CHECK(s.id == "volume");
  REQUIRE(s.at.size() == 5);
  const std::vector<double> decades = {100, 1000, 10000, 100000, 1000000};
  for (size_t k = 0; k < 5; ++k) CHECK(s.at[k] == Approx(decades[k]).epsilon(1e-12));
  for (size_t k = 0; k < s.at.size(); ++k) {
    tradeoff::EvaluateOptions options;
    options.set.emplace_back("volume", std::to_string(static_cast<long>(std::lround(s.at[k]))));
    check_point(s, k, tradeoff::evaluate(loaded.framework, nullptr, options));
  }
  // The API costs 1 to 10,000 against 2,000: it wins at 100 and loses at 1,000,000.
  CHECK(s.winner.front() == "api");
  CHECK(s.winner.back() == "own");
  CHECK(ev.input(0) == 100);  // left as found
  // An integer from 1 to 1,000 over 21 probes: whole numbers, none twice, both ends.
  const Sweep u = tradeoff::sweep_input_log(ev, 1, 21);
  CHECK(u.at.front() == 1);
  CHECK(u.at.back() == 1000);
  for (size_t k = 1; k < u.at.size(); ++k) {
    CHECK(u.at[k] > u.at[k - 1]);
    CHECK(u.at[k] == std::round(u.at[k]));
  }
}

TEST_CASE("sweeps refuse what they cannot sweep", "[sweep][errors]") {
  const auto loaded = load_text(R"(framework: f
inputs:
  open: {type: number, default: 1, min: 0}
  pick: {type: choice, choices: [x, y], default: x}
criteria:
  - {id: c1, direction: benefit, scale: [0, 10], weight: 1}
options:
  - {id: a, scores: {c1: "open + 1"}}
)");
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  CHECK_THROWS_WITH(tradeoff::sweep_weight(ev, 0, 1), "a sweep needs at least 2 points");
  CHECK_THROWS_AS(tradeoff::sweep_weight(ev, 5), std::out_of_range);
  CHECK_THROWS_WITH(tradeoff::sweep_weight(ev, 0, 5, 0.0),
                    "a weight sweep needs a finite positive upper end");
  CHECK_THROWS_WITH(tradeoff::sweep_input(ev, 0),
                    "input 'open' is not a number or an integer with a declared min and max");
  CHECK_THROWS_WITH(tradeoff::sweep_input(ev, 1),
                    "input 'pick' is not a number or an integer with a declared min and max");
}
