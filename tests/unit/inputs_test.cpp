// Inputs (load/inputs_loader, inputs.cpp, evaluate.cpp): declaration errors of every
// input type, assessment answers, --set values, and the precedence default < assessment < --set
// with the origin, source, date and reason each value keeps.
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
using tradeoff::EvaluateOptions;
using tradeoff::InputType;
using tradeoff::Result;
using tradeoff::test::brief;
using tradeoff::test::expect_error;
using tradeoff::test::load_assessment_text;
using tradeoff::test::load_errors;  // in source order: the engine sorts them
using tradeoff::test::load_text;

namespace {

const std::string kTail =
    R"(criteria:
  - id: speed
    direction: benefit
    weight: 1
options:
  - id: x
    scores: {speed: 3}
)";

// A framework with one input of each type; an assessment's lines are counted from 1.
const std::string kFramework =
    R"(framework: f
sources:
  survey: {title: Survey}
inputs:
  requests: {type: number, default: 1000, min: 0, max: 1000000, source: survey,
             as_of: 2024-01-01, unit: requests/day, description: Requests a day}
  team: {type: integer, default: 4, min: 1}
  urgent: {type: boolean, default: false}
  skill: {type: level, levels: [none, basic, solid, expert], default: basic}
  region: {type: choice, choices: [eu, us, apac], default: eu}
)" + kTail;

tradeoff::Loaded load_assessment(const std::string& body) {
  return load_assessment_text(body, kFramework);
}

std::vector<Diagnostic> assessment_errors(const std::string& body) {
  return tradeoff::test::expect_errors([&] { load_assessment(body); });
}

Result run(const std::string& body, const EvaluateOptions& opt = {}) {
  const auto loaded = load_assessment(body);
  REQUIRE(loaded.assessment.has_value());
  return tradeoff::evaluate(loaded.framework, &*loaded.assessment, opt);
}

EvaluateOptions set(std::vector<std::pair<std::string, std::string>> values) {
  EvaluateOptions opt;
  opt.set = std::move(values);
  return opt;
}

}  // namespace

TEST_CASE("inputs of every type load with their declaration", "[inputs]") {
  const auto loaded = load_text(kFramework);
  const auto& in = loaded.framework.inputs;
  REQUIRE(in.size() == 5);
  CHECK(in[0].name == "requests");
  CHECK(in[0].type == InputType::Number);
  CHECK(in[0].default_value == 1000);
  CHECK(in[0].min == 0);
  CHECK(in[0].max == 1000000);
  CHECK(in[0].source == "survey");
  CHECK(in[0].as_of == "2024-01-01");
  CHECK(in[0].unit == "requests/day");
  CHECK(in[0].description == "Requests a day");
  CHECK(in[0].where.line == 5);
  CHECK(in[0].where.column == 3);
  CHECK(in[1].type == InputType::Integer);
  CHECK(in[1].min == 1);
  CHECK_FALSE(in[1].max.has_value());
  CHECK(in[2].type == InputType::Boolean);
  CHECK(in[2].default_value == 0);
  CHECK(in[3].type == InputType::Level);
  CHECK(in[3].values == std::vector<std::string>{"none", "basic", "solid", "expert"});
  CHECK(in[3].default_value == 1);
  CHECK(in[4].type == InputType::Choice);
  CHECK(in[4].default_value == 0);
  // Without a type, an input is a number.
  const auto untyped = load_text("framework: f\ninputs:\n  n: {default: 2.5}\n" + kTail);
  CHECK(untyped.framework.inputs[0].type == InputType::Number);
  CHECK(untyped.framework.inputs[0].default_value == 2.5);
}

