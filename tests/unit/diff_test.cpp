// Comparing two versions of a decision (diff/): the definitions section by section, matched by
// id and listed in a fixed order; the weights as used; the results (winner, margin, ranks,
// exclusions, rules that fire); the kind check; and the text and JSON renderings.
#include "tradeoff/diff.hpp"

#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using tradeoff::Change;
using tradeoff::DecisionDiff;
using tradeoff::DiffSection;
using tradeoff::DiffValue;
using tradeoff::ErrorCode;
using tradeoff::Loaded;
using tradeoff::ResultDiff;
using tradeoff::test::expect_error;
using tradeoff::test::load_assessment_text;
using tradeoff::test::load_text;

namespace {

/// Three options, three criteria, an input, a derived value and two rules.
const std::string kOld = R"(framework: queue
title: Pick a queue
version: 1.0.0
sources:
  docs: {title: Vendor documentation}
inputs:
  load: {type: number, default: 100, min: 0, unit: msg/s}
  team: {type: level, levels: [small, large], default: small}
  legacy: {type: boolean, default: false}
derived:
  peak: load * 3
criteria:
  - {id: cost, direction: cost, unit: USD, weight: 30}
  - {id: speed, direction: benefit, scale: [1, 5], weight: 20}
  - {id: effort, direction: cost, scale: [1, 5], weight: 50}
options:
  - {id: alpha, name: Alpha, scores: {cost: 100, speed: 3, effort: 2}}
  - {id: beta, name: Beta, scores: {cost: "peak * 2", speed: 5, effort: 4}}
  - {id: gamma, name: Gamma, scores: {cost: 300, speed: 2, effort: 1}}
rules:
  - id: heavy
    when: peak > 1000
    veto: alpha
    because: Alpha saturates.
  - id: small_team
    when: team == "small"
    adjust: {option: beta, criterion: effort, add: 1}
    because: Small teams feel every broker.
)";

/// `text` with each `from` replaced by `to` (the first occurrence, which must exist).
std::string edit(std::string text, const std::vector<std::pair<std::string, std::string>>& edits) {
  for (const auto& [from, to] : edits) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  }
  return text;
}

std::vector<Change> in_section(const std::vector<Change>& changes, DiffSection section) {
  std::vector<Change> out;
  for (const auto& c : changes) {
    if (c.section == section) out.push_back(c);
  }
  return out;
}

/// "~ id.field: old -> new", "+ id: new", "- id: old": a change in one line, for comparisons.
std::string line(const Change& c) {
  const std::string mark = c.kind == Change::Kind::Added     ? "+ "
                           : c.kind == Change::Kind::Removed ? "- "
                                                             : "~ ";
  std::string head = mark + c.id + (c.field.empty() ? "" : "." + c.field) + ": ";
  const auto show = [](const DiffValue& v) { return v.present() ? v.text : "(none)"; };
  if (c.field.empty()) return head + show(c.kind == Change::Kind::Added ? c.after : c.before);
  return head + show(c.before) + " -> " + show(c.after);
}

std::vector<std::string> lines(const std::vector<Change>& changes) {
  std::vector<std::string> out;
  for (const auto& c : changes) out.push_back(line(c));
  return out;
}

std::string render_text(const DecisionDiff& d) {
  std::ostringstream out;
  tradeoff::render(d, {tradeoff::Format::Text, false, false}, out);
  return out.str();
}

std::string render_json(const DecisionDiff& d) {
  std::ostringstream out;
  tradeoff::render(d, {tradeoff::Format::Json, false, false}, out);
  return out.str();
}

}  // namespace

// --- the definitions
// ------------------------------------------------------------------------------

TEST_CASE("identical definitions have no changes and the same result", "[diff]") {
  const Loaded a = load_text(kOld, "old.yaml");
  const Loaded b = load_text(kOld, "new.yaml");
  CHECK(tradeoff::diff_definitions(a, b).empty());
  const DecisionDiff d = tradeoff::diff_decisions(a, b);
  CHECK(d.same());
  CHECK(d.changes.empty());
  CHECK(d.notes.empty());
  CHECK_FALSE(d.result.changed());
  CHECK(d.result.winner_before == "alpha");
  CHECK(d.result.winner_after == "alpha");
  CHECK(render_text(d) ==
        "Comparing two frameworks\n"
        "  old: old.yaml (framework queue 1.0.0)\n"
        "  new: new.yaml (framework queue 1.0.0)\n"
        "  method wsm, normalization declared on both sides\n"
        "\n"
        "no differences\n"
        "\n"
        "tradeoff 0.1.0\n"
        "  old: framework sha256 " +
            d.before.framework_sha256.substr(0, 16) +
            "\n"
            "  new: framework sha256 " +
            d.after.framework_sha256.substr(0, 16) + "\n");
}

