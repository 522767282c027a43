// Input break-even points (tradeoff/sensitivity.hpp): where along an input's declared range the
// winner changes, against cases solved by hand (two cost lines, a step, an integer, a value
// that cannot be evaluated, the built-in LLM framework's request volume), the winner under
// each value of choices, levels and booleans, and the point nearest to the current value.
#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "tradeoff/evaluator.hpp"
#include "tradeoff/sensitivity.hpp"

using tradeoff::Evaluator;
using tradeoff::InputSensitivity;
using tradeoff::test::check_close;
using tradeoff::test::load_text;

namespace {

/// Two options costing `cost_a` and `cost_b` (derived formulas of x, over 0..10,000): the
/// cheaper wins (min-max over two options gives it 1, the other 0; a tie goes to a by id).
std::string two_costs(const std::string& cost_a, const std::string& cost_b,
                      const std::string& x = "{type: number, default: 1000, min: 0, max: 10000}") {
  return "framework: f\ninputs:\n  x: " + x + "\nderived:\n  cost_a: " + cost_a +
         "\n  cost_b: " + cost_b + R"(
criteria:
  - {id: cost, direction: cost, weight: 1}
options:
  - {id: a, scores: {cost: cost_a}}
  - {id: b, scores: {cost: cost_b}}
)";
}

const InputSensitivity& find(const std::vector<InputSensitivity>& inputs, const std::string& name) {
  for (const auto& in : inputs) {
    if (in.input == name) return in;
  }
  FAIL("no input " << name);
  return inputs.front();
}

}  // namespace

TEST_CASE("break-even: two cost lines cross where solved by hand", "[break-even]") {
  // 1000 + 2x = 5000 + x at x = 4000: a is cheaper below, b above.
  const auto loaded = load_text(two_costs("1000 + 2 * x", "5000 + 1 * x"));
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  const auto inputs = tradeoff::input_break_even(ev);
  REQUIRE(inputs.size() == 1);
  const InputSensitivity& x = inputs[0];
  CHECK(x.input == "x");
  CHECK(x.type == tradeoff::InputType::Number);
  CHECK(x.current == 1000);
  CHECK(x.low == 0);
  CHECK(x.high == 10000);
  REQUIRE(x.points.size() == 1);
  CHECK(std::fabs(x.points[0].value - 4000) <= 0.001 * 10000);
  CHECK(x.points[0].before == "a");
  CHECK(x.points[0].after == "b");
  CHECK(x.winners.empty());
  // Left as found.
  CHECK(ev.input(0) == 1000);
  CHECK(ev.option_id(ev.winner()) == "a");
  CHECK(ev.result().inputs[0].origin == "default");
}

TEST_CASE("break-even: a step in a formula is found where it is, not smoothed", "[break-even]") {
  // gpus = ceil(x / 1000) at 3000 each against a flat 10,500: a costs 9,000 up to x = 3000 and
  // 12,000 just above, so b wins from just past 3000. A smooth cost of 3x would cross at 3500.
  const auto loaded = load_text(two_costs("3000 * ceil(x / 1000)", "10500"));
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  const auto inputs = tradeoff::input_break_even(ev);
  REQUIRE(inputs.size() == 1);
  REQUIRE(inputs[0].points.size() == 1);
  CHECK(std::fabs(inputs[0].points[0].value - 3000) <= 0.001 * 10000);
  CHECK(inputs[0].points[0].before == "a");
  CHECK(inputs[0].points[0].after == "b");
}

TEST_CASE("break-even: integers probe whole numbers", "[break-even]") {
  // 10 n against 75: a wins up to n = 7 (70), b from n = 8 (80); the point is the first value
  // at which b wins.
  const auto loaded =
      load_text(two_costs("10 * x", "75", "{type: integer, default: 2, min: 0.5, max: 20.5}"));
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  const auto inputs = tradeoff::input_break_even(ev);
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0].type == tradeoff::InputType::Integer);
  CHECK(inputs[0].low == 1);  // the whole numbers inside 0.5..20.5
  CHECK(inputs[0].high == 20);
  REQUIRE(inputs[0].points.size() == 1);
  CHECK(inputs[0].points[0].value == 8);
  CHECK(inputs[0].points[0].before == "a");
  CHECK(inputs[0].points[0].after == "b");
}

