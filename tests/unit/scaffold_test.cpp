// Scaffolds of a client folder (tradeoff/scaffold.hpp, scaffold/yaml_text.hpp): ids made of
// folder names, YAML scalars that read back as the text they hold, prose comments that never read
// as YAML, and an assessment whose answers, uncommented, are exactly the base's defaults.
#include "tradeoff/scaffold.hpp"

#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "load/yaml_tree.hpp"
#include "scaffold/yaml_text.hpp"
#include "test_support.hpp"

using tradeoff::id_from_name;
using tradeoff::make_scaffold;
using tradeoff::ScaffoldOptions;
using tradeoff::scaffold::comment;
using tradeoff::scaffold::yaml_formula;
using tradeoff::scaffold::yaml_text;

namespace {

/// Uncomments the lines of YAML the scaffold comments out ("# key: ...", "#   - ..."), but for
/// a placeholder (YYYY-MM-DD).
std::string uncomment(const std::string& text) {
  static const std::regex line(R"(^# ((?:  )*)((?:- |[a-z_][a-z0-9_]*:).*)$)");
  std::istringstream in(text);
  std::string out;
  for (std::string l; std::getline(in, l);) {
    if (l.find("YYYY-MM-DD") == std::string::npos) l = std::regex_replace(l, line, "$1$2");
    out += l + "\n";
  }
  return out;
}

const char* const kBase = R"(framework: pick_runtime
title: "Pick a runtime: VMs or serverless"
sources:
  survey: {title: "Team survey: what we run today", date: 2025-03-01}
inputs:
  team_size: {type: integer, default: 4, min: 1, max: 50, source: survey, as_of: 2025-03-01}
  budget: {type: number, unit: USD/month, default: 2500.5, min: 0}
  big: {type: number, default: 569e9}
  on_call: {type: boolean, default: true}
  region: {type: choice, choices: [eu, "yes", "1.0", "ap: south", "a #b", "-x", "{y}"], default: "ap: south"}
  answer: {type: choice, choices: ["yes", "no"], default: "yes"}
  ops_skill: {type: level, levels: [none, basic, expert], default: expert}
criteria:
  - {id: effort, direction: cost, scale: [1, 5], weight: 30}
  - {id: cost, direction: cost, weight: 0.5}
options:
  - {id: vms, scores: {effort: 4, cost: 900}}
  - {id: serverless, scores: {effort: 1, cost: "100 * team_size"}}
rules:
  - id: small_team
    when: 'team_size < 3 or region == "ap: south"'
    adjust: {option: [vms, serverless], criterion: effort, add: 1}
    weight: {criterion: effort, multiply: "1.5"}
    note: "Small team: {team_size} people"
    because: A small team feels every chore.
)";

}  // namespace

TEST_CASE("id_from_name makes a snake_case id of a folder's name", "[scaffold]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"acme", "acme"},
      {"Acme Corp.", "acme_corp"},
      {"ACME--support__desk", "acme_support_desk"},
      {"2026 Q1", "client_2026_q1"},
      {"---", "client"},
      {"", "client"},
      {"été", "t"},
      {std::string(70, 'a') + "_b", std::string(64, 'a')},
      {std::string(63, 'a') + " b", std::string(63, 'a')},
  };
  for (const auto& [name, id] : cases) {
    CAPTURE(name);
    CHECK(id_from_name(name) == id);
  }
}

TEST_CASE("yaml_text writes text that YAML reads back as that text", "[scaffold]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"eu", "eu"},
      {"data leaves freely", "data leaves freely"},
      {"a == \"b\" and not c", "a == \"b\" and not c"},
      {"yes", "\"yes\""},
      {"true", "\"true\""},
      {"1.0", "\"1.0\""},
      {"2026-12-01", "\"2026-12-01\""},
      {"", "\"\""},
      {"ap: south", "\"ap: south\""},
      {"a #b", "\"a #b\""},
      {"-x", "\"-x\""},
      {"{y}", "\"{y}\""},
      {"a, b", "\"a, b\""},
      {"say \"hi\" \\o", "say \"hi\" \\o"},
      {"\"hi\" \\o", "\"\\\"hi\\\" \\\\o\""},
      {"two\nlines", "\"two\\x0alines\""},
      {"tab\there", "\"tab\\x09here\""},
      {"bell\x07", "\"bell\\x07\""},
      {"caf\xc3\xa9", "caf\xc3\xa9"},
      {"left\xe2\x80\xaeright", "\"left\\u202eright\""},
  };
  for (const auto& [text, yaml] : cases) {
    CAPTURE(text);
    CHECK(yaml_text(text) == yaml);
    // As a value, in a block mapping and in a flow collection.
    for (const std::string& doc : {"k: " + yaml + "\n", "k: {v: " + yaml + "}\n"}) {
      const auto parsed = tradeoff::yaml::parse("t.yaml", doc);
      const auto* k = parsed.root.find("k");
      REQUIRE(k != nullptr);
      const auto* v = k->is_mapping() ? k->find("v") : k;
      REQUIRE(v != nullptr);
      CHECK(v->scalar == text);
    }
  }
  CHECK(yaml_formula("1.5") == "1.5");
  CHECK(yaml_formula("1e+12") == "1e+12");
  CHECK(yaml_formula("true") == "\"true\"");
  CHECK(yaml_formula("max(1, x)") == "\"max(1, x)\"");
}

