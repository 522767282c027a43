// Rules (load/rules_loader, evaluate.cpp): every effect with its trace (before, after, operand,
// clamping, text), rules that do not fire, file order of effects, conflicts, weights made
// negative or all zero, and every option vetoed. Runtime and loading errors: rules_errors_test.cpp.
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "rules_cases.hpp"
#include "test_support.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"

using tradeoff::Diagnostic;
using tradeoff::EffectTrace;
using tradeoff::ErrorCode;
using tradeoff::Result;
using tradeoff::RuleTrace;
using tradeoff::Severity;
using tradeoff::test::brief;
using tradeoff::test::evaluate_text;
using tradeoff::test::expect_error;
using tradeoff::test::load_text;
using tradeoff::test::rules_cases::evaluation_error;
using tradeoff::test::rules_cases::kBase;

namespace {

using Bindings = std::vector<std::pair<std::string, std::string>>;

Result run(const std::string& rules, const tradeoff::EvaluateOptions& opt = {}) {
  return evaluate_text(kBase + rules, opt);
}

struct Effect {
  std::string kind;
  std::string option;
  std::string criterion;
  double operand;
  double before;
  double after;
  bool clamped;
  std::string text;
};

void check_effects(const RuleTrace& trace, const std::vector<Effect>& expected) {
  CAPTURE(trace.id);
  REQUIRE(trace.effects.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    const EffectTrace& e = trace.effects[i];
    CHECK(e.kind == expected[i].kind);
    CHECK(e.option == expected[i].option);
    CHECK(e.criterion == expected[i].criterion);
    CHECK(e.operand == expected[i].operand);
    CHECK(e.before == expected[i].before);
    CHECK(e.after == expected[i].after);
    CHECK(e.clamped == expected[i].clamped);
    CHECK(e.text == expected[i].text);
  }
}

std::vector<double> raw(const Result& r, const std::string& option) {
  const auto* o = r.option(option);
  REQUIRE(o != nullptr);
  return o->raw;
}

}  // namespace

// --- effects and their trace ---------------------------------------------------------------------

TEST_CASE("score effects add, multiply or set, on one option or a list", "[rules]") {
  const Result r = run(
      R"(  - id: add_one
    when: skill == "basic"
    adjust: {option: build_own, criterion: speed, add: 1}
    because: Basic skills help building
  - id: scale_list
    when: team < 5
    adjust:
      - {option: [buy_api, build_own], criterion: price, multiply: 1.5}
      - {option: [host_open], criterion: speed, set: team - 1}
    because: Small teams pay more
)");
  REQUIRE(r.rules.size() == 2);
  CHECK(r.rules[0].id == "add_one");
  CHECK(r.rules[0].fired);
  CHECK(r.rules[0].when == "skill == \"basic\"");
  CHECK(r.rules[0].because == "Basic skills help building");
  CHECK(r.rules[0].bindings == Bindings{{"skill", "basic"}});
  check_effects(r.rules[0],
                {{"add", "build_own", "speed", 1, 2, 3, false, "build_own on speed: 2 -> 3"}});
  CHECK(r.rules[1].bindings == Bindings{{"team", "3"}});
  check_effects(
      r.rules[1],
      {{"multiply", "buy_api", "price", 1.5, 100, 150, false, "buy_api on price: 100 -> 150"},
       {"multiply", "build_own", "price", 1.5, 50, 75, false, "build_own on price: 50 -> 75"},
       {"set", "host_open", "speed", 2, 3, 2, false, "host_open on speed: 3 -> 2"}});
  CHECK(raw(r, "buy_api") == std::vector<double>{4, 150});
  CHECK(raw(r, "build_own") == std::vector<double>{3, 75});
  CHECK(raw(r, "host_open") == std::vector<double>{2, 80});
  // Scores changed by rules are not assessment overrides.
  CHECK(r.option("buy_api")->overridden == std::vector<bool>{false, false});
  CHECK(r.warnings.empty());
}

TEST_CASE("weight effects multiply or set a criterion's weight", "[rules]") {
  const Result r = run(
      R"(  - id: weights
    when: requests > 1000
    weight:
      - {criterion: price, multiply: 3}
      - {criterion: speed, set: 1.5}
    because: Volume makes price matter
)");
  REQUIRE(r.rules.size() == 1);
  CHECK(r.rules[0].bindings == Bindings{{"requests", "250,000"}});
  check_effects(r.rules[0],
                {{"weight_multiply", "", "price", 3, 1, 3, false, "weight of price: 1 -> 3"},
                 {"weight_set", "", "speed", 1.5, 2, 1.5, false, "weight of speed: 2 -> 1.5"}});
  REQUIRE(r.criteria.size() == 2);
  CHECK(r.criteria[0].weight == 1.5);
  CHECK(r.criteria[0].normalized_weight == 1.5 / 4.5);
  CHECK(r.criteria[0].weight_origin == "rule weights");
  CHECK(r.criteria[1].weight == 3);
  CHECK(r.criteria[1].normalized_weight == 3 / 4.5);
  CHECK(r.criteria[1].weight_origin == "rule weights");
}