TEST_CASE("input declarations are checked", "[inputs][errors]") {
  struct Case {
    std::string line;  // line 3 of the framework
    std::string brief;
    ErrorCode code;
    std::string hint;
    int length;
  };
  const std::vector<Case> cases = {
      {"t: {type: nubmer, default: 1}",
       "3:13: unknown input type 'nubmer'; expected one of 'number', 'integer', 'boolean', "
       "'choice', 'level'",
       ErrorCode::InvalidValue, "did you mean 'number'?", 6},
      {"t: {type: level, choices: [a, b], default: a}",
       "3:20: input 't' is a level; list its values under 'levels'", ErrorCode::UnknownKey, "", 7},
      {"t: {type: choice, levels: [a, b], default: a}",
       "3:21: input 't' is a choice; list its values under 'choices'", ErrorCode::UnknownKey, "",
       6},
      {"t: {type: number, levels: [a, b], default: 1}",
       "3:21: input 't' is a number, which has no 'levels'", ErrorCode::UnknownKey, "", 6},
      {"t: {type: number, choices: [a, b], default: 1}",
       "3:21: input 't' is a number, which has no 'choices'", ErrorCode::UnknownKey, "", 7},
      {"t: {type: level, default: a}", "3:6: missing key 'levels' in input 't'",
       ErrorCode::MissingKey, "", 1},
      {"t: {type: choice, default: a}", "3:6: missing key 'choices' in input 't'",
       ErrorCode::MissingKey, "", 1},
      {"t: {type: level, levels: low, default: low}",
       "3:28: expected a non-empty list of values for the levels of input 't', got 'low'",
       ErrorCode::WrongType, "", 3},
      {"t: {type: level, levels: [a, b, a], default: a}",
       "3:35: 'a' is listed twice in the levels of input 't'", ErrorCode::DuplicateId, "", 1},
      {"t: {type: choice, choices: [eu, us, eu], default: eu}",
       "3:39: 'eu' is listed twice in the choices of input 't'", ErrorCode::DuplicateId, "", 2},
      {"t: {type: number, min: 5, max: 1, default: 3}",
       "3:29: the max of input 't' (1) is below its min (5)", ErrorCode::InvalidValue, "", 3},
      {"t: {type: integer, min: 2000, max: 1500, default: 1800}",
       "3:33: the max of input 't' (1,500) is below its min (2,000)", ErrorCode::InvalidValue, "",
       3},
      {"t: {type: boolean, min: 0, default: true}",
       "3:22: input 't' is a boolean, which has no 'min'", ErrorCode::UnknownKey, "", 3},
      {"t: {type: level, levels: [a], max: 1, default: a}",
       "3:33: input 't' is a level, which has no 'max'", ErrorCode::UnknownKey, "", 3},
      {"t: {type: number, min: low, default: 1}",
       "3:26: expected a number for the min of input 't', got 'low'", ErrorCode::WrongType, "", 3},
      {"t: {type: number}", "3:6: missing key 'default' in input 't'", ErrorCode::MissingKey, "",
       1},
      {"t: {type: number, default: 1, color: red}", "3:33: unknown key 'color' in input 't'",
       ErrorCode::UnknownKey, "", 5},
      {"t: {type: number, default: 1, unti: x}", "3:33: unknown key 'unti' in input 't'",
       ErrorCode::UnknownKey, "did you mean 'unit'?", 4},
      {"t: 5", "3:6: expected a mapping for input 't', got '5'", ErrorCode::WrongType, "", 1},
      {"and: {type: number, default: 1}",
       "3:3: 'and' is a reserved word of the expression language and cannot name an input",
       ErrorCode::InvalidValue, "", 3},
      {"true: {type: number, default: 1}",
       "3:3: 'true' is a reserved word of the expression language and cannot name an input",
       ErrorCode::InvalidValue, "", 4},
      {"sqrt: {type: number, default: 1}",
       "3:3: 'sqrt' is a reserved word of the expression language and cannot name an input",
       ErrorCode::InvalidValue, "", 4},
      {"Team: {type: number, default: 1}",
       "3:3: invalid id 'Team' for an input: ids are snake_case (a lower-case letter, then "
       "lower-case letters, digits or '_', at most 64)",
       ErrorCode::InvalidValue, "", 4},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    const auto all = load_errors("framework: f\ninputs:\n  " + c.line + "\n" + kTail);
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == c.brief);
    CHECK(all[0].code == c.code);
    CHECK(all[0].hint == c.hint);
    CHECK(all[0].length == c.length);
  }
}

