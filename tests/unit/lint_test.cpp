// Lint (lint/*.cpp, tradeoff/lint.hpp): the interval analysis of expressions (exact ranges, and
// a sampled check that every value a formula takes lies in its range), rules that never fire
// (enumerated levels and integers, derived values, the part of the condition pointed at),
// reasons naming removed ids, the summary of unexplained scores, dates, and the built-in
// framework, whose only warnings are its stale dates.
#include "tradeoff/lint.hpp"

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "expr/check.hpp"
#include "lint/intervals.hpp"
#include "tradeoff/catalog.hpp"

using tradeoff::Diagnostic;
using tradeoff::ErrorCode;
using tradeoff::LintOptions;
using tradeoff::expr::Symbols;
using tradeoff::expr::Tree;
using tradeoff::expr::Type;
using tradeoff::linter::Interval;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Slots: x 0, y 1, flag 2, tier 3 (levels low, mid, high).
Symbols symbols() {
  Symbols s;
  s.domains = {{"tier", {"low", "mid", "high"}, true}};
  s.symbols = {{"x", Type::Number, 0, -1},
               {"y", Type::Number, 1, -1},
               {"flag", Type::Bool, 2, -1},
               {"tier", Type::Level, 3, 0}};
  return s;
}

Tree checked(const std::string& text) {
  Tree tree = tradeoff::expr::parse(text);
  REQUIRE(tradeoff::expr::check(tree, symbols(), Type::Unknown).empty());
  return tree;
}

/// The range of `text` with x, y, flag and tier in the given ranges.
Interval range(const std::string& text, Interval x, Interval y = Interval::everything(),
               Interval flag = {0, 1}, Interval tier = {0, 2}) {
  const Tree tree = checked(text);
  return tradeoff::linter::evaluate_intervals(tree, {x, y, flag, tier})[tree.root];
}

/// Within a few units in the last place: the library functions' results are widened.
void check_near(const Interval& got, double lo, double hi) {
  CAPTURE(got.lo, got.hi, lo, hi);
  CHECK(got.lo <= lo);
  CHECK(got.hi >= hi);
  CHECK(got.lo == Approx(lo).margin(1e-12));
  CHECK(got.hi == Approx(hi).margin(1e-12));
}

/// Lints `yaml` as f.yaml (and `extra` files) through an in-memory reader.
std::vector<Diagnostic> lint_text(
    const std::string& yaml, LintOptions options = {},
    const std::vector<std::pair<std::string, std::string>>& extra = {},
    const std::string& path = "f.yaml") {
  tradeoff::MemoryReader reader;
  reader.add("f.yaml", yaml);
  for (const auto& [p, text] : extra) reader.add(p, text);
  const tradeoff::Loaded loaded = tradeoff::load(reader, path);
  return tradeoff::lint(reader, loaded, options);
}

/// "line:col: message [code]" of each diagnostic.
std::vector<std::string> briefs(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) {
    out.push_back(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " +
                  d.message + " [" + std::string(tradeoff::to_string(d.code)) + "]");
  }
  return out;
}

/// A framework with the given inputs, derived values and rules, whose options every lint check
/// but the one under test leaves alone.
std::string framework(const std::string& inputs, const std::string& rules,
                      const std::string& derived = "") {
  return "framework: t\n"
         "inputs:\n" +
         inputs + (derived.empty() ? "" : "derived:\n" + derived) +
         "criteria:\n"
         "  - {id: cost, direction: cost, weight: 1}\n"
         "options:\n"
         "  - {id: a, scores: {cost: {value: 1, because: judged}}}\n"
         "  - {id: b, scores: {cost: {value: 2, because: judged}}}\n"
         "rules:\n" +
         rules;
}

}  // namespace

