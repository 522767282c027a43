// The diagnostics of the framework, catalog-criterion and assessment loaders: every problem of
// a file reported at once, each with its exact message, code, hint and position.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "load/framework_loader.hpp"
#include "loader_cases.hpp"
#include "test_support.hpp"
#include "tradeoff/catalog.hpp"

using tradeoff::Diagnostic;
using tradeoff::ErrorCode;
using tradeoff::Severity;
using tradeoff::test::brief;
using tradeoff::test::expect_errors;
using tradeoff::test::load_errors;
using tradeoff::test::load_text;
using tradeoff::test::loader_cases::edit;
using tradeoff::test::loader_cases::kBase;

// --- diagnostics ---------------------------------------------------------------------------

namespace {

std::vector<Diagnostic> errors_only(const std::vector<Diagnostic>& all) {
  std::vector<Diagnostic> out;
  for (const auto& d : all) {
    if (d.severity == Severity::Error) out.push_back(d);
  }
  return out;
}

struct ErrorCase {
  const char* name;
  std::string yaml;
  ErrorCode code;
  const char* brief;  // "line:column: message" of the first error
  const char* hint;
  size_t errors;  // how many errors the file has in all
};

void check_case(const ErrorCase& c) {
  CAPTURE(c.name);
  const auto all = errors_only(load_errors(c.yaml));
  REQUIRE(!all.empty());
  CHECK(brief(all[0]) == c.brief);
  CHECK(all[0].code == c.code);
  CHECK(all[0].hint == c.hint);
  CHECK(all[0].where.file == "f.yaml");
  CHECK(all.size() == c.errors);
}

}  // namespace