TEST_CASE("break-even: a value that cannot be evaluated has no winner", "[break-even]") {
  // 1 / (x - 5000) fails at x = 5000, a probe of the scan: no winner there, a on both sides.
  const auto loaded = load_text(two_costs("1", "2 + 0 * (1 / (x - 5000))"));
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  const auto inputs = tradeoff::input_break_even(ev);
  REQUIRE(inputs.size() == 1);
  const auto& points = inputs[0].points;
  REQUIRE(points.size() == 2);
  CHECK(std::fabs(points[0].value - 5000) <= 0.001 * 10000);
  CHECK(points[0].before == "a");
  CHECK(points[0].after.empty());
  CHECK(std::fabs(points[1].value - 5000) <= 0.001 * 10000);
  CHECK(points[1].before.empty());
  CHECK(points[1].after == "a");
  CHECK(points[0].value < points[1].value);
  CHECK(ev.option_id(ev.winner()) == "a");
}

TEST_CASE("break-even: the winner under each choice, level and boolean", "[break-even]") {
  const auto loaded = load_text(R"(framework: f
inputs:
  region: {type: choice, choices: [eu, us, asia], default: eu}
  unranged: {type: number, default: 1}
  cheap_b: {type: boolean, default: false}
  team: {type: level, levels: [none, some, expert], default: some}
criteria:
  - {id: c, direction: benefit, scale: [0, 10], weight: 1}
options:
  - {id: a, scores: {c: 6}}
  - {id: b, scores: {c: "if(cheap_b, 8, 4) + 0 * unranged"}}
rules:
  - {id: no_a_in_us, when: region == "us", veto: [a], because: Not sold there.}
  - {id: nobody, when: team == "none", veto: [a, b], because: No one to run either.}
)");
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  const auto inputs = tradeoff::input_break_even(ev);
  REQUIRE(inputs.size() == 3);  // a number without a declared range is not scanned
  using Winners = std::vector<std::pair<std::string, std::string>>;
  CHECK(inputs[0].input == "region");
  CHECK(inputs[0].type == tradeoff::InputType::Choice);
  CHECK(inputs[0].current == 0);
  CHECK(inputs[0].winners == Winners{{"eu", "a"}, {"us", "b"}, {"asia", "a"}});
  CHECK(inputs[1].input == "cheap_b");
  CHECK(inputs[1].winners == Winners{{"false", "a"}, {"true", "b"}});
  CHECK(inputs[2].input == "team");
  CHECK(inputs[2].current == 1);
  CHECK(inputs[2].winners == Winners{{"none", ""}, {"some", "a"}, {"expert", "a"}});
  for (const auto& in : inputs) CHECK(in.points.empty());
  CHECK(ev.input(0) == 0);
  CHECK(ev.input(3) == 1);
  CHECK(ev.option_id(ev.winner()) == "a");
}