TEST_CASE("comment wraps prose, and no line of it reads as commented-out YAML", "[scaffold]") {
  CHECK(comment("one two three four", "# ", 14) == "# one two\n# three four\n");
  CHECK(comment("  spaced \n out\ttext ", "#   # ", 100) == "#   # spaced out text\n");
  CHECK(comment("", "# ", 100).empty());
  CHECK(comment("esc\x1b[31m red \xe2\x80\xae", "# ", 100) == "# esc [31m red \\u202e\n");
  CHECK(comment("averyveryverylongword and", "# ", 10) == "# averyveryverylongword\n# and\n");
  // "merge by" + "id:" would start a line with "id:": the word before comes along.
  CHECK(comment("Lists merge by id: an entry", "# ", 17) == "# Lists merge\n# by id: an entry\n");
  CHECK(comment("a b - c", "# ", 5) == "# a\n# b -\n# c\n");
}

TEST_CASE("the scaffold's framework extends the base and lists what to tailor", "[scaffold]") {
  const tradeoff::Loaded base = tradeoff::test::load_text(kBase, "base/framework.yaml");
  ScaffoldOptions options;
  options.id = "acme";
  options.extends = "../base/framework.yaml";
  const std::string framework = make_scaffold(base.framework, options).framework;
  CHECK(framework.find("\nframework: acme\nextends: ../base/framework.yaml\n") !=
        std::string::npos);
  for (const char* line :
       {"#   - {id: effort, weight: 30}\n", "#   - {id: cost, weight: 0.5}\n",
        "#   - id: vendor_support\n", "#   - id: vms\n", "#     scores: {vendor_support: 3}\n",
        "#   team_size: {default: 4}\n", "#   options: [serverless]\n", "#   - id: small_team\n",
        "#     when: \"team_size < 3 or region == \\\"ap: south\\\"\"\n",
        "#       - {option: [vms, serverless], criterion: effort, add: 1}\n",
        "#       - {criterion: effort, multiply: 1.5}\n",
        "#     note: \"Small team: {team_size} people\"\n"}) {
    CAPTURE(line);
    CHECK(framework.find(line) != std::string::npos);
  }
}

TEST_CASE("the scaffold's answers, uncommented, are the base's defaults", "[scaffold]") {
  const tradeoff::Loaded base = tradeoff::test::load_text(kBase, "f.yaml");
  ScaffoldOptions options;
  options.id = "acme";
  options.extends = "f.yaml";
  options.date = "2026-12-01";
  std::string assessment = make_scaffold(base.framework, options).assessment;
  CHECK(assessment.find("\ndate: 2026-12-01\n") != std::string::npos);
  CHECK(assessment.find("#   region: \"ap: south\"  # one of: eu, \"yes\", \"1.0\", \"ap: south\", "
                        "\"a #b\", \"-x\", \"{y}\"\n") != std::string::npos);
  CHECK(assessment.find("#   big: 569000000000 ") != std::string::npos);
  CHECK(assessment.find("#   # Source: Team survey: what we run today, as of 2025-03-01.\n") !=
        std::string::npos);
  // The answers are checked against the base itself (framework.yaml extends it), and without the
  // example of `expect:`, which is for `tradeoff check`.
  assessment = uncomment(assessment);
  assessment.erase(assessment.find("\nexpect:\n"));
  const std::string header = "framework: framework.yaml\n";
  assessment.replace(assessment.find(header), header.size(), "framework: f.yaml\n");
  tradeoff::MemoryReader reader;
  reader.add("f.yaml", kBase);
  reader.add("acme.yaml", assessment);
  const tradeoff::Loaded loaded = tradeoff::load_assessment(reader, "acme.yaml");
  REQUIRE(loaded.assessment);
  REQUIRE(loaded.assessment->inputs.size() == base.framework.inputs.size());
  for (const auto& answer : loaded.assessment->inputs) {
    CAPTURE(answer.name);
    CHECK(answer.value == base.framework.input(answer.name)->default_value);
  }
  REQUIRE(loaded.assessment->weights.size() == 1);
  CHECK(loaded.assessment->weights[0].criterion == "effort");
  CHECK(loaded.assessment->weights[0].weight == 30);
}
