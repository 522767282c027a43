// `expect:` in an assessment and `tradeoff check`: the block's diagnostics, and each
// expectation held against a fresh evaluation with its numbers said plainly.
#include "tradeoff/check.hpp"

#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "test_support.hpp"

using tradeoff::CheckOptions;
using tradeoff::CheckStatus;
using tradeoff::ErrorCode;
using tradeoff::FileCheck;
using tradeoff::test::brief;
using tradeoff::test::expect_errors;
using tradeoff::test::load_assessment_text;

namespace {

// a = (0.8 + 2 x 0.8) / 3 = 0.8; b = (0.6 + 2 x 0.86) / 3 = 0.77333: a leads by 0.026667.
const std::string kFramework = R"(framework: f
inputs:
  banned: {type: boolean, default: false}
  alone: {type: boolean, default: false}
criteria:
  - {id: price, direction: cost, scale: [0, 10], weight: 1}
  - {id: quality, direction: benefit, scale: [0, 10], weight: 2}
options:
  - {id: a, scores: {price: 2, quality: 8}}
  - {id: b, scores: {price: 4, quality: 8.6}}
  - {id: c, scores: {price: 9, quality: 3}}
rules:
  - {id: ban_all, when: banned, veto: [a, b, c], because: nothing is allowed}
  - {id: only_a, when: alone, veto: [b, c], because: a alone is allowed}
)";

FileCheck check(const std::string& body, CheckOptions options = {}) {
  const auto loaded = load_assessment_text(body, kFramework);
  REQUIRE(loaded.assessment);
  return tradeoff::check_assessment(loaded.framework, *loaded.assessment, options);
}

std::vector<std::string> texts(const FileCheck& c) {
  std::vector<std::string> out;
  for (const auto& o : c.outcomes) out.push_back(o.text);
  return out;
}

std::string text_of(const std::vector<FileCheck>& files) {
  std::ostringstream out;
  tradeoff::render_check(files, tradeoff::Format::Text, out);
  return out.str();
}

std::vector<std::string> briefs(const std::string& body) {
  std::vector<std::string> out;
  for (const auto& d : expect_errors([&] { load_assessment_text(body, kFramework); })) {
    out.push_back(brief(d) + " [" + std::string(to_string(d.code)) + "]" +
                  (d.hint.empty() ? "" : " (" + d.hint + ")"));
  }
  return out;
}

}  // namespace

TEST_CASE("expect: is read into the assessment", "[check][load]") {
  const auto loaded = load_assessment_text(
      "expect: {winner: [a, b], min_margin: 0.02, min_confidence: 0.8}\n", kFramework);
  REQUIRE(loaded.assessment->expect);
  const auto& e = *loaded.assessment->expect;
  CHECK(*e.winners == std::vector<std::string>{"a", "b"});
  CHECK(*e.min_margin == 0.02);
  CHECK(*e.min_confidence == 0.8);
  CHECK(e.where.line == 3);
  CHECK(e.winner_where.column == 18);
  const auto one = load_assessment_text("expect: {winner: a}\n", kFramework);
  CHECK(*one.assessment->expect->winners == std::vector<std::string>{"a"});
  CHECK_FALSE(one.assessment->expect->min_margin);
  const auto none = load_assessment_text("expect: {winner: []}\n", kFramework);
  CHECK(none.assessment->expect->winners->empty());
}

TEST_CASE("a bad expect: block is reported where it is written", "[check][load][errors]") {
  CHECK(briefs("expect: {winner: d}\n") ==
        std::vector<std::string>{"3:18: unknown option 'd' in 'expect: winner'; framework 'f' "
                                 "has 'a', 'b', 'c' [unknown-reference]"});
  CHECK(briefs("expect: {winner: [a, bb]}\n") ==
        std::vector<std::string>{"3:22: unknown option 'bb' in 'expect: winner'; framework 'f' "
                                 "has 'a', 'b', 'c' [unknown-reference]"});
  CHECK(briefs("expect: {winer: a}\n") ==
        std::vector<std::string>{
            "3:10: unknown key 'winer' in expect [unknown-key] (did you mean 'winner'?)"});
  CHECK(briefs("expect: {min_confidence: 1.5}\n") ==
        std::vector<std::string>{
            "3:26: expect: min_confidence must lie in [0, 1], got 1.5 [out-of-range]"});
  CHECK(briefs("expect: {min_margin: -0.1}\n") ==
        std::vector<std::string>{"3:22: expect: min_margin must be at least 0, got -0.1 "
                                 "[out-of-range]"});
  CHECK(
      briefs("expect: {min_margin: \"0.1\"}\n") ==
      std::vector<std::string>{"3:22: expected a number for expect: min_margin, got the "
                               "string '0.1' [wrong-type] (remove the quotes: a quoted value is a "
                               "string)"});
  CHECK(briefs("expect: {winner: {a: 1}}\n") ==
        std::vector<std::string>{"3:18: expected an option id or a list of them for expect: "
                                 "winner, got a mapping [wrong-type]"});
  CHECK(briefs("expect: {}\n") ==
        std::vector<std::string>{"3:9: 'expect:' is empty; give 'winner', 'min_margin' or "
                                 "'min_confidence' [missing-key]"});
  CHECK(
      briefs("expect: [a]\n") ==
      std::vector<std::string>{"3:9: expected a mapping for expect, got a sequence [wrong-type]"});
}