TEST_CASE("a file that differs only in comments and layout has no changes, and says so", "[diff]") {
  const Loaded a = load_text(kOld, "old.yaml");
  const Loaded b = load_text("# a comment\n" + kOld + "\n\n", "new.yaml");
  const DecisionDiff d = tradeoff::diff_decisions(a, b);
  CHECK(d.same());
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0] ==
        "The files differ only in what the definition does not hold (comments, layout, key "
        "order).");
}

TEST_CASE("inputs, derived values, criteria, options and rules: changed, added and removed",
          "[diff]") {
  const std::string changed =
      edit(kOld, {{"version: 1.0.0", "version: 1.1.0"},
                  {"default: 100, min: 0", "default: 250, min: 10, max: 5000"},
                  {"  legacy: {type: boolean, default: false}\n", ""},
                  {"levels: [small, large]", "levels: [small, medium, large]"},
                  {"peak: load * 3", "peak: load * 4"},
                  {"{id: speed, direction: benefit, scale: [1, 5], weight: 20}",
                   "{id: speed, direction: benefit, scale: [0, 10], weight: 35}"},
                  {"  - {id: alpha, name: Alpha,",
                   "  - {id: delta, name: Delta, scores: {cost: 50, "
                   "speed: 1, effort: 1}}\n  - {id: alpha, name: A,"},
                  {"  - {id: gamma, name: Gamma, scores: {cost: 300, speed: 2, effort: 1}}\n", ""},
                  {"when: peak > 1000", "when: peak > 500"},
                  {"veto: alpha", "veto: [alpha, beta]"}});
  const auto changes = tradeoff::diff_definitions(load_text(kOld), load_text(changed));
  CHECK(lines(in_section(changes, DiffSection::Framework)) ==
        std::vector<std::string>{"~ .version: 1.0.0 -> 1.1.0"});
  // The new file's order, then what it removed, in the old file's order.
  CHECK(lines(in_section(changes, DiffSection::Inputs)) ==
        std::vector<std::string>{"~ load.default: 100 -> 250", "~ load.min: 0 -> 10",
                                 "~ load.max: (none) -> 5,000",
                                 "~ team.levels: small, large -> small, medium, large",
                                 "- legacy: boolean, default false"});
  CHECK(lines(in_section(changes, DiffSection::Derived)) ==
        std::vector<std::string>{"~ peak.formula: load * 3 -> load * 4"});
  CHECK(lines(in_section(changes, DiffSection::Criteria)) ==
        std::vector<std::string>{"~ speed.weight: 20 -> 35", "~ speed.scale: [1, 5] -> [0, 10]"});
  CHECK(lines(in_section(changes, DiffSection::Options)) ==
        std::vector<std::string>{"+ delta: Delta", "~ alpha.name: Alpha -> A", "- gamma: Gamma"});
  CHECK(lines(in_section(changes, DiffSection::Rules)) ==
        std::vector<std::string>{"~ heavy.when: peak > 1000 -> peak > 500",
                                 "~ heavy.effects: veto alpha -> veto [alpha, beta]"});
  // Numbers are numbers in JSON: the default's old and new values.
  const Change load_default = in_section(changes, DiffSection::Inputs).at(0);
  CHECK(load_default.before.kind == DiffValue::Kind::Number);
  CHECK(load_default.before.number == 100);
  CHECK(load_default.after.number == 250);
  // Everything is listed section by section.
  CHECK(changes.front().section == DiffSection::Framework);
  CHECK(changes.back().section == DiffSection::Rules);
}