TEST_CASE("interval arithmetic gives exact ranges", "[lint]") {
  CHECK(range("x + y", {1, 2}, {10, 20}) == Interval{11, 22});
  CHECK(range("x - y", {1, 2}, {10, 20}) == Interval{-19, -8});
  CHECK(range("x * y", {-2, 3}, {4, 5}) == Interval{-10, 15});
  CHECK(range("-x", {-2, 3}) == Interval{-3, 2});
  CHECK(range("x * y", {0, 0}, Interval::everything()) == Interval{0, 0});
  CHECK(range("x * y", {0, 2}, {1, kInf}) == Interval{0, kInf});
  CHECK(range("x / y", {1, 4}, {2, 4}) == Interval{0.25, 2});
  CHECK(range("x / y", {1, 4}, {0, 2}) == Interval{0.5, kInf});
  CHECK(range("x / y", {-4, -1}, {0, 2}) == Interval{-kInf, -0.5});
  CHECK(range("x / y", {1, 4}, {-2, 0}) == Interval{-kInf, -0.5});
  CHECK(range("x / y", {1, 4}, {-1, 2}) == Interval::everything());
  CHECK(range("x / y", {1, 4}, {0, 0}) == Interval::everything());
  check_near(range("x ^ 2", {-3, 2}), 0, 9);
  check_near(range("x ^ 3", {-3, 2}), -27, 8);
  check_near(range("x ^ -1", {2, 4}), 0.25, 0.5);
  check_near(range("x ^ y", {1, 4}, {0.5, 2}), 1, 16);
  check_near(range("x ^ y", {0, 4}, {0, 2}), 0, 16);
  CHECK(range("x ^ y", {0, 4}, {-1, 2}) == Interval::everything());
  CHECK(range("x ^ y", {-1, 4}, {0.5, 2}) == Interval::everything());
  check_near(range("sqrt(x)", {-1, 16}), 0, 4);
  check_near(range("log(x)", {1, std::exp(2.0)}), 0, 2);
  CHECK(range("log(x)", {0, 1}).lo == -kInf);
  check_near(range("log(x, 10)", {1, 1000}), 0, 3);
  check_near(range("exp(x)", {0, 1}), 1, std::exp(1.0));
  CHECK(range("abs(x)", {-5, 3}) == Interval{0, 5});
  CHECK(range("min(x, y, 4)", {1, 9}, {2, 3}) == Interval{1, 3});
  CHECK(range("max(x, y)", {1, 9}, {2, 3}) == Interval{2, 9});
  CHECK(range("clamp(x, 0, 10)", {-5, 20}) == Interval{0, 10});
  CHECK(range("round(x)", {0.4, 2.6}) == Interval{0, 3});
  CHECK(range("floor(x) + ceil(y)", {0.5, 1.5}, {0.5, 1.5}) == Interval{1, 3});
  CHECK(range("if(flag, x, y)", {1, 2}, {5, 6}) == Interval{1, 6});
  CHECK(range("if(flag, x, y)", {1, 2}, {5, 6}, {1, 1}) == Interval{1, 2});
  CHECK(range("if(x > 3, x, y)", {1, 2}, {5, 6}) == Interval{5, 6});
}

TEST_CASE("conditions are true, false or either over the ranges", "[lint]") {
  const Interval never{0, 0};
  const Interval always{1, 1};
  const Interval either{0, 1};
  CHECK(range("x < 0", {0, 10}) == never);
  CHECK(range("x <= 0", {0, 10}) == either);
  CHECK(range("x >= 0", {0, 10}) == always);
  CHECK(range("x > 10", {0, 10}) == never);
  CHECK(range("not (x >= 0)", {0, 10}) == never);
  CHECK(range("x == 11", {0, 10}) == never);
  CHECK(range("x != 11", {0, 10}) == always);
  CHECK(range("x == 5", {5, 5}) == always);
  CHECK(range("x in [11, 12]", {0, 10}) == never);
  CHECK(range("x in [10, 12]", {0, 10}) == either);
  CHECK(range("x < 0 and flag", {0, 10}) == never);
  CHECK(range("x < 0 or flag", {0, 10}) == either);
  CHECK(range("x < 0 or flag", {0, 10}, {}, {0, 0}) == never);
  CHECK(range("tier > \"high\"", {}, {}, {0, 1}) == never);
  CHECK(range("tier >= \"mid\"", {}, {}, {0, 1}, {0, 0}) == never);
  CHECK(range("tier == \"low\" and tier == \"high\"", {}, {}, {0, 1}, {0, 0}) == never);
  // Over the whole range each comparison can hold: intervals alone cannot see the clash
  // (the rule check enumerates the levels for that).
  CHECK(range("tier == \"low\" and tier == \"high\"", {}) == either);
}

TEST_CASE("every value a formula takes lies in its range", "[lint]") {
  const std::vector<std::string> formulas = {"x * y - x / (y + 11)",
                                             "(x - y) ^ 2 + abs(x) * 3",
                                             "sqrt(x * x + 1) * log(y + 12)",
                                             "if(x > y, min(x, 2 * y), max(y, x - 4))",
                                             "clamp(x * y, -5, 5) + round(x / 3, 1)",
                                             "exp(x / 10) - y ^ 3",
                                             "floor(x) * ceil(y) / (abs(y) + 1)",
                                             "abs(x) ^ (abs(y) / 5) - x ^ -2",
                                             "x / y + log(abs(x) + 1, 10)"};
  std::mt19937 random(20261201);
  std::uniform_real_distribution<double> end(-10, 10);
  std::uniform_real_distribution<double> share(0, 1);
  for (const auto& text : formulas) {
    CAPTURE(text);
    const Tree tree = checked(text);
    for (int trial = 0; trial < 200; ++trial) {
      double a = end(random), b = end(random), c = end(random), d = end(random);
      const Interval x{std::min(a, b), std::max(a, b)};
      const Interval y{std::min(c, d), std::max(c, d)};
      const Interval r =
          tradeoff::linter::evaluate_intervals(tree, {x, y, {0, 1}, {0, 2}})[tree.root];
      for (int k = 0; k < 20; ++k) {
        const double slots[4] = {x.lo + share(random) * (x.hi - x.lo),
                                 y.lo + share(random) * (y.hi - y.lo), 0, 0};
        double v = 0;
        try {
          v = tradeoff::expr::evaluate(tree, slots);
        } catch (const tradeoff::expr::EvalError&) {
          continue;  // an error is no value
        }
        CAPTURE(x.lo, x.hi, y.lo, y.hi, slots[0], slots[1], v, r.lo, r.hi);
        CHECK(r.lo <= v);
        CHECK(v <= r.hi);
      }
    }
  }
}