TEST_CASE("framework problems are reported with message, code and position", "[load][errors]") {
  const std::vector<ErrorCase> cases = {
      {"unknown top-level key", edit(kBase, "framework: f\n", "framework: f\ntitel: F\n"),
       ErrorCode::UnknownKey, "2:1: unknown key 'titel' in framework", "did you mean 'title'?", 1},
      {"unknown key without a close match",
       edit(kBase, "framework: f\n", "framework: f\ncolour: red\n"), ErrorCode::UnknownKey,
       "2:1: unknown key 'colour' in framework", "", 1},
      {"unknown key in a score mapping",
       edit(kBase, "{speed: 4, price: 10}", "{speed: {value: 4, becuase: x}, price: 10}"),
       ErrorCode::UnknownKey, "12:32: unknown key 'becuase' in the score of 'a' on 'speed'",
       "did you mean 'because'?", 1},
      {"duplicate key", edit(kBase, "    weight: 3\n", "    weight: 3\n    weight: 4\n"),
       ErrorCode::DuplicateKey, "7:5: duplicate key 'weight' (first given on line 6)", "", 1},
      {"duplicate option id", kBase + "  - id: a\n    scores: {speed: 1, price: 5}\n",
       ErrorCode::DuplicateId, "15:9: duplicate option id 'a' (first defined on line 11)", "", 1},
      {"missing scores of several criteria", edit(kBase, "{speed: 4, price: 10}", "{}"),
       ErrorCode::MissingScore, "12:5: option 'a' has no score for criteria 'speed', 'price'", "",
       1},
      {"missing score of one criterion", edit(kBase, "{speed: 4, price: 10}", "{price: 10}"),
       ErrorCode::MissingScore, "12:5: option 'a' has no score for criterion 'speed'", "", 1},
      {"negative weight", edit(kBase, "    weight: 3\n", "    weight: -1\n"),
       ErrorCode::InvalidWeights,
       "6:13: weight of criterion 'speed' must be a non-negative number, got -1", "", 1},
      {"quoted weight is a string", edit(kBase, "    weight: 3\n", "    weight: \"14\"\n"),
       ErrorCode::WrongType,
       "6:13: expected a number for the weight of criterion 'speed', got the string '14'",
       "remove the quotes: a quoted value is a string", 1},
      {"word as weight", edit(kBase, "    weight: 3\n", "    weight: high\n"), ErrorCode::WrongType,
       "6:13: expected a number for the weight of criterion 'speed', got 'high'", "", 1},
      {"missing weight", edit(kBase, "    weight: 3\n", ""), ErrorCode::MissingKey,
       "3:5: missing key 'weight' in criterion 'speed'", "", 1},
      {"all weights zero",
       edit(edit(kBase, "    weight: 3\n", "    weight: 0\n"), "    weight: 1\n",
            "    weight: 0.0\n"),
       ErrorCode::InvalidWeights,
       "2:1: all criterion weights are zero; at least one must be positive", "", 1},
      {"score above the scale", edit(kBase, "{speed: 4, price: 10}", "{speed: 6, price: 10}"),
       ErrorCode::OutOfRange,
       "12:21: score 6 of 'a' on 'speed' is outside the criterion's scale [1, 5]", "", 1},
      {"score below the scale", edit(kBase, "{speed: 2, price: 20}", "{speed: 0.5, price: 20}"),
       ErrorCode::OutOfRange,
       "14:21: score 0.5 of 'b' on 'speed' is outside the criterion's scale [1, 5]", "", 1},
      {"invalid option id", edit(kBase, "  - id: b\n", "  - id: B\n"), ErrorCode::InvalidValue,
       "13:9: invalid id 'B' for an option: ids are snake_case (a lower-case letter, then "
       "lower-case letters, digits or '_', at most 64)",
       "", 1},
      {"bad direction", edit(kBase, "direction: benefit\n", "direction: benefits\n"),
       ErrorCode::InvalidValue, "4:16: expected 'benefit' or 'cost' for direction, got 'benefits'",
       "did you mean 'benefit'?", 1},
      {"direction missing without use:", edit(kBase, "    direction: cost\n", ""),
       ErrorCode::MissingKey, "7:5: missing key 'direction' in criterion 'price'", "", 1},
      {"scale low > high", edit(kBase, "scale: [1, 5]", "scale: [5, 1]"), ErrorCode::InvalidValue,
       "5:12: the scale of criterion 'speed' must have low < high, got [5, 1]", "", 1},
      {"scale low == high", edit(kBase, "scale: [1, 5]", "scale: [3, 3]"), ErrorCode::InvalidValue,
       "5:12: the scale of criterion 'speed' must have low < high, got [3, 3]", "", 1},
      {"scale of three numbers", edit(kBase, "scale: [1, 5]", "scale: [1, 3, 5]"),
       ErrorCode::WrongType,
       "5:12: expected [low, high] for the scale of criterion 'speed', got a sequence", "", 1},
      {"unknown method", kBase + "method: {name: wsn}\n", ErrorCode::InvalidValue,
       "15:16: unknown method 'wsn'; expected one of 'wsm', 'wpm', 'waspas', 'topsis', 'vikor', "
       "'promethee2'",
       "did you mean 'wsm'?", 1},
      {"unknown normalization", kBase + "method: {normalization: minmx}\n", ErrorCode::InvalidValue,
       "15:25: unknown normalization 'minmx'; expected one of 'declared', 'none', 'minmax', "
       "'max', 'sum', 'vector'",
       "did you mean 'minmax'?", 1},
      {"unknown key in method", kBase + "method: {nmae: wsm}\n", ErrorCode::UnknownKey,
       "15:10: unknown key 'nmae' in method", "did you mean 'name'?", 1},
  };
  for (const auto& c : cases) check_case(c);
}

TEST_CASE("an unknown key in a criterion also leaves its weight missing", "[load][errors]") {
  const auto all = load_errors(edit(kBase, "    weight: 3\n", "    wieght: 3\n"));
  REQUIRE(all.size() == 2);
  CHECK(brief(all[0]) == "3:5: missing key 'weight' in criterion 'speed'");
  CHECK(all[0].code == ErrorCode::MissingKey);
  CHECK(brief(all[1]) == "6:5: unknown key 'wieght' in criterion 'speed'");
  CHECK(all[1].code == ErrorCode::UnknownKey);
  CHECK(all[1].hint == "did you mean 'weight'?");
  CHECK(all[1].length == 6);  // the caret underlines the key
}

TEST_CASE("a duplicate criterion id points at the second definition", "[load][errors]") {
  // The second speed takes lines 10 to 12.
  const std::string yaml = edit(kBase, "options:\n",
                                R"(  - id: speed
    direction: cost
    weight: 1
options:
)");
  const auto all = load_errors(yaml);
  REQUIRE(all.size() == 1);
  CHECK(brief(all[0]) == "10:9: duplicate criterion id 'speed' (first defined on line 3)");
  CHECK(all[0].code == ErrorCode::DuplicateId);
}