TEST_CASE("scores: a number, a formula, a reason and a source; added criteria are not repeated",
          "[diff]") {
  const std::string changed =
      edit(kOld, {{"{cost: 100, speed: 3, effort: 2}",
                   "{cost: {value: 120, because: quoted, source: docs}, speed: 3, effort: 2}"},
                  {"cost: \"peak * 2\"", "cost: \"peak * 2.5\""},
                  {"  - {id: effort,",
                   "  - {id: fit, direction: benefit, weight: 5}\n  - {id: "
                   "effort,"},
                  {"speed: 5, effort: 4}", "speed: 5, effort: 4, fit: 1}"},
                  {"speed: 3, effort: 2}", "speed: 3, effort: 2, fit: 2}"},
                  {"speed: 2, effort: 1}", "speed: 2, effort: 1, fit: 3}"}});
  const auto changes = tradeoff::diff_definitions(load_text(kOld), load_text(changed));
  CHECK(lines(in_section(changes, DiffSection::Scores)) ==
        std::vector<std::string>{
            "~ alpha/cost.value: 100 -> 120", "~ alpha/cost.because: (none) -> quoted",
            "~ alpha/cost.source: (none) -> docs", "~ beta/cost.value: peak * 2 -> peak * 2.5"});
  CHECK(lines(in_section(changes, DiffSection::Criteria)) ==
        std::vector<std::string>{"+ fit: fit (benefit, weight 5)"});
}

TEST_CASE("two numbers that read the same are shown to twelve digits", "[diff]") {
  const std::string changed = edit(kOld, {{"{cost: 300,", "{cost: 300.0001,"}});
  const auto changes = tradeoff::diff_definitions(load_text(kOld), load_text(changed));
  CHECK(lines(changes) == std::vector<std::string>{"~ gamma/cost.value: 300 -> 300.0001"});
}

TEST_CASE("an assessment's answers: changed, newly given (from the default), dropped", "[diff]") {
  const Loaded a = load_assessment_text("inputs: {load: 200, team: large}\n", kOld);
  const Loaded b = load_assessment_text(
      "inputs: {load: {value: 400, because: measured}, legacy: true}\n"
      "weights: {cost: 60}\n"
      "scores: {alpha: {speed: {value: 4, because: tuned}}}\n",
      kOld);
  const auto changes = tradeoff::diff_definitions(a, b);
  CHECK(lines(in_section(changes, DiffSection::Answers)) ==
        std::vector<std::string>{"~ load.value: 200 -> 400", "~ load.because: (none) -> measured",
                                 "- team.value: large -> small (default)",
                                 "+ legacy.value: false (default) -> true"});
  CHECK(lines(in_section(changes, DiffSection::Scores)) ==
        std::vector<std::string>{"~ alpha/speed.value: 3 -> 4",
                                 "~ alpha/speed.because: (none) -> tuned",
                                 "~ alpha/speed.origin: framework -> assessment"});
  CHECK(in_section(changes, DiffSection::Inputs).empty());
}

// --- the results
// ----------------------------------------------------------------------------------

TEST_CASE("the weights as used: the given weight, its share and where it came from", "[diff]") {
  const Loaded a = load_assessment_text("inputs: {}\n", kOld);
  const Loaded b = load_assessment_text("weights: {cost: {value: 50, because: budget}}\n", kOld);
  const DecisionDiff d = tradeoff::diff_decisions(a, b);
  CHECK(lines(in_section(d.changes, DiffSection::Weights)) ==
        std::vector<std::string>{
            "~ cost.weight: 30 -> 50", "~ cost.share: 0.3000 -> 0.4167",
            "~ cost.origin: framework -> assessment", "~ cost.because: (none) -> budget",
            "~ speed.share: 0.2000 -> 0.1667", "~ effort.share: 0.5000 -> 0.4167"});
}