TEST_CASE("vetoes remove options from the ranking, once", "[rules]") {
  const Result r = run(
      R"(  - id: veto_one
    when: skill != "expert"
    veto: host_open
    because: Hosting needs experts
  - id: veto_list
    when: team < 10
    veto: [build_own, host_open]
    because: Building needs a team
)");
  check_effects(r.rules[0], {{"veto", "host_open", "", 0, 0, 0, false, "vetoes host_open"}});
  check_effects(r.rules[1],
                {{"veto", "build_own", "", 0, 0, 0, false, "vetoes build_own"},
                 {"veto", "host_open", "", 0, 0, 0, false, "host_open was already vetoed"}});
  // The first veto is the one recorded.
  REQUIRE(r.vetoed.size() == 2);
  CHECK(r.vetoed[0].option == "host_open");
  CHECK(r.vetoed[0].rule == "veto_one");
  CHECK(r.vetoed[0].because == "Hosting needs experts");
  CHECK(r.vetoed[1].option == "build_own");
  CHECK(r.vetoed[1].rule == "veto_list");
  REQUIRE(r.ranking.size() == 1);
  CHECK(r.ranking[0].option == "buy_api");
  CHECK(r.option("host_open")->eligible == false);
  CHECK(r.option("host_open")->rank == 0);
  CHECK(r.option("build_own")->rank == 0);
  CHECK(r.option("buy_api")->rank == 1);
  CHECK(r.explanation.summary == "buy_api is the only eligible option, so it ranks first.");
}

TEST_CASE("notes fill their placeholders with values as people read them", "[rules]") {
  // Escaped rather than a raw string: the note's line is longer than the 100-column limit.
  const Result r =
      run("  - id: advice\n"
          "    when: true\n"
          "    note: \"{per_head} requests a head at {skill} skill ({team} people, {requests} a "
          "day); {not closed\"\n"
          "    because: Explain\n"
          "  - id: quiet\n"
          "    when: false\n"
          "    note: never shown\n"
          "    because: Nothing\n");
  const std::string text =
      "83,333 requests a head at basic skill (3 people, 250,000 a day); {not closed";
  check_effects(r.rules[0], {{"note", "", "", 0, 0, 0, false, "note: " + text}});
  CHECK(r.rules[0].bindings.empty());
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].rule == "advice");
  CHECK(r.notes[0].text == text);
}

TEST_CASE("rules that do not fire are traced with the values they read", "[rules]") {
  const Result r = run(
      R"(  - id: never
    when: team > 100 or skill == "expert" and per_head < 10
    veto: buy_api
    adjust: {option: buy_api, criterion: speed, add: zero / zero}
    because: Never fires
)");
  REQUIRE(r.rules.size() == 1);
  const RuleTrace& t = r.rules[0];
  CHECK(t.id == "never");
  CHECK_FALSE(t.fired);
  CHECK(t.when == "team > 100 or skill == \"expert\" and per_head < 10");
  CHECK(t.bindings == Bindings{{"team", "3"}, {"skill", "basic"}, {"per_head", "83,333"}});
  CHECK(t.effects.empty());
  CHECK(r.vetoed.empty());
  CHECK(raw(r, "buy_api") == std::vector<double>{4, 100});
}

TEST_CASE("effects apply in the order written, within a rule and across rules", "[rules]") {
  const Result r = run(
      R"(  - id: first
    when: true
    note: starts
    adjust:
      - {option: buy_api, criterion: price, add: 10}
      - {option: buy_api, criterion: price, multiply: 2}
    weight: {criterion: price, multiply: 2}
    veto: host_open
    because: One
  - id: second
    when: true
    weight: {criterion: price, set: 5}
    adjust:
      - {option: buy_api, criterion: price, multiply: 2}
      - {option: buy_api, criterion: price, add: 10}
    because: Two
)");
  check_effects(
      r.rules[0],
      {{"note", "", "", 0, 0, 0, false, "note: starts"},
       {"add", "buy_api", "price", 10, 100, 110, false, "buy_api on price: 100 -> 110"},
       {"multiply", "buy_api", "price", 2, 110, 220, false, "buy_api on price: 110 -> 220"},
       {"weight_multiply", "", "price", 2, 1, 2, false, "weight of price: 1 -> 2"},
       {"veto", "host_open", "", 0, 0, 0, false, "vetoes host_open"}});
  check_effects(
      r.rules[1],
      {{"weight_set", "", "price", 5, 2, 5, false, "weight of price: 2 -> 5"},
       {"multiply", "buy_api", "price", 2, 220, 440, false, "buy_api on price: 220 -> 440"},
       {"add", "buy_api", "price", 10, 440, 450, false, "buy_api on price: 440 -> 450"}});
  CHECK(raw(r, "buy_api") == std::vector<double>{4, 450});
  CHECK(r.criteria[1].weight == 5);
  CHECK(r.criteria[1].weight_origin == "rule second");
}

