// Regression tests for the bugs found while testing the expression language and the rules:
// error kinds, ranges around parentheses, wording, numbers in messages, round() and log() of
// large or exact values, and rule diagnostics.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "expr/ast.hpp"
#include "expr/check.hpp"
#include "test_support.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"

using tradeoff::Diagnostic;
using tradeoff::expr::check;
using tradeoff::expr::parse;
using tradeoff::expr::ParseError;
using tradeoff::expr::Symbols;
using tradeoff::expr::Tree;
using tradeoff::expr::Type;
using tradeoff::test::brief;
using tradeoff::test::expect_error;
using tradeoff::test::load_errors;
using tradeoff::test::load_text;

namespace {

ParseError parse_error(const std::string& text) {
  try {
    (void)parse(text);
  } catch (const ParseError& e) {
    return e;
  }
  FAIL("expected a ParseError for: " << text);
  return {};
}

Symbols symbols() {
  Symbols s;
  s.domains = {{"skill", {"none", "basic", "solid", "expert"}, true},
               {"tier", {"low", "mid", "high"}, true}};
  s.symbols = {{"price", Type::Number, 0, -1}, {"urgent", Type::Bool, 1, -1},
               {"skill", Type::Level, 2, 0},   {"tier", Type::Level, 3, 1}};
  return s;
}

std::vector<std::string> check_messages(const std::string& text) {
  Tree t = parse(text);
  std::vector<std::string> out;
  for (const auto& e : check(t, symbols(), Type::Unknown)) out.push_back(e.message);
  return out;
}

const std::string kTail =
    "criteria:\n"
    "  - id: speed\n"
    "    direction: benefit\n"
    "    scale: [1, 5]\n"
    "    weight: 2\n"
    "options:\n"
    "  - id: a\n"
    "    scores: {speed: 4}\n"
    "  - id: b\n"
    "    scores: {speed: 3}\n";

}  // namespace

// 1. The parser once classified errors by searching their message for "too ", so a syntax
//    error quoting a string with "too " in it was reported as a limit.
TEST_CASE("a quoted string with 'too ' makes a syntax error a limit",
          "[regression][expr]") {
  for (const std::string text : {"1 \"too late\"", "(1 \"too far\""}) {
    CAPTURE(text);
    const ParseError e = parse_error(text);
    CHECK(e.kind == ParseError::Kind::Syntax);
  }
}

// 2. A node's byte range once left out the parentheses around its first or last operand: the
//    caret of an error in "(a + 1) / (a - 5)" started inside the first parenthesis.
TEST_CASE("error ranges leave out the parentheses of their operands",
          "[regression][expr]") {
  const Tree t = parse("(a + 1) / (a - 5)");
  CHECK(t.node(t.root).begin == 0); 
  CHECK(t.node(t.root).end == 17);  
  const auto loaded = load_text(
      "framework: f\n"
      "inputs:\n"
      "  a: {type: number, default: 5}\n"
      "derived:\n"
      "  ratio: (a + 1) / (a - 5)\n" +
      kTail);
  const Diagnostic d = expect_error([&] { tradeoff::evaluate(loaded.framework, nullptr); });
  CHECK(brief(d) == "5:10: in derived value 'ratio': division by zero (with a = 5)");
  CHECK(d.length == 17);
}

// 3. Messages that read wrongly.
TEST_CASE("min() and max() say 'at least 1 arguments'", "[regression][expr]") {
  CHECK(check_messages("min()") ==
        std::vector<std::string>{"min() takes at least 1 argument, got 0"});
}

TEST_CASE("type errors between levels of different inputs name the same type twice",
          "[regression][expr]") {
  // The real difference (the values they take) is not said; compare "skill == tier", which says
  // "they take different values".
  const auto branches = check_messages("if(urgent, skill, tier)");
  REQUIRE(branches.size() == 1);
  CHECK(branches[0] != "the two branches of if() must have the same type, got a level and a level");
  const auto list = check_messages("skill in [tier]");
  REQUIRE(list.size() == 1);
  CHECK(list[0] != "expected a level in this list, like 'skill', got a level");
  // Two strings are the same type; the problem is that if() cannot return strings.
  const auto strings = check_messages("if(urgent, \"a\", \"b\")");
  REQUIRE(strings.size() == 1);
  CHECK(strings[0] !=
        "the two branches of if() must have the same type, got a string and a string");
}

TEST_CASE("ordering booleans says they cannot be compared at all",
          "[regression][expr]") {
  // "urgent == true" is fine; only the order is missing.
  const auto m = check_messages("urgent < true");
  REQUIRE(m.size() == 1);
  CHECK(m[0] != "cannot compare a boolean with a boolean");
}

TEST_CASE("'a integer' in the message of an integer input with choices",
          "[regression][inputs]") {
  const auto all = load_errors(
      "framework: f\ninputs:\n  t: {type: integer, choices: [a, b], default: 1}\n" + kTail);
  REQUIRE(all.size() == 1);
  CHECK(all[0].message == "input 't' is an integer, which has no 'choices'");
}