TEST_CASE("rules that never fire are found, and only those", "[lint]") {
  const std::string inputs =
      "  volume: {type: number, default: 10, min: 0, max: 100}\n"
      "  price: {type: number, default: 2, min: 0.5, max: 4}\n"
      "  seats: {type: integer, default: 3, min: 1, max: 8}\n"
      "  tier: {type: level, levels: [low, mid, high], default: mid}\n"
      "  region: {type: choice, choices: [eu, us], default: eu}\n"
      "  urgent: {type: boolean, default: false}\n";
  const std::string derived = "  bill: volume * price\n";
  const std::string rules =
      "  - {id: r1, when: volume < 0, note: x, because: a}\n"
      "  - {id: r2, when: bill > 400, note: x, because: b}\n"
      "  - {id: r3, when: bill >= 400, note: x, because: c}\n"
      "  - {id: r4, when: 'region == \"eu\" and region == \"us\"', note: x, because: d}\n"
      "  - {id: r5, when: 'urgent and tier > \"high\"', note: x, because: e}\n"
      "  - {id: r6, when: 'seats * seats == 10', note: x, because: f}\n"
      "  - {id: r7, when: 'seats * seats == 9 and not urgent', note: x, because: g}\n"
      "  - {id: r8, when: 'false', note: x, because: h}\n"
      "  - {id: r9, when: 'if(urgent, volume > 200, tier == \"low\")', note: x, because: i}\n";
  const auto found = lint_text(framework(inputs, rules, derived));
  CHECK(briefs(found) ==
        std::vector<std::string>{
            "17:20: rule 'r1' never fires: its condition is false for every value the inputs "
            "may take [never-fires]",
            "18:20: rule 'r2' never fires: its condition is false for every value the inputs "
            "may take [never-fires]",
            "20:21: rule 'r4' never fires: its condition is false for every value the inputs "
            "may take [never-fires]",
            "21:32: rule 'r5' never fires: 'tier > \"high\"' is false for every value the "
            "inputs may take [never-fires]",
            "22:21: rule 'r6' never fires: its condition is false for every value the inputs "
            "may take [never-fires]",
            "24:21: rule 'r8' never fires: its condition is false for every value the inputs "
            "may take [never-fires]"});
  REQUIRE(found.size() == 6);
  CHECK(found[0].hint == "volume lies within [0, 100] (its declared min and max)");
  CHECK(found[0].length == 10);
  CHECK(found[1].hint == "bill lies within [0, 400] over the inputs' ranges");
  CHECK(found[2].hint == "region is 'eu' or 'us'");
  CHECK(found[3].hint == "tier is 'low', 'mid', or 'high'");
  CHECK(found[3].length == 13);
  CHECK(found[4].hint == "seats lies within [1, 8] (its declared min and max)");
}

TEST_CASE("levels are enumerated only up to a bound, and unbounded inputs never warn", "[lint]") {
  // 20 integer values are too many to enumerate: the interval [1, 400] of seats * seats holds
  // 10, so nothing can be claimed.
  const std::string inputs =
      "  seats: {type: integer, default: 3, min: 1, max: 20}\n"
      "  volume: {type: number, default: 3}\n";
  const std::string rules =
      "  - {id: r1, when: 'seats * seats == 10', note: x, because: a}\n"
      "  - {id: r2, when: 'volume < -1e300', note: x, because: b}\n";
  CHECK(lint_text(framework(inputs, rules)).empty());
}