TEST_CASE("duplicate ids of options, rules, groups and stakeholders read as criteria's do",
          "[load][errors]") {
  SECTION("options") {
    const auto all = load_errors(edit(kBase, "  - id: b\n", "  - id: a\n"));
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == "13:9: duplicate option id 'a' (first defined on line 11)");
    CHECK(all[0].code == ErrorCode::DuplicateId);
  }
  SECTION("rules") {
    // kBase has 14 lines: the rules take lines 15 to 17.
    const auto all = load_errors(kBase +
                                 R"(rules:
  - {id: r, when: 'true', because: x, veto: a}
  - {id: r, when: 'true', because: y, veto: b}
)");
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == "17:10: duplicate rule id 'r' (first defined on line 16)");
    CHECK(all[0].code == ErrorCode::DuplicateId);
  }
  SECTION("groups") {
    // kBase has 14 lines: the weighting takes lines 15 to 19.
    const auto all = load_errors(kBase +
                                 R"(weighting:
  method: groups
  groups:
    - {id: g, criteria: [speed], weight: 1}
    - {id: g, criteria: [price], weight: 1}
)");
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == "19:12: duplicate group id 'g' (first defined on line 18)");
    CHECK(all[0].code == ErrorCode::DuplicateId);
  }
  SECTION("stakeholders") {
    // kBase has 14 lines: the weighting takes lines 15 to 19.
    const auto all = load_errors(kBase +
                                 R"(weighting:
  method: stakeholders
  stakeholders:
    - {id: cto, weights: {speed: 1, price: 1}}
    - {id: cto, weights: {speed: 2, price: 1}}
)");
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == "19:12: duplicate stakeholder id 'cto' (first defined on line 18)");
    CHECK(all[0].code == ErrorCode::DuplicateId);
  }
}

TEST_CASE("an unknown criterion in scores gets a hint, and the real one is missing",
          "[load][errors]") {
  const auto all = load_errors(edit(kBase, "{speed: 4, price: 10}", "{sped: 4, price: 10}"));
  REQUIRE(all.size() == 2);  // in source order
  CHECK(brief(all[0]) == "12:5: option 'a' has no score for criterion 'speed'");
  CHECK(all[0].code == ErrorCode::MissingScore);
  CHECK(brief(all[1]) == "12:14: unknown criterion 'sped' in the scores of option 'a'");
  CHECK(all[1].code == ErrorCode::UnknownReference);
  CHECK(all[1].hint == "did you mean 'speed'?");
}

TEST_CASE("a criterion with an invalid id is reported once, not again in every score",
          "[load][errors]") {
  std::string yaml = edit(kBase, "  - id: speed\n", "  - id: Speed\n");
  yaml = edit(yaml, "{speed: 4, price: 10}", "{Speed: 4, price: 10}");
  yaml = edit(yaml, "{speed: 2, price: 20}", "{Speed: 2, price: 20}");
  const auto all = load_errors(yaml);
  REQUIRE(all.size() == 1);
  CHECK(brief(all[0]) ==
        "3:9: invalid id 'Speed' for a criterion: ids are snake_case (a lower-case letter, "
        "then lower-case letters, digits or '_', at most 64)");
  CHECK(all[0].code == ErrorCode::InvalidValue);
  CHECK(all[0].length == 5);
}

TEST_CASE("value functions must be sorted, within [0, 1] and have two points", "[load][errors]") {
  struct Case {
    const char* points;
    const char* brief;
  };
  // The value function sits on line 10, after the price criterion.
  const std::vector<Case> cases = {
      {"[[0, 1], [10, 0.5], [5, 0]]",
       "10:51: value-function points must be sorted by strictly increasing value; 5 follows 10"},
      {"[[0, 1], [0, 0.5]]",
       "10:40: value-function points must be sorted by strictly increasing value; 0 follows 0"},
      {"[[0, 1.5], [10, 0]]", "10:35: value-function scores must lie in [0, 1], got 1.5"},
      {"[[0, 1], [10, -0.1]]", "10:44: value-function scores must lie in [0, 1], got -0.1"},
      {"[[0, 1]]",
       "10:30: expected at least two [value, score] points for the value function of "
       "criterion 'price', got 1 point"},
      {"[[0, 1], [10]]",
       "10:39: expected a [value, score] pair in the value function of criterion 'price', "
       "got a sequence"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.points);
    const std::string yaml =
        edit(kBase, "    weight: 1\n",
             std::string("    weight: 1\n    value_function: {points: ") + c.points + "}\n");
    const auto all = load_errors(yaml);
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == c.brief);
    CHECK(all[0].code == ErrorCode::InvalidValueFunction);
  }
}