TEST_CASE("the result: winner, runner-up, margin, ranks, exclusions and rules", "[diff]") {
  const Loaded a = load_assessment_text("inputs: {load: 100}\n", kOld);
  const Loaded b = load_assessment_text("inputs: {load: 400, team: large}\n", kOld);
  const DecisionDiff d = tradeoff::diff_decisions(a, b);
  const ResultDiff& r = d.result;
  CHECK(r.changed());
  // Old: alpha 0.3 x 1 + 0.2 x 0.5 + 0.5 x 0.75 = 0.775, gamma 0.3 x 0.6 + 0.2 x 0.25 + 0.5 = 0.73,
  // beta 0.2 (its effort made 5 by small_team). New: alpha vetoed by heavy (peak 1,200); costs
  // min-max over beta's 2,400 and gamma's 300: gamma 0.85, beta 0.2 + 0.5 x 0.25 = 0.325.
  CHECK(r.winner_before == "alpha");
  CHECK(r.winner_after == "gamma");
  CHECK(r.winner_changed());
  CHECK(r.runner_up_before == "gamma");
  CHECK(r.runner_up_after == "beta");
  REQUIRE(r.margin_before);
  REQUIRE(r.margin_after);
  CHECK(*r.margin_before == Approx(0.045));
  CHECK(*r.margin_after == Approx(0.525));
  // The new ranking, then the new side's excluded options.
  REQUIRE(r.options.size() == 3);
  CHECK(r.options[0].option == "gamma");
  CHECK(r.options[0].before.rank == 2);
  CHECK(r.options[0].after.rank == 1);
  CHECK(*r.options[0].after.score == Approx(0.85));
  CHECK(r.options[1].option == "beta");
  CHECK(r.options[1].before.rank == 3);
  CHECK(r.options[1].after.rank == 2);
  CHECK(*r.options[1].before.score == Approx(0.2));
  CHECK(*r.options[1].after.score == Approx(0.325));
  CHECK(r.options[2].option == "alpha");
  CHECK(r.options[2].before.rank == 1);
  CHECK(*r.options[2].before.score == Approx(0.775));
  CHECK_FALSE(r.options[2].after.rank);
  CHECK_FALSE(r.options[2].after.score);
  CHECK(r.options[2].after.excluded_by == "heavy");
  const auto excluded = r.became_excluded();
  REQUIRE(excluded.size() == 1);
  CHECK(excluded[0].option == "alpha");
  CHECK(r.became_eligible().empty());
  REQUIRE(r.rules.size() == 2);
  CHECK(r.rules[0].rule == "heavy");
  CHECK(r.rules[0].before == false);
  CHECK(r.rules[0].after == true);
  CHECK(r.rules[1].rule == "small_team");
  CHECK(r.rules[1].before == true);
  CHECK(r.rules[1].after == false);
}

TEST_CASE("an option added and one removed: ranked on one side only", "[diff]") {
  const std::string changed =
      edit(kOld, {{"  - {id: gamma, name: Gamma, scores: {cost: 300, speed: 2, effort: 1}}\n",
                   "  - {id: delta, name: Delta, scores: {cost: 10, speed: 5, effort: 1}}\n"}});
  const DecisionDiff d = tradeoff::diff_decisions(load_text(kOld), load_text(changed));
  const ResultDiff& r = d.result;
  CHECK(r.winner_before == "alpha");
  CHECK(r.winner_after == "delta");
  CHECK(r.winner_changed());
  REQUIRE(r.options.size() == 4);
  CHECK(r.options[0].option == "delta");
  CHECK_FALSE(r.options[0].before.present);
  CHECK(r.options[0].after.rank == 1);
  CHECK(r.options.back().option == "gamma");
  CHECK(r.options.back().before.rank == 2);
  CHECK_FALSE(r.options.back().after.present);
  CHECK(r.options.back().name == "Gamma");
}

TEST_CASE("two assessments of different frameworks are compared, and the note says so", "[diff]") {
  const Loaded a = load_assessment_text("inputs: {}\n", kOld);
  const Loaded b =
      load_assessment_text("inputs: {}\n", edit(kOld, {{"framework: queue", "framework: bus"}}));
  const DecisionDiff d = tradeoff::diff_decisions(a, b);
  CHECK(lines(in_section(d.changes, DiffSection::Framework)) ==
        std::vector<std::string>{"~ .id: queue -> bus"});
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0] ==
        "The assessments answer different frameworks, queue (old) and bus (new); their "
        "definitions are compared as well.");
}

TEST_CASE("a framework and an assessment are not compared", "[diff]") {
  const Loaded a = load_text(kOld, "f.yaml");
  const Loaded b = load_assessment_text("inputs: {}\n", kOld);
  const auto error = expect_error([&] { tradeoff::diff_decisions(a, b); });
  CHECK(error.code == ErrorCode::WrongKind);
  CHECK(tradeoff::format_location(error.where) == "acme.yaml:1:1");
  CHECK(error.message ==
        "this is an assessment, but the old side 'f.yaml' is a framework: diff compares two "
        "frameworks or two assessments");
}

