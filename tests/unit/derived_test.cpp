// Derived values (load/inputs_loader order_derived, evaluate.cpp): dependency order, values,
// cycles with their path, names that clash with inputs, broken values reported once, boolean
// and level results used by rules, and runtime errors that name the values involved.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"

using tradeoff::Diagnostic;
using tradeoff::ErrorCode;
using tradeoff::Result;
using tradeoff::test::brief;
using tradeoff::test::evaluate_text;
using tradeoff::test::expect_error;
using tradeoff::test::load_assessment_text;
using tradeoff::test::load_errors;  // in source order: the engine sorts them
using tradeoff::test::load_text;

namespace {

// Criteria and options shared by every framework below; derived values come before them.
const std::string kTail =
    R"(criteria:
  - id: speed
    direction: benefit
    scale: [1, 5]
    weight: 1
options:
  - id: x
    scores: {speed: 3}
  - id: y
    scores: {speed: 4}
)";

std::vector<std::string> order_of(const tradeoff::Framework& fw) {
  std::vector<std::string> out;
  for (size_t d : fw.derived_order) out.push_back(fw.derived[d].name);
  return out;
}

}  // namespace

TEST_CASE("derived values are computed dependencies first, whatever the file order", "[derived]") {
  const std::string yaml =
      R"(framework: f
inputs:
  a: {type: number, default: 3}
  b: {type: number, default: 2}
derived:
  ratio: doubled / half
  total: half + b
  half: a / 2
  doubled: total * 2
  constant: 10
  described: {formula: a * b, unit: USD, description: The product}
)" + kTail;
  const auto loaded = load_text(yaml);
  CHECK(order_of(loaded.framework) ==
        std::vector<std::string>{"half", "total", "doubled", "ratio", "constant", "described"});
  const Result r = tradeoff::evaluate(loaded.framework, nullptr);
  struct Expect {
    std::string name;
    std::string formula;
    double value;
    std::string display;
    std::string unit;
    std::string description;
  };
  // Results keep file order.
  const std::vector<Expect> expected = {
      {"ratio", "doubled / half", 7.0 / 1.5, "4.66667", "", ""},
      {"total", "half + b", 3.5, "3.5", "", ""},
      {"half", "a / 2", 1.5, "1.5", "", ""},
      {"doubled", "total * 2", 7, "7", "", ""},
      {"constant", "10", 10, "10", "", ""},
      {"described", "a * b", 6, "6", "USD", "The product"},
  };
  REQUIRE(r.derived.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(r.derived[i].name == expected[i].name);
    CHECK(r.derived[i].formula == expected[i].formula);
    CHECK(r.derived[i].value == expected[i].value);
    CHECK(r.derived[i].display == expected[i].display);
    CHECK(r.derived[i].unit == expected[i].unit);
    CHECK(r.derived[i].description == expected[i].description);
  }
}

TEST_CASE("derived values follow the inputs an assessment and --set give", "[derived]") {
  const std::string fw =
      R"(framework: f
inputs:
  a: {type: number, default: 3}
  b: {type: number, default: 2}
derived:
  total: half + b
  half: a / 2
)" + kTail;
  const auto loaded = load_assessment_text("inputs: {a: 10}\n", fw);
  REQUIRE(loaded.assessment.has_value());
  const Result r = tradeoff::evaluate(loaded.framework, &*loaded.assessment);
  CHECK(r.derived[0].value == 7);
  CHECK(r.derived[1].value == 5);
  tradeoff::EvaluateOptions opt;
  opt.set = {{"b", "0.5"}};
  const Result s = tradeoff::evaluate(loaded.framework, &*loaded.assessment, opt);
  CHECK(s.derived[0].value == 5.5);
  CHECK(s.derived[1].value == 5);
}