TEST_CASE("input defaults must have the input's type and lie in its range", "[inputs][errors]") {
  struct Case {
    std::string line;  // line 3 of the framework
    std::string brief;
    ErrorCode code;
    std::string hint;
  };
  const std::vector<Case> cases = {
      {"t: {type: number, default: abc}",
       "3:30: expected a number for the default of input 't', got 'abc'", ErrorCode::WrongType, ""},
      {"t: {type: number, default: \"5\"}",
       "3:30: expected a number for the default of input 't', got '5'", ErrorCode::WrongType,
       "remove the quotes: a quoted value is a string"},
      {"t: {type: number, default: [1]}",
       "3:30: expected a value for the default of input 't', got a sequence", ErrorCode::WrongType,
       ""},
      {"t: {type: integer, default: 2.5}",
       "3:31: expected a whole number for the default of input 't', got 2.5", ErrorCode::WrongType,
       ""},
      {"t: {type: boolean, default: yes}",
       "3:31: expected true or false for the default of input 't', got 'yes'", ErrorCode::WrongType,
       ""},
      {"t: {type: boolean, default: 1}",
       "3:31: expected true or false for the default of input 't', got 1", ErrorCode::WrongType,
       ""},
      {"t: {type: number, min: 0, max: 10, default: 11}",
       "3:47: the default of input 't' must be between 0 and 10, got 11", ErrorCode::OutOfRange,
       ""},
      {"t: {type: number, min: 0, default: -1}",
       "3:38: the default of input 't' must be at least 0, got -1", ErrorCode::OutOfRange, ""},
      {"t: {type: integer, max: 10000, default: 12000}",
       "3:43: the default of input 't' must be at most 10,000, got 12000", ErrorCode::OutOfRange,
       ""},
      {"t: {type: choice, choices: [eu, us], default: uss}",
       "3:49: expected one of the choices of 't' (eu, us) for the default of input 't', got "
       "'uss'",
       ErrorCode::InvalidValue, "did you mean 'us'?"},
      {"t: {type: choice, choices: [eu, us], default: 1}",
       "3:49: expected one of the choices of 't' (eu, us) for the default of input 't', got '1'",
       ErrorCode::InvalidValue, ""},
      {"t: {type: level, levels: [low, high], default: medium}",
       "3:50: expected one of the levels of 't' (low, high) for the default of input 't', got "
       "'medium'",
       ErrorCode::InvalidValue, ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    const auto all = load_errors("framework: f\ninputs:\n  " + c.line + "\n" + kTail);
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == c.brief);
    CHECK(all[0].code == c.code);
    CHECK(all[0].hint == c.hint);
  }
}

// Regression: the message once said "is a integer".
TEST_CASE("'a integer' in the message of an integer input with choices", "[regression][inputs]") {
  const auto all = load_errors(
      R"(framework: f
inputs:
  t: {type: integer, choices: [a, b], default: 1}
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
  REQUIRE(all.size() == 1);
  CHECK(all[0].message == "input 't' is an integer, which has no 'choices'");
}

// Regression: an empty list of choices was once described as "a sequence".
TEST_CASE("an empty list of choices is described as 'a sequence'", "[regression][inputs]") {
  const auto all = load_errors(
      R"(framework: f
inputs:
  t: {type: choice, choices: [], default: a}
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
  REQUIRE(all.size() == 1);
  CHECK(all[0].message ==
        "expected a non-empty list of values for the choices of input 't', got an empty list");
}

// Regression: numbers in messages were rounded to whole numbers (from 1000) or to four decimals,
// which misquoted bounds and values.
TEST_CASE("input bounds are rounded in messages", "[regression][inputs]") {
  struct Case {
    std::string line;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"t: {type: number, min: 1000.4, max: 1000.2, default: 1000.3}",
       "the max of input 't' (1,000.2) is below its min (1,000.4)"},
      {"t: {type: number, min: 0, max: 1000.5, default: 1000.7}",
       "the default of input 't' must be between 0 and 1,000.5, got 1000.7"},
      {"t: {type: number, min: 0.00001, default: 0.000001}",
       "the default of input 't' must be at least 1e-05, got 0.000001"},
  };
  // The criteria and options after the input (line 4 on).
  const std::string tail =
      R"(criteria:
  - id: speed
    direction: benefit
    scale: [1, 5]
    weight: 2
options:
  - id: a
    scores: {speed: 4}
  - id: b
    scores: {speed: 3}
)";
  for (const auto& c : cases) {
    CAPTURE(c.line);
    const auto all = load_errors("framework: f\ninputs:\n  " + c.line + "\n" + tail);
    REQUIRE(all.size() == 1);
    CHECK(all[0].message == c.message);
  }
}

TEST_CASE("every input declaration problem of a file is reported at once", "[inputs][errors]") {
  // Inputs a, b, b_ok and c are on lines 3 to 6; line 8 reads the broken inputs: no error.
  const auto all = load_errors(
      R"(framework: f
inputs:
  a: {type: nubmer, default: 1}
  b: {type: number, default: x}
  b_ok: {type: number, default: 1}
  c: {type: level, default: a}
derived:
  uses: a + b + c + b_ok
)" + kTail);
  REQUIRE(all.size() == 3);
  CHECK(brief(all[0]) ==
        "3:13: unknown input type 'nubmer'; expected one of 'number', 'integer', 'boolean', "
        "'choice', 'level'");
  CHECK(brief(all[1]) == "4:30: expected a number for the default of input 'b', got 'x'");
  CHECK(brief(all[2]) == "6:6: missing key 'levels' in input 'c'");
}

