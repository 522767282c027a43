// Errors of rules (load/rules_loader, evaluate.cpp): runtime errors naming the rule and the
// values involved, and loading errors, all reported at once with their positions and hints.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "rules_cases.hpp"
#include "test_support.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"

using tradeoff::Diagnostic;
using tradeoff::ErrorCode;
using tradeoff::Severity;
using tradeoff::test::brief;
using tradeoff::test::expect_errors;
using tradeoff::test::load_errors;
using tradeoff::test::load_text;
using tradeoff::test::rules_cases::evaluation_error;
using tradeoff::test::rules_cases::kBase;

namespace {

/// Loading errors, in source order (the engine sorts them).
std::vector<Diagnostic> rule_errors(const std::string& rules) {
  return expect_errors([&] { load_text(kBase + rules); });
}

}  // namespace

// --- runtime errors ----------------------------------------------------------------------------

TEST_CASE("a runtime error in a rule names the rule and the values involved", "[rules][errors]") {
  struct Case {
    std::string body;  // lines 26 and 27
    std::string brief;
    ErrorCode code;
    int length;
  };
  const std::vector<Case> cases = {
      {R"(    when: requests / zero > 1
    veto: buy_api
)",
       "26:11: in the condition of rule 'broken': division by zero (with requests = 250,000, "
       "zero = 0)",
       ErrorCode::Evaluation, 15},
      {R"(    when: true
    adjust: {option: buy_api, criterion: speed, add: log(zero)}
)",
       "27:54: in the 'add' effect of rule 'broken': the logarithm of 0, which is not positive "
       "(with zero = 0)",
       ErrorCode::Evaluation, 9},
      {R"(    when: true
    weight: {criterion: speed, multiply: sqrt(zero - team)}
)",
       "27:42: in the weight 'multiply' effect of rule 'broken': the square root of -3, a "
       "negative number (with zero = 0, team = 3)",
       ErrorCode::Evaluation, 17},
      {R"(    when: true
    adjust: {option: buy_api, criterion: price, multiply: 1e305 * requests}
)",
       "27:59: in the 'multiply' effect of rule 'broken': the result is too large to represent "
       "(with requests = 250,000)",
       ErrorCode::Evaluation, 16},
  };
  for (const auto& c : cases) {
    CAPTURE(c.body);
    const Diagnostic d = evaluation_error("  - id: broken\n" + c.body + "    because: X\n");
    CHECK(brief(d) == c.brief);
    CHECK(d.code == c.code);
    CHECK(d.length == c.length);
  }
}

TEST_CASE("a score an effect makes too large is an error", "[rules][errors]") {
  const Diagnostic d = evaluation_error(
      R"(  - id: huge
    when: true
    adjust: [{option: buy_api, criterion: price, multiply: 1e300},
             {option: buy_api, criterion: price, multiply: 1e300}]
    because: X
)");
  CHECK(brief(d) ==
        "28:14: the 'multiply' effect of rule 'huge' makes the score of 'buy_api' on 'price' too "
        "large");
  CHECK(d.code == ErrorCode::Evaluation);
}

// --- loading errors ----------------------------------------------------------------------------