TEST_CASE("a cycle of derived values is reported once, with its path, where it closes",
          "[derived][errors]") {
  struct Case {
    const char* name;
    std::string derived;  // lines 5 and on
    std::string reads;    // a condition reading the cycle
    std::string brief;
    int length;
  };
  const std::vector<Case> cases = {
      {"two values",
       R"(  hosting: platform / 2
  platform: hosting * 3
)",
       "platform > budget", "5:3: derived values form a cycle: hosting -> platform -> hosting", 7},
      {"three values, entered from the middle",
       R"(  base: 1
  share: platform / budget
  platform: ratio * 2
  ratio: share / 2
)",
       "ratio > base", "6:3: derived values form a cycle: share -> platform -> ratio -> share", 5},
      {"a value reaching a cycle it is not part of",
       R"(  head: loop_a + 1
  loop_a: loop_b
  loop_b: loop_a * 2
)",
       "head > 1", "6:3: derived values form a cycle: loop_a -> loop_b -> loop_a", 6},
      {"a value reading itself",
       "  growth: growth * 1.1\n",  // 5
       "growth > 1", "5:3: derived values form a cycle: growth -> growth", 6},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    // Rules and scores reading values of the cycle add no error of their own.
    const std::string yaml =
        "framework: f\n"
        "inputs:\n"
        "  budget: {type: number, default: 100}\n"
        "derived:\n" +
        c.derived + kTail +
        "rules:\n"
        "  - id: r\n"
        "    when: " +
        c.reads +
        "\n"
        "    veto: x\n"
        "    because: test\n";
    const auto all = load_errors(yaml);
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == c.brief);
    CHECK(all[0].code == ErrorCode::Cycle);
    CHECK(all[0].length == c.length);
  }
}

TEST_CASE("two separate cycles are both reported", "[derived][errors]") {
  const auto all = load_errors(
      R"(framework: f
derived:
  ping: pong
  pong: ping
  tick: tock
  tock: tack
  tack: tick
)" + kTail);
  REQUIRE(all.size() == 2);
  CHECK(brief(all[0]) == "3:3: derived values form a cycle: ping -> pong -> ping");
  CHECK(brief(all[1]) == "5:3: derived values form a cycle: tick -> tock -> tack -> tick");
}

TEST_CASE("a derived value may not take the name of an input", "[derived][errors]") {
  // broken_in (line 7) is also the name of an input with an error of its own (line 4).
  const auto all = load_errors(
      R"(framework: f
inputs:
  budget: {type: number, default: 100}
  broken_in: {type: number, default: abc}
derived:
  budget: 2
  broken_in: 3
)" + kTail);
  REQUIRE(all.size() == 3);
  CHECK(brief(all[0]) == "4:38: expected a number for the default of input 'broken_in', got 'abc'");
  CHECK(brief(all[1]) == "6:3: derived value 'budget' has the name of an input");
  CHECK(all[1].code == ErrorCode::DuplicateId);
  CHECK(all[1].length == 6);
  CHECK(brief(all[2]) == "7:3: derived value 'broken_in' has the name of an input");
}

TEST_CASE("names, keys and formulas of derived values are checked", "[derived][errors]") {
  const auto all = load_errors(
      R"(framework: f
inputs:
  a: {type: number, default: 3}
derived:
  not: a
  syntax: a +
  no_formula: {unit: USD}
  typo: {formula: a, unti: x}
  unknown: b * 2
  Bad: 1
)" + kTail);
  REQUIRE(all.size() == 6);
  struct Expect {
    std::string brief;
    ErrorCode code;
    std::string hint;
  };
  const std::vector<Expect> expected = {
      {"5:3: 'not' is a reserved word of the expression language and cannot name a derived "
       "value",
       ErrorCode::InvalidValue, ""},
      {"6:14: in derived value 'syntax': expected a value, got end of input", ErrorCode::ExprSyntax,
       ""},
      {"7:15: missing key 'formula' in derived value 'no_formula'", ErrorCode::MissingKey, ""},
      {"8:22: unknown key 'unti' in derived value 'typo'", ErrorCode::UnknownKey,
       "did you mean 'unit'?"},
      {"9:12: in derived value 'unknown': unknown name 'b'", ErrorCode::UnknownReference, ""},
      {"10:3: invalid id 'Bad' for a derived value: ids are snake_case (a lower-case letter, "
       "then lower-case letters, digits or '_', at most 64)",
       ErrorCode::InvalidValue, ""},
  };
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(brief(all[i]) == expected[i].brief);
    CHECK(all[i].code == expected[i].code);
    CHECK(all[i].hint == expected[i].hint);
  }
}

TEST_CASE("a derived value with an error is reported once, not again where it is read",
          "[derived][errors]") {
  // Line 4 is a broken input; bad, uses_bad and uses_a are on lines 6 to 8.
  const auto all = load_errors(
      R"(framework: f
inputs:
  skill: {type: level, levels: [none, basic, solid, expert], default: solid}
  a: {type: number, default: abc}
derived:
  bad: skill + 1
  uses_bad: bad * 2
  uses_a: a * 2
  uses_both: uses_a + uses_bad
criteria:
  - id: speed
    direction: benefit
    weight: 1
options:
  - id: x
    scores: {speed: uses_a + uses_bad + a}
rules:
  - id: r
    when: uses_both > 1 and bad > a
    adjust: {option: x, criterion: speed, add: uses_a}
    because: test
)");
  REQUIRE(all.size() == 2);
  CHECK(brief(all[0]) == "4:30: expected a number for the default of input 'a', got 'abc'");
  CHECK(brief(all[1]) ==
        "6:8: in derived value 'bad': cannot use 'skill' in arithmetic: it is a level (none, "
        "basic, solid, expert)");
  CHECK(all[1].code == ErrorCode::ExprType);
  CHECK(all[1].length == 5);
}