TEST_CASE("assessments answer inputs with a value, or a value and its provenance",
          "[inputs][assessment]") {
  const Result r = run(
      R"(sources:
  own: {title: Own numbers}
inputs:
  requests: {value: 250000, because: measured in March, source: own, as_of: 2024-03-31}
  team: 7
  urgent: true
  skill: {value: expert}
  region: apac
)");
  struct Expect {
    std::string name;
    double value;
    std::string display;
    std::string origin;
    std::string source;
    std::string as_of;
    std::string because;
  };
  const std::vector<Expect> expected = {
      {"requests", 250000, "250,000", "assessment", "own", "2024-03-31", "measured in March"},
      // The framework's source vouches for its default only: an answer without one has none.
      {"team", 7, "7", "assessment", "", "", ""},
      {"urgent", 1, "true", "assessment", "", "", ""},
      {"skill", 3, "expert", "assessment", "", "", ""},
      {"region", 2, "apac", "assessment", "", "", ""},
  };
  REQUIRE(r.inputs.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(expected[i].name);
    CHECK(r.inputs[i].name == expected[i].name);
    CHECK(r.inputs[i].value == expected[i].value);
    CHECK(r.inputs[i].display == expected[i].display);
    CHECK(r.inputs[i].origin == expected[i].origin);
    CHECK(r.inputs[i].source == expected[i].source);
    CHECK(r.inputs[i].as_of == expected[i].as_of);
    CHECK(r.inputs[i].because == expected[i].because);
  }
  // An answer may cite the framework's sources too.
  const Result s = run("inputs:\n  requests: {value: 5, source: survey}\n");
  CHECK(s.inputs[0].source == "survey");
  CHECK(s.inputs[0].as_of == "");
}

TEST_CASE("assessment answers are checked against the framework's inputs",
          "[inputs][assessment][errors]") {
  struct Case {
    std::string line;  // line 4 of the assessment
    std::string brief;
    ErrorCode code;
    std::string hint;
  };
  const std::vector<Case> cases = {
      {"reqests: 5", "4:3: unknown input 'reqests'; framework 'f' has no such input",
       ErrorCode::UnknownReference, "did you mean 'requests'?"},
      {"zzz: 1", "4:3: unknown input 'zzz'; framework 'f' has no such input",
       ErrorCode::UnknownReference, ""},
      {"team: abc", "4:9: expected a whole number for input 'team', got 'abc'",
       ErrorCode::WrongType, ""},
      {"team: 2.5", "4:9: expected a whole number for input 'team', got 2.5", ErrorCode::WrongType,
       ""},
      {"team: 0", "4:9: input 'team' must be at least 1, got 0", ErrorCode::OutOfRange, ""},
      {"requests: \"12\"", "4:13: expected a number for input 'requests', got '12'",
       ErrorCode::WrongType, "remove the quotes: a quoted value is a string"},
      {"requests: 2000000", "4:13: input 'requests' must be between 0 and 1,000,000, got 2000000",
       ErrorCode::OutOfRange, ""},
      {"urgent: sometimes", "4:11: expected true or false for input 'urgent', got 'sometimes'",
       ErrorCode::WrongType, ""},
      {"skill: {value: expret, because: x}",
       "4:18: expected one of the levels of 'skill' (none, basic, solid, expert) for input "
       "'skill', got 'expret'",
       ErrorCode::InvalidValue, "did you mean 'expert'?"},
      {"region: [eu]", "4:11: expected a value for input 'region', got a sequence",
       ErrorCode::WrongType, ""},
      {"region: {because: x}", "4:11: missing key 'value' in the answer to input 'region'",
       ErrorCode::MissingKey, ""},
      {"requests: {value: 5, soruce: survey}",
       "4:24: unknown key 'soruce' in the answer to input 'requests'", ErrorCode::UnknownKey,
       "did you mean 'source'?"},
      {"requests: {value: 5, source: survy}",
       "4:32: unknown source 'survy'; sources are declared under 'sources:' here or in the "
       "framework",
       ErrorCode::UnknownReference, "did you mean 'survey'?"},
      {"requests: {value: 5, as_of: 2024-13-01}",
       "4:31: expected a date (YYYY-MM-DD) for as_of, got '2024-13-01'", ErrorCode::WrongType, ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    const auto all = assessment_errors("inputs:\n  " + c.line + "\n");
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == c.brief);
    CHECK(all[0].where.file == "acme.yaml");
    CHECK(all[0].code == c.code);
    CHECK(all[0].hint == c.hint);
  }
}