TEST_CASE("problems of rules are all reported at once, with their positions", "[rules][errors]") {
  // Rules r1, r2, r3, r4, r5, r6, r1 (again), r7, r8, r9 and r10 start on lines 25, 29, 33, 37,
  // 41, 44, 47, 51, 55, 59 and 64; the last line is 68.
  const auto all = rule_errors(
      R"(  - id: r1
    when: true
    veto: [buy_apu, build_own]
    because: a
  - id: r2
    when: true
    adjust: {option: buy_api, criterion: sped, add: 1}
    because: b
  - id: r3
    when: true
    adjust: {option: buy_api, criterion: speed, add: 1, set: 2}
    because: c
  - id: r4
    when: true
    adjust: {option: buy_api, criterion: speed}
    because: d
  - id: r5
    when: true
    veto: buy_api
  - id: r6
    veto: buy_api
    because: f
  - id: r1
    when: true
    note: "at {per_haed} and {requests}"
    because: g
  - id: r7
    when: team
    weight: {criterion: speed, multiply: 1, set: 2}
    because: h
  - id: r8
    when: team > "x"
    weight: {criterion: sped}
    because: i
  - id: r9
    when: true
    adjust: {option: [], criterion: speed, add: skill}
    veto: []
    because: j
  - id: r10
    when: requests = 1
    adjust: {option: build_ow, criterion: price, add: reqests}
    because: k
    colour: red
)");
  struct Expect {
    std::string brief;
    ErrorCode code;
    std::string hint;
    int length;
  };
  const std::vector<Expect> expected = {
      {"27:12: unknown option 'buy_apu' in the veto of rule 'r1'", ErrorCode::UnknownReference,
       "did you mean 'buy_api'?", 7},
      {"31:42: unknown criterion 'sped' in 'adjust' of rule 'r2'", ErrorCode::UnknownReference,
       "did you mean 'speed'?", 4},
      {"35:57: 'adjust' of rule 'r3' has more than one of 'add', 'multiply', 'set'",
       ErrorCode::InvalidValue, "", 3},
      {"39:13: 'adjust' of rule 'r4' needs one of 'add', 'multiply', 'set'", ErrorCode::MissingKey,
       "", 1},
      {"41:5: missing key 'because' in rule 'r5'", ErrorCode::MissingKey, "", 1},
      {"44:5: missing key 'when' in rule 'r6'", ErrorCode::MissingKey, "", 1},
      {"47:9: duplicate rule id 'r1' (first defined on line 25)", ErrorCode::DuplicateId, "", 2},
      {"49:15: unknown name 'per_haed' in the note of rule 'r1'; notes can quote inputs and "
       "derived values",
       ErrorCode::UnknownReference, "did you mean 'per_head'?", 10},
      {"52:11: in the condition of rule 'r7': expected a condition (true or false), got a "
       "number",
       ErrorCode::ExprType, "", 4},
      {"53:45: 'weight' of rule 'r7' has more than one of 'multiply', 'set'",
       ErrorCode::InvalidValue, "", 3},
      {"56:11: in the condition of rule 'r8': cannot compare a number with a string",
       ErrorCode::ExprType, "", 10},
      {"57:13: 'weight' of rule 'r8' needs one of 'multiply', 'set'", ErrorCode::MissingKey, "", 1},
      {"57:25: unknown criterion 'sped' in 'weight' of rule 'r8'", ErrorCode::UnknownReference,
       "did you mean 'speed'?", 4},
      {"61:22: 'adjust' of rule 'r9' names no option", ErrorCode::InvalidValue, "", 1},
      {"61:49: in the 'add' effect of rule 'r9': expected a number, got a level",
       ErrorCode::ExprType, "", 5},
      {"62:11: the veto of rule 'r9' names no option", ErrorCode::InvalidValue, "", 1},
      {"65:20: in the condition of rule 'r10': unexpected '='; compare with '=='",
       ErrorCode::ExprSyntax, "", 1},
      {"66:22: unknown option 'build_ow' in 'adjust' of rule 'r10'", ErrorCode::UnknownReference,
       "did you mean 'build_own'?", 8},
      {"66:55: in the 'add' effect of rule 'r10': unknown name 'reqests'",
       ErrorCode::UnknownReference, "did you mean 'requests'?", 7},
      {"68:5: unknown key 'colour' in rule 'r10'", ErrorCode::UnknownKey, "", 6},
  };
  REQUIRE(all.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(brief(all[i]) == expected[i].brief);
    CHECK(all[i].code == expected[i].code);
    CHECK(all[i].hint == expected[i].hint);
    CHECK(all[i].length == expected[i].length);
    CHECK(all[i].severity == Severity::Error);
  }
}

// Regression: misspelt effect keys of a rule (vetoo, ajust) once got no did-you-mean hint.
TEST_CASE("misspelt effect keys of a rule get no did-you-mean", "[regression][rules]") {
  const auto all = load_errors(
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
  - id: r
    when: true
    vetoo: b
    ajust: {option: a, criterion: speed, add: 1}
    because: a
)");
  REQUIRE(all.size() == 2);
  CHECK(brief(all[0]) == "15:5: unknown key 'vetoo' in rule 'r'");
  CHECK(all[0].hint == "did you mean 'veto'?");
  CHECK(brief(all[1]) == "16:5: unknown key 'ajust' in rule 'r'");
  CHECK(all[1].hint == "did you mean 'adjust'?");
}

