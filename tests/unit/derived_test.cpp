// Derived values (load/inputs_loader order_derived, evaluate.cpp): dependency order, values,
// cycles with their path, names that clash with inputs, broken values reported once, boolean
// and level results used by rules, and runtime errors that name the values involved.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "test_support.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"

using tradeoff::Diagnostic;
using tradeoff::ErrorCode;
using tradeoff::Result;
using tradeoff::test::brief;
using tradeoff::test::expect_error;
using tradeoff::test::load_errors;  // in source order: the engine sorts them
using tradeoff::test::load_text;

namespace {

// Criteria and options shared by every framework below; derived values come before them.
const std::string kTail =
    "criteria:\n"
    "  - id: speed\n"
    "    direction: benefit\n"
    "    scale: [1, 5]\n"
    "    weight: 1\n"
    "options:\n"
    "  - id: x\n"
    "    scores: {speed: 3}\n"
    "  - id: y\n"
    "    scores: {speed: 4}\n";

std::vector<std::string> order_of(const tradeoff::Framework& fw) {
  std::vector<std::string> out;
  for (size_t d : fw.derived_order) out.push_back(fw.derived[d].name);
  return out;
}

Result run(const std::string& yaml) {
  const auto loaded = load_text(yaml);
  return tradeoff::evaluate(loaded.framework, nullptr);
}

}  // namespace

TEST_CASE("derived values are computed dependencies first, whatever the file order",
          "[derived]") {
  const std::string yaml =
      "framework: f\n"
      "inputs:\n"
      "  a: {type: number, default: 3}\n"
      "  b: {type: number, default: 2}\n"
      "derived:\n"
      "  ratio: doubled / half\n"
      "  total: half + b\n"
      "  half: a / 2\n"
      "  doubled: total * 2\n"
      "  constant: 10\n"
      "  described: {formula: a * b, unit: USD, description: The product}\n" +
      kTail;
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
      "framework: f\n"
      "inputs:\n"
      "  a: {type: number, default: 3}\n"
      "  b: {type: number, default: 2}\n"
      "derived:\n"
      "  total: half + b\n"
      "  half: a / 2\n" +
      kTail;
  const auto loaded = load_text("assessment: acme\nframework: f.yaml\ninputs: {a: 10}\n",
                                "acme.yaml", {{"f.yaml", fw}});
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
       "  hosting: platform / 2\n"   // 5
       "  platform: hosting * 3\n",  // 6
       "platform > budget", "5:3: derived values form a cycle: hosting -> platform -> hosting",
       7},
      {"three values, entered from the middle",
       "  base: 1\n"                   // 5
       "  share: platform / budget\n"  // 6
       "  platform: ratio * 2\n"       // 7
       "  ratio: share / 2\n",         // 8
       "ratio > base", "6:3: derived values form a cycle: share -> platform -> ratio -> share",
       5},
      {"a value reaching a cycle it is not part of",
       "  head: loop_a + 1\n"     // 5
       "  loop_a: loop_b\n"       // 6
       "  loop_b: loop_a * 2\n",  // 7
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
        "    when: " + c.reads + "\n"
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
      "framework: f\n"
      "derived:\n"
      "  ping: pong\n"    // 3
      "  pong: ping\n"    // 4
      "  tick: tock\n"    // 5
      "  tock: tack\n"    // 6
      "  tack: tick\n" +  // 7
      kTail);
  REQUIRE(all.size() == 2);
  CHECK(brief(all[0]) == "3:3: derived values form a cycle: ping -> pong -> ping");
  CHECK(brief(all[1]) == "5:3: derived values form a cycle: tick -> tock -> tack -> tick");
}

TEST_CASE("a derived value may not take the name of an input", "[derived][errors]") {
  const auto all = load_errors(
      "framework: f\n"
      "inputs:\n"
      "  budget: {type: number, default: 100}\n"
      "  broken_in: {type: number, default: abc}\n"  // 4
      "derived:\n"
      "  budget: 2\n"        // 6
      "  broken_in: 3\n" +   // 7: also the name of an input with an error of its own
      kTail);
  REQUIRE(all.size() == 3);
  CHECK(brief(all[0]) == "4:38: expected a number for the default of input 'broken_in', got 'abc'");
  CHECK(brief(all[1]) == "6:3: derived value 'budget' has the name of an input");
  CHECK(all[1].code == ErrorCode::DuplicateId);
  CHECK(all[1].length == 6);
  CHECK(brief(all[2]) == "7:3: derived value 'broken_in' has the name of an input");
}

TEST_CASE("names, keys and formulas of derived values are checked", "[derived][errors]") {
  const auto all = load_errors(
      "framework: f\n"
      "inputs:\n"
      "  a: {type: number, default: 3}\n"
      "derived:\n"
      "  not: a\n"                                  // 5
      "  syntax: a +\n"                             // 6
      "  no_formula: {unit: USD}\n"                 // 7
      "  typo: {formula: a, unti: x}\n"             // 8
      "  unknown: b * 2\n"                          // 9
      "  Bad: 1\n" +                                // 10
      kTail);
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
      {"6:14: in derived value 'syntax': expected a value, got end of input",
       ErrorCode::ExprSyntax, ""},
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
  const auto all = load_errors(
      "framework: f\n"
      "inputs:\n"
      "  skill: {type: level, levels: [none, basic, solid, expert], default: solid}\n"
      "  a: {type: number, default: abc}\n"  // 4: a broken input
      "derived:\n"
      "  bad: skill + 1\n"          // 6
      "  uses_bad: bad * 2\n"       // 7
      "  uses_a: a * 2\n"           // 8
      "  uses_both: uses_a + uses_bad\n"
      "criteria:\n"
      "  - id: speed\n"
      "    direction: benefit\n"
      "    weight: 1\n"
      "options:\n"
      "  - id: x\n"
      "    scores: {speed: uses_a + uses_bad + a}\n"
      "rules:\n"
      "  - id: r\n"
      "    when: uses_both > 1 and bad > a\n"
      "    adjust: {option: x, criterion: speed, add: uses_a}\n"
      "    because: test\n");
  REQUIRE(all.size() == 2);
  CHECK(brief(all[0]) == "4:30: expected a number for the default of input 'a', got 'abc'");
  CHECK(brief(all[1]) ==
        "6:8: in derived value 'bad': cannot use 'skill' in arithmetic: it is a level (none, "
        "basic, solid, expert)");
  CHECK(all[1].code == ErrorCode::ExprType);
  CHECK(all[1].length == 5);
}

TEST_CASE("boolean, level and choice derived values can be used by rules", "[derived][rules]") {
  const Result r = run(
      "framework: f\n"
      "inputs:\n"
      "  skill: {type: level, levels: [none, basic, solid, expert], default: solid}\n"
      "  region: {type: choice, choices: [eu, us], default: us}\n"
      "  a: {type: number, default: 3}\n"
      "derived:\n"
      "  senior: skill >= \"solid\"\n"
      "  level_used: if(senior, skill, skill)\n"
      "  where: region\n"
      "  step: if(senior, a, 0) * 2\n" +
      kTail +
      "rules:\n"
      "  - id: r_senior\n"
      "    when: senior and level_used >= \"solid\" and where == \"us\"\n"
      "    adjust: {option: x, criterion: speed, add: step / 6}\n"
      "    note: \"{senior}, {level_used}, {where}, {step}\"\n"
      "    because: test\n"
      "  - id: r_junior\n"
      "    when: not senior or level_used in [\"none\", \"basic\"]\n"
      "    veto: y\n"
      "    because: test\n");
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
        "  r: " + c.formula + "\n"   // 6
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
