// The evaluation pipeline (tradeoff/evaluate.hpp) and the renderers behind it: method and
// normalisation precedence, weights, assessment overrides, determinism, the JSON contract, CSV.
#include "tradeoff/evaluate.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "tradeoff/report.hpp"

using Catch::Matchers::WithinAbs;
using tradeoff::ErrorCode;
using tradeoff::EvaluateOptions;
using tradeoff::Format;
using tradeoff::Result;
using tradeoff::test::check_values;
using tradeoff::test::choose;
using tradeoff::test::evaluate_text;
using tradeoff::test::expect_error;
using tradeoff::test::load_assessment_text;
using tradeoff::test::load_text;
using tradeoff::test::render_json;

namespace {

constexpr double kEps = 1e-12;

// Benefit speed = [2, 4, 8], cost price = [1, 2, 4], weights 3 : 1. No scales, so every
// normalisation and both methods accept it.
const std::string kFramework =
    R"(framework: f
title: Pick one
version: 2.1.0
criteria:
  - id: speed
    name: Speed
    direction: benefit
    unit: ops/s
    weight: 3
  - id: price
    name: Price
    direction: cost
    weight: 1
options:
  - id: a
    scores: {speed: 2, price: 1}
  - id: b
    scores: {speed: 4, price: 2}
  - id: c
    scores: {speed: 8, price: 4}
)";

std::string with_method(const std::string& method) {
  return method.empty() ? kFramework : kFramework + "method: " + method + "\n";
}

Result run(const std::string& framework_yaml, const std::string& assessment_body = "",
           const EvaluateOptions& opt = {}) {
  if (assessment_body.empty()) return evaluate_text(framework_yaml, opt);
  const auto loaded = load_assessment_text(assessment_body, framework_yaml);
  REQUIRE(loaded.assessment.has_value());
  return tradeoff::evaluate(loaded.framework, &*loaded.assessment, opt);
}

/// kFramework with display names that CSV must quote.
std::string edit_names(std::string yaml) {
  const auto name = [&](const std::string& id, const std::string& line) {
    const std::string from = "  - id: " + id + "\n";
    const auto at = yaml.find(from);
    REQUIRE(at != std::string::npos);
    yaml.insert(at + from.size(), "    name: " + line + "\n");
  };
  name("a", "plain");
  name("b", "\"two\\nlines\"");
  name("c", "'Postgres, \"managed\"'");
  return yaml;
}

std::vector<double> scores(const Result& r) {
  std::vector<double> out;
  for (const auto& o : r.options) out.push_back(o.score);
  return out;
}

}  // namespace