// --- the renderings
// -------------------------------------------------------------------------------

TEST_CASE("JSON: every section present, numbers as numbers, the result's figures", "[diff]") {
  const Loaded a = load_assessment_text("inputs: {load: 100}\n", kOld);
  const Loaded b = load_assessment_text("inputs: {load: 400, team: large}\n", kOld);
  const auto j = nlohmann::ordered_json::parse(render_json(tradeoff::diff_decisions(a, b)));
  CHECK(j["differences"] == true);
  CHECK(j["old"]["kind"] == "assessment");
  CHECK(j["old"]["assessment"] == "acme");
  std::vector<std::string> sections;
  for (const auto& [key, value] : j["changes"].items()) sections.push_back(key);
  CHECK(sections == std::vector<std::string>{"framework", "assessment", "inputs", "answers",
                                             "derived", "criteria", "weights", "options", "scores",
                                             "rules", "method", "weighting", "sources"});
  const auto& answer = j["changes"]["answers"][0];
  CHECK(answer["change"] == "changed");
  CHECK(answer["id"] == "load");
  CHECK(answer["field"] == "value");
  CHECK(answer["old"] == 100);
  CHECK(answer["new"] == 400);
  CHECK(j["result"]["winner"]["old"] == "alpha");
  CHECK(j["result"]["winner"]["new"] == "gamma");
  CHECK(j["result"]["winner"]["changed"] == true);
  CHECK(j["result"]["ranks"][1]["option"] == "beta");
  CHECK(j["result"]["ranks"][1]["rank_change"] == 1);
  CHECK(j["result"]["ranks"][2]["new"]["excluded_by"] == "heavy");
  CHECK(j["result"]["ranks"][2]["new"]["rank"].is_null());
  CHECK(j["result"]["became_excluded"][0]["by"] == "heavy");
  CHECK(j["result"]["rules"][1]["rule"] == "small_team");
  CHECK(j["result"]["rules"][1]["new"] == false);
}

TEST_CASE("text: a long value goes on lines of its own, within 100 columns", "[diff]") {
  const std::string long_reason(150, 'x');
  const std::string changed =
      edit(kOld, {{"because: Alpha saturates.", "because: " + long_reason}});
  const std::string text =
      render_text(tradeoff::diff_decisions(load_text(kOld), load_text(changed)));
  CHECK(text.find("    ~ heavy: because\n        old: Alpha saturates.\n        new: xxxx") !=
        std::string::npos);
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    CAPTURE(l);
    CHECK(l.size() <= 100);
  }
  CHECK(text.find("Changes to the result\n  none: alpha ranks first on both sides") !=
        std::string::npos);
}

TEST_CASE("text: past 50 options, the ranks list the first 50 that moved", "[diff]") {
  std::string yaml =
      "framework: many\ntitle: Many\nversion: 1.0.0\ncriteria:\n"
      "  - {id: c, direction: benefit, weight: 1}\noptions:\n";
  for (int i = 0; i < 60; ++i) {
    yaml += "  - {id: o" + std::to_string(i) + ", scores: {c: " + std::to_string(i + 1) + "}}\n";
  }
  // o0 goes from last to first; every other option moves down by one. Min-max: o11 had
  // (12 - 1) / 59 = 0.1864 and has (12 - 2) / 98 = 0.1020.
  const std::string changed =
      edit(yaml, {{"{id: o0, scores: {c: 1}}", "{id: o0, scores: {c: 100}}"}});
  const DecisionDiff d = tradeoff::diff_decisions(load_text(yaml), load_text(changed));
  REQUIRE(d.result.options.size() == 60);
  const std::string text = render_text(d);
  CHECK(text.find("    o0      o0     60 -> 1  0.0000 -> 1.0000  up 59\n") != std::string::npos);
  CHECK(text.find("    o11     o11   49 -> 50  0.1864 -> 0.1020  down 1\n") != std::string::npos);
  CHECK(text.find(" o10 ") == std::string::npos);
  CHECK(text.find("    and 10 more options (--format json lists every option)\n") !=
        std::string::npos);
}