TEST_CASE("the command line's --set gives an input its value", "[inputs]") {
  const Result r = run("inputs: {team: 7}\n", set({{"requests", "5e3"},
                                                   {"urgent", "True"},
                                                   {"skill", "solid"},
                                                   {"region", "us"},
                                                   {"team", "9"}}));
  const std::vector<std::pair<double, std::string>> expected = {
      {5000, "5,000"}, {9, "9"}, {1, "true"}, {2, "solid"}, {1, "us"}};
  REQUIRE(r.inputs.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(r.inputs[i].name);
    CHECK(r.inputs[i].value == expected[i].first);
    CHECK(r.inputs[i].display == expected[i].second);
    CHECK(r.inputs[i].origin == "command line");
  }
  // The last --set of a name wins.
  const Result twice = run("", set({{"team", "2"}, {"team", "3"}}));
  CHECK(twice.inputs[1].value == 3);
}

TEST_CASE("bad --set values are usage errors with exact messages", "[inputs][errors]") {
  struct Case {
    std::string name;
    std::string value;
    std::string message;
    std::string hint;
  };
  const std::vector<Case> cases = {
      {"reqests", "1", "--set reqests=1: framework 'f' has no input 'reqests'",
       "did you mean 'requests'?"},
      {"nope", "1", "--set nope=1: framework 'f' has no input 'nope'", ""},
      {"team", "abc", "expected a whole number for --set team, got 'abc'", ""},
      {"team", "2.5", "expected a whole number for --set team, got 2.5", ""},
      {"team", "0", "--set team must be at least 1, got 0", ""},
      {"requests", "", "expected a number for --set requests, got ''", ""},
      {"requests", "2000000", "--set requests must be between 0 and 1,000,000, got 2000000", ""},
      {"requests", "-1", "--set requests must be between 0 and 1,000,000, got -1", ""},
      {"urgent", "yes", "expected true or false for --set urgent, got 'yes'", ""},
      {"skill", "expret",
       "expected one of the levels of 'skill' (none, basic, solid, expert) for --set skill, got "
       "'expret'",
       "did you mean 'expert'?"},
      {"region", "asia",
       "expected one of the choices of 'region' (eu, us, apac) for --set region, got 'asia'", ""},
      {"region", "uss",
       "expected one of the choices of 'region' (eu, us, apac) for --set region, got 'uss'",
       "did you mean 'us'?"},
  };
  const auto loaded = load_text(kFramework);
  for (const auto& c : cases) {
    CAPTURE(c.name, c.value);
    const Diagnostic d = expect_error([&] {
      tradeoff::evaluate(loaded.framework, nullptr, set({{c.name, c.value}}));
    });
    CHECK(d.code == ErrorCode::Usage);
    CHECK(d.message == c.message);
    CHECK(d.hint == c.hint);
    CHECK(d.where.file.empty());
    CHECK(d.where.line == 0);
  }
}

TEST_CASE("an input takes --set over the assessment over the default", "[inputs]") {
  const std::string answers =
      R"(sources:
  own: {title: Own numbers}
inputs:
  requests: {value: 250000, because: measured, source: own, as_of: 2024-03-31}
  team: {value: 7, because: headcount}
)";
  struct Case {
    const char* name;
    std::string body;
    EvaluateOptions opt;
    double requests;
    std::string origin;
    std::string source;
    std::string as_of;
    std::string because;
  };
  const std::vector<Case> cases = {
      {"default, with the framework's source and date",
       "title: T\n",
       {},
       1000,
       "default",
       "survey",
       "2024-01-01",
       ""},
      {"assessment, with its own provenance",
       answers,
       {},
       250000,
       "assessment",
       "own",
       "2024-03-31",
       "measured"},
      {"--set over the assessment clears the provenance", answers, set({{"requests", "42"}}), 42,
       "command line", "", "", ""},
      {"--set over the default clears the framework's source", "title: T\n",
       set({{"requests", "42"}}), 42, "command line", "", "", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const Result r = run(c.body, c.opt);
    CHECK(r.inputs[0].value == c.requests);
    CHECK(r.inputs[0].origin == c.origin);
    CHECK(r.inputs[0].source == c.source);
    CHECK(r.inputs[0].as_of == c.as_of);
    CHECK(r.inputs[0].because == c.because);
    CHECK(r.inputs[0].unit == "requests/day");
    CHECK(r.inputs[0].description == "Requests a day");
  }
  // Other inputs keep their own origin.
  const Result r = run(answers, set({{"requests", "42"}}));
  CHECK(r.inputs[1].value == 7);
  CHECK(r.inputs[1].origin == "assessment");
  CHECK(r.inputs[1].because == "headcount");
  CHECK(r.inputs[2].origin == "default");
  CHECK(r.inputs[2].display == "false");
}