TEST_CASE("scores changed by rules are kept within the criterion's scale", "[rules]") {
  const Result r = run(
      R"(  - id: clamp
    when: true
    adjust:
      - {option: [buy_api, host_open], criterion: speed, add: 1.5}
      - {option: build_own, criterion: speed, set: 0}
      - {option: host_open, criterion: speed, multiply: 10}
      - {option: build_own, criterion: price, multiply: -2}
    because: Clamp
)");
  const std::string kept = " (kept within the scale [1, 5])";
  check_effects(
      r.rules[0],
      {{"add", "buy_api", "speed", 1.5, 4, 5, true, "buy_api on speed: 4 -> 5" + kept},
       {"add", "host_open", "speed", 1.5, 3, 4.5, false, "host_open on speed: 3 -> 4.5"},
       {"set", "build_own", "speed", 0, 2, 1, true, "build_own on speed: 2 -> 1" + kept},
       {"multiply", "host_open", "speed", 10, 4.5, 5, true, "host_open on speed: 4.5 -> 5" + kept},
       // Price has no scale: nothing to keep it within.
       {"multiply", "build_own", "price", -2, 50, -100, false, "build_own on price: 50 -> -100"}});
}

TEST_CASE("adjust and weight values can be expressions", "[rules]") {
  tradeoff::EvaluateOptions opt;
  opt.set = {{"skill", "expert"}, {"team", "6"}};
  const Result r = run(
      R"(  - id: computed
    when: per_head > 1000
    adjust:
      - {option: buy_api, criterion: price, add: per_head / 1000}
      - {option: build_own, criterion: speed, set: 'if(skill >= "solid", 5, 2)'}
    weight: {criterion: speed, multiply: team / 4}
    because: Computed
)",
      opt);
  check_effects(r.rules[0],
                {{"add", "buy_api", "price", 250000.0 / 6 / 1000, 100, 100 + 250000.0 / 6 / 1000,
                  false, "buy_api on price: 100 -> 141.667"},
                 {"set", "build_own", "speed", 5, 2, 5, false, "build_own on speed: 2 -> 5"},
                 {"weight_multiply", "", "speed", 1.5, 2, 3, false, "weight of speed: 2 -> 3"}});
}

// --- conflicts and invalid outcomes -----------------------------------------------------------

TEST_CASE("two rules setting a score or weight differently give one warning each", "[rules]") {
  // Rules first, second and third start on lines 25, 30 and 35; second's adjust is on line 32,
  // third's weight on line 37.
  const Result r = run(
      R"(  - id: first
    when: true
    adjust: {option: buy_api, criterion: speed, set: 2}
    weight: {criterion: speed, set: 4}
    because: One
  - id: second
    when: true
    adjust: {option: [buy_api, build_own], criterion: speed, set: 3}
    weight: {criterion: speed, set: 4}
    because: Two
  - id: third
    when: skill == "basic"
    weight: {criterion: speed, set: 1 + 1}
    because: Three
)");
  REQUIRE(r.warnings.size() == 2);
  CHECK(brief(r.warnings[0]) ==
        "32:13: rules 'first' and 'second' set the score of 'buy_api' on 'speed' differently (2 "
        "and 3); the later rule, 'second', wins");
  CHECK(r.warnings[0].severity == Severity::Warning);
  CHECK(r.warnings[0].code == ErrorCode::Conflict);
  CHECK(r.warnings[0].where.file == "f.yaml");
  CHECK(brief(r.warnings[1]) ==
        "37:13: rules 'second' and 'third' set the weight of 'speed' differently (4 and 2); the "
        "later rule, 'third', wins");
  CHECK(r.warnings[1].code == ErrorCode::Conflict);
  CHECK(raw(r, "buy_api")[0] == 3);
  CHECK(r.criteria[0].weight == 2);
  // The same value set twice is no conflict.
  const Result same = run(
      R"(  - id: first
    when: true
    adjust: {option: buy_api, criterion: speed, set: 3}
    because: One
  - id: second
    when: true
    adjust: {option: buy_api, criterion: speed, set: 6 / 2}
    because: Two
)");
  CHECK(same.warnings.empty());
}