TEST_CASE("a value function against the criterion's direction is a warning", "[load]") {
  const std::string yaml =
      edit(kBase, "    weight: 1\n",
           "    weight: 1\n    value_function: {points: [[0, 0], [100, 1]]}\n");
  const auto loaded = load_text(yaml);
  REQUIRE(loaded.warnings.size() == 1);
  const auto& w = loaded.warnings[0];
  CHECK(w.severity == Severity::Warning);
  CHECK(w.code == ErrorCode::InvalidValueFunction);
  CHECK(brief(w) ==
        "10:21: criterion 'price' is a cost, but its value function rises with the "
        "raw value");
}

TEST_CASE("unknown sources are reported with a hint", "[load][errors]") {
  // The sources take lines 2 and 3; the criteria start on line 4.
  const std::string with_sources = edit(kBase, "criteria:\n",
                                        R"(sources:
  bench: {title: B}
criteria:
)");
  SECTION("cited by a criterion") {
    const auto all =
        load_errors(edit(with_sources, "    weight: 3\n", "    weight: 3\n    source: benc\n"));
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == "9:13: unknown source 'benc'; sources are declared under 'sources:'");
    CHECK(all[0].code == ErrorCode::UnknownReference);
    CHECK(all[0].hint == "did you mean 'bench'?");
  }
  SECTION("cited by a score") {
    const auto all = load_errors(edit(with_sources, "{speed: 4, price: 10}",
                                      "{speed: {value: 4, source: bnch}, price: 10}"));
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == "14:40: unknown source 'bnch'; sources are declared under 'sources:'");
    CHECK(all[0].hint == "did you mean 'bench'?");
  }
}

TEST_CASE("a framework needs criteria and options", "[load][errors]") {
  const auto all = load_errors("framework: f\ncriteria: []\noptions: []\n");
  REQUIRE(all.size() == 2);
  CHECK(brief(all[0]) == "2:11: the framework has no criteria");
  CHECK(all[0].code == ErrorCode::InvalidValue);
  CHECK(brief(all[1]) == "3:10: the framework has no options");
  CHECK(all[1].code == ErrorCode::InvalidValue);

  const auto missing = load_errors("framework: f\n");
  REQUIRE(missing.size() == 2);
  CHECK(brief(missing[0]) == "1:1: missing key 'criteria' in framework");
  CHECK(missing[0].code == ErrorCode::MissingKey);
  CHECK(brief(missing[1]) == "1:1: missing key 'options' in framework");
}

TEST_CASE("files of the wrong kind are refused", "[load][errors]") {
  tradeoff::MemoryReader reader;
  reader.add("moat.yaml", "criterion: moat\nname: Moat\ndirection: benefit\n");
  reader.add("f.yaml", kBase);
  reader.add("a.yaml", "assessment: a\nframework: f.yaml\n");

  auto d = tradeoff::test::expect_error([&] { tradeoff::load(reader, "moat.yaml"); });
  CHECK(brief(d) == "1:1: expected a framework or an assessment, got a criterion file");
  CHECK(d.code == ErrorCode::WrongKind);
  CHECK(d.hint == "criterion files are used by frameworks through 'use:'; try 'tradeoff validate'");

  d = tradeoff::test::expect_error([&] { tradeoff::load_framework(reader, "a.yaml"); });
  CHECK(brief(d) == "1:1: expected a framework file, got an assessment file");
  CHECK(d.code == ErrorCode::WrongKind);

  d = tradeoff::test::expect_error([&] { tradeoff::load_assessment(reader, "f.yaml"); });
  CHECK(brief(d) == "1:1: expected an assessment file, got a framework file");

  d = tradeoff::test::expect_error([&] { tradeoff::load_criterion(reader, "f.yaml"); });
  CHECK(brief(d) == "1:1: expected a criterion file, got a framework file");

  d = tradeoff::test::expect_error([] { load_text("- a\n- b\n"); });
  CHECK(brief(d) ==
        "1:1: expected a mapping with 'framework:', 'assessment:' or 'criterion:' "
        "at the top, got a sequence");
  CHECK(d.code == ErrorCode::WrongKind);

  d = tradeoff::test::expect_error([] { load_text("framwork: f\ncriteria: []\n"); });
  CHECK(brief(d) ==
        "1:1: cannot tell what this file is: expected a top-level 'framework:', "
        "'assessment:' or 'criterion:' key");
  CHECK(d.hint == "did you mean 'framework' instead of 'framwork'?");
}