TEST_CASE("check: the winner, the margin and the confidence held to their minimums", "[check]") {
  SECTION("every expectation holds") {
    const FileCheck c = check("expect: {winner: [a, b], min_margin: 0.02}\n");
    CHECK(c.status == CheckStatus::Pass);
    CHECK(c.winners == std::vector<std::string>{"a"});
    CHECK(c.runner_up == "b");
    tradeoff::test::check_close(*c.margin, 0.8 - 2.32 / 3);
    CHECK(texts(c) == std::vector<std::string>{"winner a", "margin 0.0267 >= 0.02"});
    CHECK_FALSE(c.confidence);  // not asked: no Monte-Carlo
    CHECK(text_of({c}) ==
          "PASS acme.yaml: winner a (margin 0.0267 >= 0.02)\n"
          "1 file: 1 passed, 0 failed, 0 errors\n");
  }
  SECTION("another winner, and a margin too small") {
    const FileCheck c = check("expect: {winner: [b, c], min_margin: 0.1}\n");
    CHECK(c.status == CheckStatus::Fail);
    CHECK(texts(c) ==
          std::vector<std::string>{"winner is a, expected b or c", "margin 0.0267 is below 0.1"});
    CHECK(text_of({c}) ==
          "FAIL acme.yaml: winner is a, expected b or c; margin 0.0267 is below 0.1\n"
          "1 file: 0 passed, 1 failed, 0 errors\n");
  }
  SECTION("a failure beside what held") {
    const FileCheck c = check("expect: {winner: a, min_margin: 0.03}\n");
    CHECK(text_of({c}) ==
          "FAIL acme.yaml: margin 0.0267 is below 0.03 (winner a)\n"
          "1 file: 0 passed, 1 failed, 0 errors\n");
  }
  SECTION("a figure that rounds to its bound shows every digit") {
    const FileCheck c = check("expect: {min_margin: 0.02667}\n");
    CHECK(texts(c) == std::vector<std::string>{"margin 0.02666666666666684 is below 0.02667"});
  }
  SECTION("the Monte-Carlo confidence, as sensitivity computes it") {
    CheckOptions options;
    options.smaa.samples = 2000;
    options.smaa.seed = 3;
    const FileCheck c = check("expect: {min_confidence: 0.999}\n", options);
    const auto loaded = load_assessment_text("", kFramework);
    const auto s = tradeoff::smaa(loaded.framework, &*loaded.assessment, {}, options.smaa);
    REQUIRE(c.confidence);
    CHECK(*c.confidence == s.confidence);
    CHECK(*c.confidence_error == s.confidence_error);
    CHECK(c.samples == 2000);
    CHECK(*c.confidence > 0.9);
    CHECK(*c.confidence < 0.999);
    CHECK(c.status == CheckStatus::Fail);
    CHECK(texts(c) ==
          std::vector<std::string>{fmt::format("confidence {:.4f} is below 0.999", *c.confidence)});
  }
}

TEST_CASE("check: no samples, no confidence", "[check]") {
  CheckOptions options;
  options.smaa.samples = 0;
  const FileCheck c = check("expect: {min_confidence: 0.5}\n", options);
  CHECK(c.status == CheckStatus::Fail);
  CHECK_FALSE(c.confidence);
  CHECK(texts(c) ==
        std::vector<std::string>{"no confidence: no Monte-Carlo sample drawn (--samples 0)"});
}

TEST_CASE("check: a decision where every option is excluded", "[check]") {
  const std::string banned = "inputs: {banned: true}\n";
  CHECK(texts(check(banned + "expect: {winner: []}\n")) ==
        std::vector<std::string>{"every option excluded"});
  CHECK(check(banned + "expect: {winner: []}\n").status == CheckStatus::Pass);
  const FileCheck c = check(banned + "expect: {winner: a, min_margin: 0, min_confidence: 0.5}\n");
  CHECK(c.status == CheckStatus::Fail);
  CHECK(texts(c) == std::vector<std::string>{
                        "no option is ranked (every option is excluded), expected a",
                        "no margin: no option is ranked", "no confidence: no option is ranked"});
  CHECK_FALSE(c.confidence);
  CHECK(texts(check("expect: {winner: []}\n")) ==
        std::vector<std::string>{"winner is a, expected every option to be excluded"});
}