// Regression: one rule setting the same score twice was once reported as a conflict between two
// rules ("rules 'twice' and 'twice'").
TEST_CASE("one rule setting a score twice is reported as two rules", "[regression][rules]") {
  const auto loaded = load_text(
      R"(framework: f
criteria:
  - id: speed
    direction: benefit
    scale: [1, 5]
    weight: 2
options:
  - id: a
    scores: {speed: 4}
  - id: b
    scores: {speed: 3}
rules:
  - id: twice
    when: true
    adjust:
      - {option: a, criterion: speed, set: 2}
      - {option: a, criterion: speed, set: 3}
    because: a
)");
  const auto r = tradeoff::evaluate(loaded.framework, nullptr);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].message.find("rules 'twice' and 'twice'") == std::string::npos);
}

TEST_CASE("a rule that makes a weight negative is an error", "[rules][errors]") {
  struct Case {
    std::string effect;  // line 27
    std::string brief;
    int length;
  };
  const std::vector<Case> cases = {
      {"weight: {criterion: price, multiply: zero - 1}",
       "27:42: the weight 'multiply' effect of rule 'negative' makes the weight of 'price' -1 "
       "(with zero = 0); weights must be non-negative",
       8},
      {"weight: {criterion: speed, set: team - 5}",
       "27:37: the weight 'set' effect of rule 'negative' makes the weight of 'speed' -2 (with "
       "team = 3); weights must be non-negative",
       8},
      {"weight: {criterion: speed, set: -0.5}",
       "27:37: the weight 'set' effect of rule 'negative' makes the weight of 'speed' -0.5; "
       "weights must be non-negative",
       4},
  };
  for (const auto& c : cases) {
    CAPTURE(c.effect);
    const Diagnostic d = evaluation_error(
        "  - id: negative\n"
        "    when: true\n"
        "    " +
        c.effect +
        "\n"
        "    because: Bad\n");
    CHECK(brief(d) == c.brief);
    CHECK(d.code == ErrorCode::InvalidWeights);
    CHECK(d.length == c.length);
  }
}

TEST_CASE("rules that leave every weight at zero are an error", "[rules][errors]") {
  const Diagnostic d = evaluation_error(
      R"(  - id: no_price
    when: true
    weight: {criterion: price, set: 0}
    because: A
  - id: no_speed
    when: zero == 0
    weight: {criterion: speed, multiply: zero}
    because: B
)");
  CHECK(d.message ==
        "all criterion weights are zero after rule 'no_speed'; at least one must be positive");
  CHECK(d.code == ErrorCode::InvalidWeights);
  CHECK(d.where.file == "f.yaml");
  CHECK(d.severity == Severity::Error);
}

// Regression: the error "all weights zero" after rules once pointed at the last rule evaluated,
// even one unrelated to the weights; it points at the effect that zeroed the last weight.
TEST_CASE("'all weights zero' after rules points at the last rule, even unrelated",
          "[regression][rules]") {
  // zero_all starts on line 13, its weight effect is on line 15; unrelated starts on line 17.
  const auto loaded = load_text(
      R"(framework: f
criteria:
  - id: speed
    direction: benefit
    scale: [1, 5]
    weight: 2
options:
  - id: a
    scores: {speed: 4}
  - id: b
    scores: {speed: 3}
rules:
  - id: zero_all
    when: true
    weight: {criterion: speed, set: 0}
    because: a
  - id: unrelated
    when: false
    veto: b
    because: b
)");
  const Diagnostic d = expect_error([&] { tradeoff::evaluate(loaded.framework, nullptr); });
  CHECK(brief(d) ==
        "15:13: all criterion weights are zero after rule 'zero_all'; at least one must be "
        "positive");
}

TEST_CASE("when every option is vetoed nothing is ranked and the summary says why", "[rules]") {
  const Result r = run(
      R"(  - id: no_buy
    when: true
    veto: buy_api
    because: A
  - id: no_rest
    when: zero == 0
    veto: [build_own, host_open]
    because: B
)");
  CHECK(r.ranking.empty());
  REQUIRE(r.vetoed.size() == 3);
  for (const auto& o : r.options) {
    CAPTURE(o.id);
    CHECK_FALSE(o.eligible);
    CHECK(o.rank == 0);
    CHECK(o.score == 0);
  }
  CHECK(r.explanation.winner.empty());
  CHECK(r.explanation.summary ==
        "Every option is vetoed (buy_api by no_buy; build_own and host_open by no_rest), so "
        "none can be recommended.");
}