TEST_CASE("empty files are refused", "[load][errors]") {
  for (const char* text : {"", "# nothing but a comment\n", "\n\n", "---\n", "~\n"}) {
    CAPTURE(text);
    const auto all = load_errors(text);
    REQUIRE(all.size() == 1);
    CHECK(all[0].message == "file is empty; expected a framework, an assessment or a criterion");
    CHECK(all[0].code == ErrorCode::WrongKind);
    CHECK(all[0].where.file == "f.yaml");
    CHECK(all[0].where.line == 0);
    CHECK(all[0].where.column == 0);
  }
}

TEST_CASE("YAML syntax errors are located", "[load][errors]") {
  struct Case {
    const char* yaml;
    const char* brief;
  };
  const std::vector<Case> cases = {
      {"framework: f\ncriteria: [a, b\n", "2:11: invalid YAML: this '[' is never closed"},
      {"framework: f\n  title: x\n", "2:8: invalid YAML: illegal map value"},
      {"framework: f\ncriteria:\n  - id: a\n   direction: cost\n",
       "4:4: invalid YAML: end of sequence not found"},
      {"framework: f\n---\nframework: g\n",
       "3:1: expected a single YAML document, found a second one"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.yaml);
    const auto all = load_errors(c.yaml);
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == c.brief);
    CHECK(all[0].code == ErrorCode::YamlSyntax);
  }
}

TEST_CASE("YAML anchors and aliases are refused", "[load][errors]") {
  auto all = load_errors("framework: &id f\ntitle: *id\n");
  REQUIRE(all.size() == 1);
  CHECK(brief(all[0]) == "1:12: YAML anchors are not supported; write the value out");
  CHECK(all[0].code == ErrorCode::YamlLimit);

  // An alias of an anchor never defined is a plain syntax error.
  all = load_errors("framework: f\ntitle: *x\n");
  REQUIRE(all.size() == 1);
  CHECK(brief(all[0]) == "2:8: invalid YAML: the referenced anchor is not defined");
  CHECK(all[0].code == ErrorCode::YamlSyntax);
}

TEST_CASE("use: of an unknown catalog criterion suggests the closest", "[load][errors]") {
  const std::string yaml =
      R"(framework: f
criteria:
  - use: mot
    weight: 1
options:
  - id: a
    scores: {mot: 3}
)";
  const auto all = load_errors(yaml);
  REQUIRE(all.size() == 1);
  CHECK(brief(all[0]) == "3:10: unknown catalog criterion 'mot'");
  CHECK(all[0].code == ErrorCode::UnknownReference);
  CHECK(all[0].hint == "did you mean 'moat'?");
}

TEST_CASE("a broken catalog criterion file is reported in that file", "[load][errors]") {
  const std::string fw_yaml =
      R"(framework: f
criteria:
  - use: latency
    weight: 1
options:
  - id: a
    scores: {latency: 30}
)";
  const std::string latency =
      R"(criterion: latency
name: Latency
direction: costs
)";
  const auto all = expect_errors([&] {
    load_text(fw_yaml, "fw/f.yaml", {{"fw/criteria/latency.yaml", latency}});
  });
  REQUIRE(all.size() == 1);
  CHECK(all[0].where.file == "fw/criteria/latency.yaml");
  CHECK(brief(all[0]) == "3:12: expected 'benefit' or 'cost' for direction, got 'costs'");
  CHECK(all[0].hint == "did you mean 'cost'?");
}

TEST_CASE("a catalog criterion must match its file name", "[load][errors]") {
  tradeoff::MemoryReader reader;
  reader.add("criteria/latency.yaml", "criterion: delay\nname: Delay\ndirection: cost\n");
  const auto d = tradeoff::test::expect_error(
      [&] { tradeoff::load_criterion(reader, "criteria/latency.yaml"); });
  CHECK(brief(d) == "1:12: criterion id 'delay' does not match its file name 'latency.yaml'");
  CHECK(d.code == ErrorCode::InvalidValue);
}

TEST_CASE("an assessment naming an unknown framework gets a hint", "[load][errors]") {
  auto all = expect_errors(
      [] { load_text("assessment: a\nframework: llm_build_vs_bu\n", "cases/a.yaml"); });
  REQUIRE(all.size() == 1);
  CHECK(brief(all[0]) ==
        "2:12: unknown framework 'llm_build_vs_bu': not a built-in framework, "
        "nor a file beside this assessment");
  CHECK(all[0].code == ErrorCode::UnknownReference);
  CHECK(all[0].hint == "did you mean 'llm_build_vs_buy'?");
  CHECK(all[0].where.file == "cases/a.yaml");

  all = expect_errors([] { load_text("assessment: a\nframework: ../fw.yaml\n", "cases/a.yaml"); });
  REQUIRE(all.size() == 1);
  CHECK(brief(all[0]) == "2:12: framework file '../fw.yaml' not found (looked for 'fw.yaml')");
  CHECK(all[0].hint.empty());
}