TEST_CASE("boolean, level and choice derived values can be used by rules", "[derived][rules]") {
  const Result r = evaluate_text(
      R"(framework: f
inputs:
  skill: {type: level, levels: [none, basic, solid, expert], default: solid}
  region: {type: choice, choices: [eu, us], default: us}
  a: {type: number, default: 3}
derived:
  senior: skill >= "solid"
  level_used: if(senior, skill, skill)
  where: region
  step: if(senior, a, 0) * 2
)" + kTail +
      R"(rules:
  - id: r_senior
    when: senior and level_used >= "solid" and where == "us"
    adjust: {option: x, criterion: speed, add: step / 6}
    note: "{senior}, {level_used}, {where}, {step}"
    because: test
  - id: r_junior
    when: not senior or level_used in ["none", "basic"]
    veto: y
    because: test
)");
  REQUIRE(r.derived.size() == 4);
  CHECK(r.derived[0].value == 1);
  CHECK(r.derived[0].display == "true");
  CHECK(r.derived[1].value == 2);
  CHECK(r.derived[1].display == "solid");
  CHECK(r.derived[2].value == 1);
  CHECK(r.derived[2].display == "us");
  CHECK(r.derived[3].value == 6);
  REQUIRE(r.rules.size() == 2);
  CHECK(r.rules[0].fired);
  CHECK(r.rules[0].bindings == std::vector<std::pair<std::string, std::string>>{
                                   {"senior", "true"}, {"level_used", "solid"}, {"where", "us"}});
  REQUIRE(r.rules[0].effects.size() == 2);
  CHECK(r.rules[0].effects[0].text == "x on speed: 3 -> 4");
  CHECK(r.rules[0].effects[1].text == "note: true, solid, us, 6");
  CHECK_FALSE(r.rules[1].fired);
  CHECK(r.rules[1].bindings == std::vector<std::pair<std::string, std::string>>{
                                   {"senior", "true"}, {"level_used", "solid"}});
  CHECK(r.option("x")->raw[0] == 4);
}

TEST_CASE("a runtime error in a derived value names the values it read", "[derived][errors]") {
  struct Case {
    std::string formula;
    std::string brief;
    int length;
  };
  const std::vector<Case> cases = {
      {"a / b + 1", "6:6: in derived value 'r': division by zero (with a = 3, b = 0)", 5},
      {"log(b - a)",
       "6:6: in derived value 'r': the logarithm of -3, which is not positive (with b = 0, a = "
       "3)",
       10},
      {"sqrt(zero_too - a)",
       "6:6: in derived value 'r': the square root of -3, a negative number (with zero_too = "
       "0, a = 3)",
       18},
      {"exp(a * 1000)",
       "6:6: in derived value 'r': the result is too large to represent (with a = 3)", 13},
  };
  for (const auto& c : cases) {
    CAPTURE(c.formula);
    const std::string yaml =
        "framework: f\n"
        "inputs:\n"
        "  a: {type: number, default: 3}\n"
        "  b: {type: number, default: 0}\n"
        "derived:\n"
        "  r: " +
        c.formula +
        "\n"  // 6
        "  zero_too: b * 2\n" +
        kTail;
    const auto loaded = load_text(yaml);
    const Diagnostic d = expect_error([&] { tradeoff::evaluate(loaded.framework, nullptr); });
    CHECK(brief(d) == c.brief);
    CHECK(d.where.file == "f.yaml");
    CHECK(d.code == ErrorCode::Evaluation);
    CHECK(d.length == c.length);
  }
}

// Regression: a runtime error once quoted a value too small for four decimals as 0.
TEST_CASE("a runtime error quotes a small value as 0", "[regression][derived]") {
  const auto loaded = load_text(
      R"(framework: f
inputs:
  x: {type: number, default: -0.00001}
derived:
  r: log(x)
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
)");
  const Diagnostic d = expect_error([&] { tradeoff::evaluate(loaded.framework, nullptr); });
  CHECK(d.message.find("(with x = 0)") == std::string::npos);
}