TEST_CASE("method and normalisation: options over assessment over framework over default",
          "[evaluate]") {
  struct Case {
    const char* name;
    std::string framework_method;   // YAML flow mapping, or "" for none
    std::string assessment_method;  // idem
    EvaluateOptions opt;
    const char* method;
    const char* normalization;
  };
  const std::vector<Case> cases = {
      {"nothing given", "", "", {}, "wsm", "declared"},
      {"framework method, its default normalisation", "{name: wpm}", "", {}, "wpm", "max"},
      {"framework method and normalisation",
       "{name: wpm, normalization: sum}",
       "",
       {},
       "wpm",
       "sum"},
      {"framework normalisation only", "{normalization: vector}", "", {}, "wsm", "vector"},
      // A normalisation goes with the method beside it: a method chosen higher up brings its own
      // default rather than inheriting one picked for another method.
      {"assessment method over framework's",
       "{name: wpm, normalization: sum}",
       "{name: wsm}",
       {},
       "wsm",
       "declared"},
      {"assessment normalisation over framework's",
       "{name: wpm, normalization: sum}",
       "{normalization: max}",
       {},
       "wpm",
       "max"},
      {"assessment method, framework silent", "", "{name: wpm}", {}, "wpm", "max"},
      {"options over both", "{name: wpm, normalization: sum}", "{name: wsm, normalization: minmax}",
       choose("wpm", "vector"), "wpm", "vector"},
      {"option normalisation only", "{name: wsm}", "{normalization: minmax}", choose("", "max"),
       "wsm", "max"},
      {"option method only", "", "{normalization: sum}", choose("wpm", ""), "wpm", "max"},
      {"option method, assessment both", "", "{name: wsm, normalization: sum}", choose("wpm", ""),
       "wpm", "max"},
      {"option method, nothing else", "", "", choose("wpm", ""), "wpm", "max"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const std::string body =
        c.assessment_method.empty() ? "title: ACME\n" : "method: " + c.assessment_method + "\n";
    const Result r = run(with_method(c.framework_method), body, c.opt);
    CHECK(r.method == c.method);
    CHECK(r.normalization == c.normalization);
    CHECK(r.method_title == (std::string(c.method) == "wsm" ? "weighted sum" : "weighted product"));
  }
}

TEST_CASE("the chosen normalisation decides the scores", "[evaluate]") {
  SECTION("wsm, max") {
    // speed / 8 = [0.25, 0.5, 1], 1 / price = [1, 0.5, 0.25]; weights 0.75, 0.25
    const Result r = run(kFramework, "", choose("wsm", "max"));
    check_values(scores(r), {0.4375, 0.5, 0.8125});
    CHECK(r.criteria[0].normalization == "x / max");
    CHECK(r.criteria[1].normalization == "min / x");
  }
  SECTION("wpm, sum") {
    // speed / 14 = [1, 2, 4] / 7, price: [4, 2, 1] / 7
    // a = (1/7)^0.75 (4/7)^0.25 = 4^0.25 / 7 = 0.202030508910442
    // b = (2/7)^0.75 (2/7)^0.25 = 2/7       = 0.285714285714286
    // c = (4/7)^0.75 (1/7)^0.25 = 4^0.75 / 7 = 0.404061017820884
    const Result r = run(with_method("{name: wpm, normalization: sum}"));
    check_values(scores(r), {0.202030508910442, 0.285714285714286, 0.404061017820884});
  }
  SECTION("wsm, declared (min-max without scales)") {
    // speed (x - 2) / 6 = [0, 1/3, 1]; price (4 - x) / 3 = [1, 2/3, 0]
    // a = 0.25, b = 0.25 + 1/6 = 0.416666666666667, c = 0.75
    const Result r = run(kFramework);
    check_values(scores(r), {0.25, 0.416666666666667, 0.75});
    check_values(r.option("b")->normalized, {1.0 / 3.0, 2.0 / 3.0});
    check_values(r.option("b")->contribution, {0.25, 1.0 / 6.0});
    check_values(r.option("b")->raw, {4.0, 2.0});
    CHECK(r.criteria[0].normalization == "min-max");
  }
}

TEST_CASE("a method-domain error points at the YAML of the offending score", "[evaluate][errors]") {
  // Line 16 is "    scores: {speed: 2, price: 1}", the 2 in column 21; minmax makes it 0.
  const auto fw = load_text(kFramework).framework;
  const auto d = expect_error([&] { tradeoff::evaluate(fw, nullptr, choose("wpm", "minmax")); });
  CHECK(d.message ==
        "the weighted product needs positive values, but the normalised score of "
        "option 'a' on criterion 'speed' is 0 (min-max)");
  CHECK(d.where.file == "f.yaml");
  CHECK(d.where.line == 16);
  CHECK(d.where.column == 21);
}

TEST_CASE("a ratio-normalisation error says whether the method or the user chose it",
          "[evaluate][errors]") {
  // The assessment sets a's price to 0 on line 4 ("  a: {price: 0}", the 0 in column 14).
  const auto loaded = load_assessment_text("scores:\n  a: {price: 0}\n", kFramework);
  REQUIRE(loaded.assessment.has_value());
  SECTION("the weighted product's own default, max") {
    const auto d = expect_error(
        [&] { tradeoff::evaluate(loaded.framework, &*loaded.assessment, choose("wpm", "")); });
    CHECK(d.message ==
          "the weighted product compares costs as ratios (normalization 'max'), "
          "which needs positive values, but option 'a' scores 0 on criterion 'price'");
    CHECK(d.hint == "the weighted sum accepts it: --method wsm");
    CHECK(d.code == ErrorCode::MethodDomain);
    CHECK(d.where.file == "acme.yaml");
    CHECK(d.where.line == 4);
    CHECK(d.where.column == 14);
  }
  SECTION("max chosen explicitly") {
    const auto d = expect_error(
        [&] { tradeoff::evaluate(loaded.framework, &*loaded.assessment, choose("wsm", "max")); });
    CHECK(
        d.message ==
        "normalization 'max' needs positive values, but option 'a' scores 0 on criterion 'price'");
    CHECK(d.hint == "choose another normalization, e.g. --normalization minmax");
    CHECK(d.where.line == 4);
  }
}

TEST_CASE("weights are shown as given and normalised to sum to 1", "[evaluate]") {
  const Result r = run(kFramework);
  REQUIRE(r.criteria.size() == 2);
  CHECK(r.criteria[0].id == "speed");
  CHECK(r.criteria[0].name == "Speed");
  CHECK(r.criteria[0].unit == "ops/s");
  CHECK(r.criteria[0].direction == tradeoff::Direction::Benefit);
  CHECK(r.criteria[1].direction == tradeoff::Direction::Cost);
  CHECK(r.criteria[0].weight == 3.0);
  CHECK(r.criteria[1].weight == 1.0);
  CHECK_THAT(r.criteria[0].normalized_weight, WithinAbs(0.75, kEps));
  CHECK_THAT(r.criteria[1].normalized_weight, WithinAbs(0.25, kEps));
  CHECK(r.criteria[0].weight_origin == "framework");
  CHECK(r.criteria[1].weight_origin == "framework");
}

TEST_CASE("assessment overrides of weights and scores are flagged", "[evaluate]") {
  const Result r = run(kFramework,
                       R"(title: ACME case
date: 2026-11-20
weights: {price: 3}
scores:
  a: {speed: {value: 8, because: "new hardware"}}
)");
  CHECK(r.assessment == "acme");
  CHECK(r.assessment_title == "ACME case");
  CHECK(r.assessment_date == "2026-11-20");
  CHECK(r.criteria[0].weight == 3.0);
  CHECK(r.criteria[0].weight_origin == "framework");
  CHECK(r.criteria[1].weight == 3.0);
  CHECK(r.criteria[1].weight_origin == "assessment");
  CHECK_THAT(r.criteria[0].normalized_weight, WithinAbs(0.5, kEps));
  CHECK_THAT(r.criteria[1].normalized_weight, WithinAbs(0.5, kEps));
  const auto* a = r.option("a");
  REQUIRE(a != nullptr);
  CHECK(a->raw == std::vector<double>{8.0, 1.0});
  CHECK(a->overridden == std::vector<bool>{true, false});
  CHECK(a->because == std::vector<std::string>{"new hardware", ""});
  CHECK(r.option("b")->overridden == std::vector<bool>{false, false});
  // speed is now [8, 4, 8] -> min-max [1, 0, 1]; price [1, 2, 4] -> [1, 2/3, 0]
  // a = 0.5 + 0.5 = 1; b = 0 + 1/3; c = 0.5 + 0
  check_values(scores(r), {1.0, 1.0 / 3.0, 0.5});
  CHECK(r.ranking[0].option == "a");
}

TEST_CASE("results and ranking keep framework order and rank order", "[evaluate]") {
  const Result r = run(kFramework, "", choose("wsm", "max"));
  CHECK(r.framework == "f");
  CHECK(r.framework_title == "Pick one");
  CHECK(r.framework_version == "2.1.0");
  CHECK(r.assessment.empty());
  CHECK(r.higher_is_better);
  REQUIRE(r.options.size() == 3);
  CHECK(r.options[0].id == "a");
  CHECK(r.options[0].name == "a");
  REQUIRE(r.ranking.size() == 3);
  CHECK(r.ranking[0].option == "c");
  CHECK(r.ranking[0].rank == 1);
  CHECK(r.ranking[1].option == "b");
  CHECK(r.ranking[2].option == "a");
  CHECK(r.ranking[2].rank == 3);
  CHECK(r.option("c")->rank == 1);
  CHECK(r.option("a")->rank == 3);
  CHECK(r.criterion_index("price") == 1);
  CHECK(r.criterion_index("moat") == -1);
  CHECK(r.option("zzz") == nullptr);
}

TEST_CASE("the same input renders the same bytes in every format", "[evaluate][report]") {
  const std::string body =
      "weights: {price: 2}\nscores:\n  b: {price: {value: 1.5, because: \"a deal, "
      "\\\"signed\\\"\"}}\n";
  const Result first = run(kFramework, body);
  const Result second = run(kFramework, body);
  for (auto format : {Format::Text, Format::Json, Format::Markdown, Format::Csv}) {
    const auto a = tradeoff::render(first, {format, false});
    const auto b = tradeoff::render(first, {format, false});
    const auto c = tradeoff::render(second, {format, false});
    CAPTURE(a);
    CHECK(a.size() > 50);
    CHECK(a == b);
    CHECK(a == c);
  }
}

TEST_CASE("the JSON result has the keys of the documented contract", "[evaluate][report]") {
  const Result r = run(kFramework, "title: ACME\n", choose("wsm", "max"));
  const auto j = nlohmann::json::parse(render_json(r));
  CHECK(j.at("framework") == "f");
  CHECK(j.at("assessment") == "acme");
  CHECK(j.at("method").at("name") == "wsm");
  CHECK(j.at("method").at("normalization") == "max");
  CHECK(j.at("higher_is_better") == true);

  const auto& criteria = j.at("criteria");
  REQUIRE(criteria.size() == 2);
  CHECK(criteria[1].at("id") == "price");
  CHECK(criteria[1].at("direction") == "cost");
  CHECK(criteria[1].at("weight").get<double>() == 1.0);
  CHECK(criteria[1].at("normalized_weight").get<double>() == 0.25);

  const auto& ranking = j.at("ranking");
  REQUIRE(ranking.size() == 3);
  CHECK(ranking[0].at("option") == "c");
  CHECK(ranking[0].at("rank") == 1);
  CHECK(ranking[0].at("score").get<double>() == 0.8125);
  CHECK(ranking[2].at("option") == "a");
  CHECK(ranking[2].at("rank") == 3);
  CHECK(ranking[2].at("score").get<double>() == 0.4375);

  CHECK(j.at("vetoed").is_array());
  CHECK(j.at("vetoed").empty());
  // c: 0.75 * 1 and 0.25 * 0.25
  CHECK(j.at("contributions").at("c").at("speed").get<double>() == 0.75);
  CHECK(j.at("contributions").at("c").at("price").get<double>() == 0.0625);
  CHECK(j.at("contributions").size() == 3);
  // No formulas and no rules in this framework: present, and empty.
  CHECK(j.at("derived").is_object());
  CHECK(j.at("derived").empty());
  CHECK(j.at("rules").is_array());
  CHECK(j.at("rules").empty());

  const auto& e = j.at("explanation");
  CHECK(e.at("winner") == "c");
  CHECK(e.at("runner_up") == "b");
  CHECK(e.at("margin").get<double>() == 0.3125);  // 0.8125 - 0.5
  CHECK(e.at("decisive_criteria") == nlohmann::json::array({"speed"}));
  CHECK(e.at("summary") ==
        "c ranks first, 0.3125 ahead of b, mostly on speed; it trails on price.");
}

TEST_CASE("JSON writes null for a missing assessment and runner-up", "[evaluate][report]") {
  const std::string one =
      R"(framework: one
criteria:
  - id: q
    direction: benefit
    weight: 1
options:
  - id: solo
    scores: {q: 3}
)";
  const auto j = nlohmann::json::parse(render_json(run(one)));
  CHECK(j.at("assessment").is_null());
  CHECK(j.at("explanation").at("winner") == "solo");
  CHECK(j.at("explanation").at("runner_up").is_null());
  CHECK(j.at("explanation").at("margin").get<double>() == 0.0);
  CHECK(j.at("ranking").size() == 1);
  CHECK(j.at("ranking")[0].at("score").get<double>() == 1.0);  // min-max of a constant column
}

TEST_CASE("CSV quotes names with commas, quotes and line breaks", "[evaluate][report]") {
  const std::string yaml = edit_names(kFramework);
  const Result r = run(yaml, "", choose("wsm", "max"));
  // CSV rows end in \r\n: the expected text keeps its escapes.
  CHECK(tradeoff::render(r, {Format::Csv, false}) ==
        "rank,option,name,score,vetoed_by,speed,price,speed.contribution,price.contribution\r\n"
        "1,c,\"Postgres, \"\"managed\"\"\",0.8125,,8,4,0.75,0.0625\r\n"
        "2,b,\"two\nlines\",0.5,,4,2,0.375,0.125\r\n"
        "3,a,plain,0.4375,,2,1,0.1875,0.25\r\n");
}