TEST_CASE("assessment problems are checked against the framework", "[load][errors]") {
  const auto with = [](const std::string& body) {
    return expect_errors([&] {
      load_text("assessment: a\nframework: f.yaml\n" + body, "a.yaml", {{"f.yaml", kBase}});
    });
  };
  SECTION("weight override of an unknown criterion") {
    const auto all = with("weights: {sped: 2}\n");
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) ==
          "3:11: unknown criterion 'sped' in weights; framework 'f' has "
          "'speed', 'price'");
    CHECK(all[0].code == ErrorCode::UnknownReference);
    CHECK(all[0].hint == "did you mean 'speed'?");
    CHECK(all[0].where.file == "a.yaml");
  }
  SECTION("negative weight override") {
    const auto all = with("weights: {speed: -2}\n");
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == "3:18: weight of 'speed' must be a non-negative number, got -2");
    CHECK(all[0].code == ErrorCode::InvalidWeights);
  }
  SECTION("overrides that make every weight zero") {
    const auto all = with("weights: {speed: 0, price: 0}\n");
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) ==
          "3:1: with these weights every criterion weight is zero; at least "
          "one must be positive");
    CHECK(all[0].code == ErrorCode::InvalidWeights);
  }
  SECTION("score override of an unknown option and criterion") {
    const auto all = with("scores:\n  lite: {speed: 1}\n  a: {sped: 1}\n");
    REQUIRE(all.size() == 2);
    CHECK(brief(all[0]) == "4:3: unknown option 'lite' in scores");
    CHECK(all[0].code == ErrorCode::UnknownReference);
    CHECK(all[0].hint.empty());
    CHECK(brief(all[1]) == "5:7: unknown criterion 'sped' in the scores of option 'a'");
    CHECK(all[1].hint == "did you mean 'speed'?");
  }
  SECTION("score override outside the scale") {
    const auto all = with("scores:\n  a: {speed: 9}\n");
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) ==
          "4:14: score 9 of 'a' on 'speed' is outside the criterion's scale [1, 5]");
    CHECK(all[0].code == ErrorCode::OutOfRange);
  }
  SECTION("unknown key") {
    const auto all = with("wieghts: {speed: 2}\n");
    REQUIRE(all.size() == 1);
    CHECK(brief(all[0]) == "3:1: unknown key 'wieghts' in assessment");
    CHECK(all[0].hint == "did you mean 'weights'?");
  }
}

TEST_CASE("every problem of one file is reported at once", "[load][errors]") {
  // Line 2: unknown key. 5: bad direction. 7: negative weight. 9: price has no weight (reported
  // at 8). 12: a score outside the scale, an unknown criterion. 14: a missing score. 15: an
  // unknown method.
  const std::string yaml =
      R"(framework: f
titel: F
criteria:
  - id: speed
    direction: fast
    scale: [1, 5]
    weight: -3
  - id: price
    direction: cost
options:
  - id: a
    scores: {speed: 7, price: 10, moat: 1}
  - id: b
    scores: {price: 20}
method: {name: topsys}
)";
  const auto all = load_errors(yaml);
  std::vector<std::string> got;
  for (const auto& d : all) got.push_back(brief(d));
  // In source order.
  CHECK(got == std::vector<std::string>{
                   "2:1: unknown key 'titel' in framework",
                   "5:16: expected 'benefit' or 'cost' for direction, got 'fast'",
                   "7:13: weight of criterion 'speed' must be a non-negative number, got -3",
                   "8:5: missing key 'weight' in criterion 'price'",
                   "12:21: score 7 of 'a' on 'speed' is outside the criterion's scale [1, 5]",
                   "12:35: unknown criterion 'moat' in the scores of option 'a'",
                   "14:5: option 'b' has no score for criterion 'speed'",
                   "15:16: unknown method 'topsys'; expected one of 'wsm', 'wpm', 'waspas', "
                   "'topsis', 'vikor', 'promethee2'",
               });
  CHECK(all.size() == 8);
}