TEST_CASE("break-even on the built-in LLM framework: the request volume, by hand", "[break-even]") {
  // Hosting an open model wins at the defaults; its annual cost is its GPUs for the peak
  // load, gpus = max(2, ceil(2 x R x 250 / 86400 / (2657 x 0.3))), at 3.90 x 8760 = 34,164 USD a
  // GPU-year, plus one engineer (200,000). Nothing else of hosting's or of distilling's score
  // depends on R (distilling's single small-model GPU lasts up to R = 1,020,938), so the winner
  // can change only where the GPU count steps. The fifth GPU lasts up to
  //   R* = 5 x 2657 x 0.3 x 86400 / 500 = 688,694.4 requests a day,
  // and on both sides of R* the weighted sums (weights summing to 94) are, criterion by
  // criterion (time, cost, upfront, moat, flexibility, lock-in, data, expertise, risk):
  //   host_open:       14 x 0.7 + 16 x v(cost) + 8 x 0.725 + 10 x 0.25 + 8 x 0.75 + 10 x 1
  //                    + 12 x 1 + 8 x 0.5 + 8 x 0.5 = 54.1 + 16 v(cost)
  //   distill_student: 14 x 0.625 + 16 x v(336,164) + 8 x 0.836875 + 10 x 0.75 + 8 x 0.75
  //                    + 10 x 0.75 + 12 x 0.75 + 8 x 0.5 + 8 x 0.5 = 53.445 + 16 x 0.672877
  // with v the annual-cost value function, 0.85 - 0.3 (usd - 100,000) / 400,000 between
  // 100,000 and 500,000. Five GPUs (370,820 USD): host 64.450 > distill 64.211; six (404,984):
  // host 64.040 < distill. The winner changes at R*.
  const auto loaded = tradeoff::test::load_source_file("tests/unit/data/llm_build_vs_buy_v2.yaml");
  Evaluator ev(loaded.framework, nullptr);
  ev.run();
  const size_t volume = *ev.input_index("requests_per_day");
  const size_t host = *ev.option_index("host_open");
  const size_t distill = *ev.option_index("distill_student");
  REQUIRE(ev.winner() == host);

  const double r_star = 5 * 2657 * 0.3 * 86400 / 500;
  check_close(r_star, 688694.4, 1e-12);
  const auto value = [](double usd) { return 0.85 - 0.3 * (usd - 100000) / 400000; };
  const double gpu_year = 3.90 * 8760;
  const double host_below = (54.1 + 16 * value(5 * gpu_year + 200000)) / 94;
  const double host_above = (54.1 + 16 * value(6 * gpu_year + 200000)) / 94;
  const double distill_score =
      (53.445 + 16 * value(gpu_year + 4 * 50000 * 0.01 + 1.5 * 200000)) / 94;
  check_close(host_below * 94, 64.45016, 1e-6);
  check_close(host_above * 94, 64.04019, 1e-6);
  check_close(distill_score * 94, 64.21103, 1e-6);
  ev.set_input(volume, std::floor(r_star));
  ev.run();
  CHECK(ev.winner() == host);
  check_close(ev.score(host), host_below, 1e-12);
  check_close(ev.score(distill), distill_score, 1e-12);
  ev.set_input(volume, std::ceil(r_star));
  ev.run();
  CHECK(ev.winner() == distill);
  check_close(ev.score(host), host_above, 1e-12);
  check_close(ev.score(distill), distill_score, 1e-12);
  ev.reset();
  ev.run();

  const auto inputs = tradeoff::input_break_even(ev);
  const InputSensitivity& r = find(inputs, "requests_per_day");
  CHECK(r.unit == "requests/day");
  CHECK(r.current == 100000);
  CHECK(r.low == 0);
  CHECK(r.high == 10000000);
  REQUIRE(r.points.size() == 1);
  CHECK(std::fabs(r.points[0].value - r_star) <= 0.001 * 10000000);
  CHECK(r.points[0].before == "host_open");
  CHECK(r.points[0].after == "distill_student");
  CHECK(ev.input(volume) == 100000);
  CHECK(ev.winner() == host);
}

TEST_CASE("the nearest break-even point is measured in each input's range", "[break-even]") {
  InputSensitivity wide;
  wide.input = "wide";
  wide.current = 100;
  wide.low = 0;
  wide.high = 1000;
  wide.points = {{300, "a", "b"}, {160, "b", "c"}};  // 0.2 and 0.06 of the range away
  InputSensitivity narrow;
  narrow.input = "narrow";
  narrow.current = 5;
  narrow.low = 0;
  narrow.high = 10;
  narrow.points = {{4, "a", "d"}};  // 0.1 of the range away
  const auto nearest = tradeoff::nearest_break_even({narrow, wide});
  REQUIRE(nearest.has_value());
  CHECK(nearest->input == "wide");
  CHECK(nearest->point.value == 160);
  CHECK(nearest->point.after == "c");
  check_close(nearest->distance, 0.06, 1e-12);
  CHECK_FALSE(tradeoff::nearest_break_even({}).has_value());
  InputSensitivity choice;
  choice.input = "choice";
  choice.winners = {{"x", "a"}};
  CHECK_FALSE(tradeoff::nearest_break_even({choice}).has_value());
}