TEST_CASE("an empty list of choices is described as 'a sequence'",
          "[regression][inputs]") {
  const auto all =
      load_errors("framework: f\ninputs:\n  t: {type: choice, choices: [], default: a}\n" + kTail);
  REQUIRE(all.size() == 1);
  CHECK(all[0].message ==
        "expected a non-empty list of values for the choices of input 't', got an empty list");
}

// 4. Numbers in messages were rounded to whole numbers (from 1000) or four decimals, which
//    misquoted bounds and values.
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
  for (const auto& c : cases) {
    CAPTURE(c.line);
    const auto all = load_errors("framework: f\ninputs:\n  " + c.line + "\n" + kTail);
    REQUIRE(all.size() == 1);
    CHECK(all[0].message == c.message);
  }
}

TEST_CASE("a runtime error quotes a small value as 0", "[regression][derived]") {
  const auto loaded = load_text(
      "framework: f\n"
      "inputs:\n"
      "  x: {type: number, default: -0.00001}\n"
      "derived:\n"
      "  r: log(x)\n" +
      kTail);
  const Diagnostic d = expect_error([&] { tradeoff::evaluate(loaded.framework, nullptr); });
  CHECK(d.message.find("(with x = 0)") == std::string::npos);
}

// 5. round(x, digits) multiplied by 10^digits first, so a large but finite x overflowed.
TEST_CASE("round() of a large number with digits fails as too large",
          "[regression][expr]") {
  for (const std::string text : {"round(1e300, 15)", "round(1e308, 1)"}) {
    CAPTURE(text);
    Tree t = parse(text);
    REQUIRE(check(t, symbols(), Type::Number).empty());
    double v = 0;
    CHECK_NOTHROW(v = tradeoff::expr::evaluate(t, nullptr));
    CHECK(v == std::stod(text.substr(6, 5)));
  }
}

// 6. log(x, base) as log(x) / log(base) gave log(1000, 10) = 2.9999999999999996.
TEST_CASE("log(1000, 10) is not exactly 3", "[regression][expr]") {
  Tree t = parse("floor(log(1000, 10))");
  REQUIRE(check(t, symbols(), Type::Number).empty());
  CHECK(tradeoff::expr::evaluate(t, nullptr) == 3);
}

// 7. Rules.
TEST_CASE("'all weights zero' after rules points at the last rule, even unrelated",
          "[regression][rules]") {
  const auto loaded = load_text(
      "framework: f\n" + kTail +
      "rules:\n"
      "  - id: zero_all\n"                          // 13
      "    when: true\n"
      "    weight: {criterion: speed, set: 0}\n"    // 15
      "    because: a\n"
      "  - id: unrelated\n"                         // 17
      "    when: false\n"
      "    veto: b\n"
      "    because: b\n");
  const Diagnostic d = expect_error([&] { tradeoff::evaluate(loaded.framework, nullptr); });
  CHECK(brief(d) ==
        "15:13: all criterion weights are zero after rule 'zero_all'; at least one must be "
        "positive");
}

TEST_CASE("one rule setting a score twice is reported as two rules",
          "[regression][rules]") {
  const auto loaded = load_text(
      "framework: f\n" + kTail +
      "rules:\n"
      "  - id: twice\n"
      "    when: true\n"
      "    adjust:\n"
      "      - {option: a, criterion: speed, set: 2}\n"
      "      - {option: a, criterion: speed, set: 3}\n"
      "    because: a\n");
  const auto r = tradeoff::evaluate(loaded.framework, nullptr);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].message.find("rules 'twice' and 'twice'") == std::string::npos);
}

TEST_CASE("a note quoting an input with its own error is reported again",
          "[regression][rules]") {
  const auto all = load_errors(
      "framework: f\n"
      "inputs:\n"
      "  x: {type: number, default: abc}\n" +
      kTail +
      "rules:\n"
      "  - id: r\n"
      "    when: true\n"
      "    note: \"{x}\"\n"
      "    because: a\n");
  REQUIRE(all.size() == 1);
  CHECK(all[0].message == "expected a number for the default of input 'x', got 'abc'");
}

TEST_CASE("misspelt effect keys of a rule get no did-you-mean",
          "[regression][rules]") {
  const auto all = load_errors(
      "framework: f\n" + kTail +
      "rules:\n"
      "  - id: r\n"
      "    when: true\n"
      "    vetoo: b\n"
      "    ajust: {option: a, criterion: speed, add: 1}\n"
      "    because: a\n");
  REQUIRE(all.size() == 2);
  CHECK(brief(all[0]) == "15:5: unknown key 'vetoo' in rule 'r'");
  CHECK(all[0].hint == "did you mean 'veto'?");  
  CHECK(brief(all[1]) == "16:5: unknown key 'ajust' in rule 'r'");
  CHECK(all[1].hint == "did you mean 'adjust'?");
}