TEST_CASE("a reason naming a removed id says it was removed", "[lint]") {
  const std::string yaml =
      "framework: t\n"
      "criteria:\n"
      "  - {id: cost, direction: cost, weight: 1}\n"
      "options:\n"
      "  - {id: a, scores: {cost: {value: 1, because: \"cheaper than pretrain_own\"}}}\n"
      "  - {id: b, scores: {cost: {value: 2, because: \"see docs/cost_model.md and ops_team@x.org; "
      "not old_option\"}}}\n";
  LintOptions options;
  options.removed = {{"option", "pretrain_own"}};
  const auto found = lint_text(yaml, options);
  CHECK(briefs(found) ==
        std::vector<std::string>{
            "5:62: the reason for the score of 'a' on 'cost' names 'pretrain_own', an option "
            "that this framework removes [unknown-id-in-reason]",
            "6:96: the reason for the score of 'b' on 'cost' names 'old_option', which is not an "
            "id of this framework [unknown-id-in-reason]"});
}

TEST_CASE("many options with unexplained scores get one warning", "[lint]") {
  std::string yaml =
      "framework: t\n"
      "criteria:\n"
      "  - {id: cost, direction: cost, weight: 1}\n"
      "  - {id: fit, direction: benefit, scale: [1, 5], weight: 1}\n"
      "options:\n";
  for (int k = 1; k <= 7; ++k) {
    yaml += "  - {id: o" + std::to_string(k) + ", scores: {cost: {value: " + std::to_string(k) +
            ", because: measured}, fit: " + std::to_string(1 + k % 5) + "}}\n";
  }
  CHECK(briefs(lint_text(yaml)) ==
        std::vector<std::string>{"6:60: 7 of the 14 scores give no reason (because) or source, "
                                 "in 7 options: 'o1', 'o2', 'o3' and 4 more "
                                 "[unexplained-score]"});
}

TEST_CASE("dates are calendar dates", "[lint]") {
  CHECK(tradeoff::day_number("1970-01-01") == 0L);
  CHECK(tradeoff::day_number("2000-03-01") == 11017L);
  CHECK(tradeoff::day_number("2026-12-02") == 20789L);
  CHECK(tradeoff::day_number("2024-02-29") == 19782L);
  CHECK_FALSE(tradeoff::day_number("2026-02-29"));
  CHECK_FALSE(tradeoff::day_number("2026-13-01"));
  CHECK_FALSE(tradeoff::day_number("2026-1-01"));
  CHECK_FALSE(tradeoff::day_number("yesterday"));
}

TEST_CASE("an assessment's data are judged on its own date, else on today", "[lint]") {
  const std::string fw =
      "framework: t\n"
      "inputs:\n"
      "  price: {type: number, default: 2, min: 0}\n"
      "criteria:\n"
      "  - {id: cost, direction: cost, weight: 1}\n"
      "options:\n"
      "  - {id: a, scores: {cost: {value: price, because: priced}}}\n"
      "  - {id: b, scores: {cost: {value: 2, because: quoted}}}\n";
  const std::string dated =
      "assessment: x\nframework: f.yaml\ndate: 2025-06-01\n"
      "inputs:\n  price: {value: 3, as_of: 2024-06-01}\n";
  LintOptions options;
  options.today = "2026-12-01";
  // 365 days old on its date is not past the default limit of 365 days.
  CHECK(lint_text(fw, options, {{"a.yaml", dated}}, "a.yaml").empty());
  options.max_age_days = 364;
  CHECK(briefs(lint_text(fw, options, {{"a.yaml", dated}}, "a.yaml")) ==
        std::vector<std::string>{"5:28: the answer to input 'price' is as of 2024-06-01: 365 "
                                 "days old on 2025-06-01, the assessment's date, past the limit "
                                 "of 364 days [stale]"});
  const std::string undated =
      "assessment: x\nframework: f.yaml\n"
      "inputs:\n  price: {value: 3, as_of: 2025-06-01}\n";
  CHECK(briefs(lint_text(fw, options, {{"a.yaml", undated}}, "a.yaml")) ==
        std::vector<std::string>{"4:28: the answer to input 'price' is as of 2025-06-01: 548 "
                                 "days old on 2026-12-01, past the limit of 364 days [stale]"});
  options.today.clear();  // no day to judge on: no age check
  CHECK(lint_text(fw, options, {{"a.yaml", undated}}, "a.yaml").empty());
}

TEST_CASE("the built-in framework's only warnings are its stale dates", "[lint]") {
  tradeoff::FileReader reader;
  const tradeoff::Loaded loaded =
      tradeoff::load(reader, "builtin:frameworks/llm_build_vs_buy.yaml");
  LintOptions options;
  options.today = "2026-12-02";
  const auto found = tradeoff::lint(reader, loaded, options);
  CHECK(found.size() == 13);
  for (const auto& d : found) {
    CAPTURE(d.message);
    CHECK(d.code == ErrorCode::Stale);
    CHECK(d.severity == tradeoff::Severity::Warning);
  }
  options.max_age_days = 100000;
  CHECK(tradeoff::lint(reader, loaded, options).empty());
}