TEST_CASE("check: a lone option has no runner-up to be overtaken by", "[check]") {
  const FileCheck c = check("inputs: {alone: true}\nexpect: {winner: a, min_margin: 0.5}\n");
  CHECK(c.status == CheckStatus::Pass);
  CHECK_FALSE(c.margin);
  CHECK(c.runner_up.empty());
  CHECK(texts(c) == std::vector<std::string>{"winner a", "margin: a is the only option ranked"});
}

TEST_CASE("check: a tie for first passes only when every tied option is acceptable", "[check]") {
  const std::string tie = "scores: {b: {price: 2, quality: 8}}\n";
  const FileCheck c = check(tie + "expect: {winner: a, min_margin: 0}\n");
  CHECK(c.winners == std::vector<std::string>{"a", "b"});
  CHECK(*c.margin == 0);
  CHECK(texts(c) == std::vector<std::string>{"winner is tied between a and b, expected a",
                                             "margin 0.0000 >= 0"});
  CHECK(texts(check(tie + "expect: {winner: [b, a]}\n")) ==
        std::vector<std::string>{"winner tied between a and b"});
}

TEST_CASE("check: a file without expectations is skipped, or fails under --strict", "[check]") {
  const FileCheck skipped = check("");
  CHECK(skipped.status == CheckStatus::NoExpectations);
  CHECK(skipped.outcomes.empty());
  CheckOptions strict;
  strict.strict = true;
  const FileCheck failed = check("", strict);
  CHECK(failed.status == CheckStatus::Fail);
  CHECK(text_of({skipped, failed}) ==
        "SKIP acme.yaml: no expectations (winner a)\n"
        "FAIL acme.yaml: no expectations (no 'expect:' block; --strict) (winner a)\n"
        "2 files: 0 passed, 1 failed, 0 errors, 1 without expectations\n");
}

TEST_CASE("check_file: a file that does not load is an error; the others are checked", "[check]") {
  tradeoff::MemoryReader reader;
  reader.add("f.yaml", kFramework);
  reader.add("good.yaml", "assessment: good\nframework: f.yaml\nexpect: {winner: a}\n");
  reader.add("bad.yaml", "assessment: bad\nframework: f.yaml\nexpect: {winner: z, x: 1}\n");
  std::vector<FileCheck> files;
  for (const char* name : {"good.yaml", "bad.yaml", "missing.yaml", "f.yaml"}) {
    files.push_back(tradeoff::check_file(reader, name, {}));
  }
  CHECK(files[0].status == CheckStatus::Pass);
  CHECK(files[1].status == CheckStatus::Error);
  CHECK(files[1].assessment.empty());
  CHECK(files[1].diagnostics.size() == 2);
  CHECK(files[2].status == CheckStatus::Error);
  CHECK(files[3].status == CheckStatus::Error);
  const auto summary = tradeoff::summarize(files);
  CHECK(summary.passed == 1);
  CHECK(summary.errors == 3);
  CHECK_FALSE(summary.ok());
  CHECK(text_of(files) ==
        "PASS good.yaml: winner a\n"
        "ERROR bad.yaml: bad.yaml:3:18: unknown option 'z' in 'expect: winner'; framework 'f' has "
        "'a', 'b', 'c' [unknown-reference] (and 1 more)\n"
        "ERROR missing.yaml: missing.yaml: no such file [io]\n"
        "ERROR f.yaml: f.yaml:1:1: expected an assessment file, got a framework file "
        "[wrong-kind]\n"
        "4 files: 1 passed, 0 failed, 3 errors\n");
}

TEST_CASE("check: JSON gives each file's figures, expectations and diagnostics", "[check]") {
  tradeoff::MemoryReader reader;
  reader.add("f.yaml", kFramework);
  reader.add("good.yaml",
             "assessment: good\nframework: f.yaml\n"
             "expect: {winner: [b], min_margin: 0.01}\n");
  std::ostringstream out;
  tradeoff::render_check({tradeoff::check_file(reader, "good.yaml", {})}, tradeoff::Format::Json,
                         out);
  CHECK(out.str() == R"({
  "files": [
    {
      "file": "good.yaml",
      "assessment": "good",
      "framework": "f",
      "status": "fail",
      "winner": "a",
      "winners": [
        "a"
      ],
      "runner_up": "b",
      "margin": 0.0266666666667,
      "confidence": null,
      "confidence_error": null,
      "samples": 0,
      "expectations": [
        {
          "kind": "winner",
          "passed": false,
          "expected": [
            "b"
          ],
          "message": "winner is a, expected b"
        },
        {
          "kind": "min_margin",
          "passed": true,
          "expected": 0.01,
          "actual": 0.0266666666667,
          "message": "margin 0.0267 >= 0.01"
        }
      ],
      "diagnostics": []
    }
  ],
  "passed": 0,
  "failed": 1,
  "errors": 0,
  "no_expectations": 0,
  "ok": false
}
)");
}