TEST_CASE("unknown names in notes are located in every scalar style", "[rules][errors]") {
  struct Case {
    std::string note;  // from line 27
    std::string brief;
    int length;
  };
  const std::string msg =
      "unknown name 'reqests' in the note of rule 'r'; notes can quote inputs and derived values";
  const std::vector<Case> cases = {
      {"note: at {reqests} a day\n", "27:14: " + msg, 9},
      {"note: \"at\\t{reqests}\"\n", "27:16: " + msg, 9},
      {"note: 'it''s {reqests}'\n", "27:18: " + msg, 9},
      {"note: >-\n      first line\n      then {reqests}\n", "29:12: " + msg, 9},
      {"note: |\n      first line\n        {reqests}\n", "29:9: " + msg, 9},
  };
  for (const auto& c : cases) {
    CAPTURE(c.note);
    const auto all = rule_errors(
        "  - id: r\n"
        "    when: true\n"
        "    " +
        c.note + "    because: x\n");
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == c.brief);
    CHECK(all[0].length == c.length);
    CHECK(all[0].hint == "did you mean 'requests'?");
  }
}

// Regression: a note quoting an input that has an error of its own once reported that input a
// second time.
TEST_CASE("a note quoting an input with its own error is reported again", "[regression][rules]") {
  const auto all = load_errors(
      R"(framework: f
inputs:
  x: {type: number, default: abc}
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
  - id: r
    when: true
    note: "{x}"
    because: a
)");
  REQUIRE(all.size() == 1);
  CHECK(all[0].message == "expected a number for the default of input 'x', got 'abc'");
}

TEST_CASE("errors inside conditions are located in every scalar style", "[rules][errors]") {
  struct Case {
    const char* style;
    std::string when;  // from line 26
    std::string brief;
  };
  const std::string msg = "in the condition of rule 'r': unknown name 'reqests'";
  const std::vector<Case> cases = {
      {"plain", "when: reqests > 1\n", "26:11: " + msg},
      {"single-quoted", "when: 'skill == ''basic'' or reqests > 1'\n", "26:34: " + msg},
      {"double-quoted", "when: \"skill == \\\"basic\\\" or reqests > 1\"\n", "26:34: " + msg},
      {"folded", "when: >-\n      team > 1 and\n      reqests > 1\n", "28:7: " + msg},
      {"literal", "when: |\n      team > 1 and\n        reqests > 1\n", "28:9: " + msg},
      {"double-quoted, continued", "when: \"team > 1 and \\\n      reqests > 1\"\n",
       "27:7: " + msg},
  };
  for (const auto& c : cases) {
    CAPTURE(c.style);
    const auto all = rule_errors(
        "  - id: r\n"
        "    " +
        c.when +
        "    veto: buy_api\n"
        "    because: x\n");
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == c.brief);
    CHECK(all[0].code == ErrorCode::UnknownReference);
    CHECK(all[0].hint == "did you mean 'requests'?");
    CHECK(all[0].length == 7);
  }
}

TEST_CASE("a formula cut at a comma of a flow mapping gets a hint", "[rules][errors]") {
  // The adjust is on line 27.
  const auto all = rule_errors(
      R"(  - id: cut
    when: true
    adjust: {option: buy_api, criterion: speed, add: min(1, team)}
    because: a
)");
  REQUIRE(all.size() == 2);
  CHECK(brief(all[0]) ==
        "27:57: in the 'add' effect of rule 'cut': expected ')' to close this, got end of input");
  CHECK(all[0].code == ErrorCode::ExprSyntax);
  CHECK(all[0].hint == "inside {...} or [...] a comma ends a plain value; quote the whole formula");
  CHECK(brief(all[1]) == "27:61: unknown key 'team)' in 'adjust' of rule 'cut'");
}
