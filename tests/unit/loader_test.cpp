// The framework, catalog-criterion and assessment loaders (load/framework_loader, load/catalog):
// what a valid file becomes, through use: of the catalog and built-in ids too. Every problem
// with its exact message, code and position is in loader_errors_test.cpp.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "load/framework_loader.hpp"
#include "loader_cases.hpp"
#include "test_support.hpp"
#include "tradeoff/catalog.hpp"

using tradeoff::Direction;
using tradeoff::test::load_text;
using tradeoff::test::loader_cases::edit;
using tradeoff::test::loader_cases::kBase;

// --- valid files ---------------------------------------------------------------------------

TEST_CASE("the base framework of these tests loads", "[load]") {
  const auto loaded = load_text(kBase);
  CHECK(loaded.framework.id == "f");
  CHECK(loaded.framework.criteria.size() == 2);
  CHECK(loaded.framework.options.size() == 2);
  CHECK_FALSE(loaded.assessment.has_value());
  CHECK(loaded.warnings.empty());
}

TEST_CASE("a valid framework loads every field", "[load]") {
  const std::string yaml =
      R"(framework: pick_db
title: Pick a database
version: 1.0.0
description: Which database to run.
sources:
  bench: {title: "Benchmarks 2024", url: "https://example.org/b", date: 2024-05-01,
          note: synthetic}
criteria:
  - id: speed
    direction: benefit
    scale: [1, 5]
    weight: 3
    rubric: {1: slow, 5: fast}
    source: bench
  - id: price
    name: Monthly price
    description: What it costs.
    direction: cost
    unit: USD
    weight: 1.5
    value_function: {points: [[0, 1], [100, 0.5], [1000, 0]]}
options:
  - id: pg
    name: PostgreSQL
    description: The usual choice.
    scores:
      speed: {value: 4, because: "fast enough", source: bench}
      price: 0
  - id: lite
    scores: {speed: 3, price: 1_000}
method: {name: wpm, normalization: sum}
)";
  const auto loaded = load_text(yaml, "dir/pick_db.yaml");
  const auto& fw = loaded.framework;
  CHECK(loaded.warnings.empty());
  CHECK(fw.id == "pick_db");
  CHECK(fw.title == "Pick a database");
  CHECK(fw.version == "1.0.0");
  CHECK(fw.description == "Which database to run.");
  CHECK(fw.file == "dir/pick_db.yaml");
  CHECK(fw.criteria_where.line == 8);
  CHECK(fw.criteria_where.column == 1);

  REQUIRE(fw.sources.size() == 1);
  CHECK(fw.sources[0].id == "bench");
  CHECK(fw.sources[0].title == "Benchmarks 2024");
  CHECK(fw.sources[0].url == "https://example.org/b");
  CHECK(fw.sources[0].date == "2024-05-01");
  CHECK(fw.sources[0].note == "synthetic");
  CHECK(fw.sources[0].where.line == 6);
  CHECK(fw.sources[0].where.column == 3);

  REQUIRE(fw.criteria.size() == 2);
  const auto& speed = fw.criteria[0];
  CHECK(speed.id == "speed");
  CHECK(speed.name == "speed");  // the name defaults to the id
  CHECK(speed.direction == Direction::Benefit);
  REQUIRE(speed.scale.has_value());
  CHECK(speed.scale->first == 1.0);
  CHECK(speed.scale->second == 5.0);
  REQUIRE(speed.weight.has_value());
  CHECK(*speed.weight == 3.0);
  CHECK(speed.weight_where.line == 12);
  CHECK(speed.weight_where.column == 13);
  CHECK(speed.rubric ==
        std::vector<std::pair<std::string, std::string>>{{"1", "slow"}, {"5", "fast"}});
  CHECK(speed.source == "bench");
  CHECK(speed.catalog.empty());
  CHECK_FALSE(speed.value_function.has_value());
  CHECK(speed.where.line == 9);
  CHECK(speed.where.column == 5);

  const auto& price = fw.criteria[1];
  CHECK(price.id == "price");
  CHECK(price.name == "Monthly price");
  CHECK(price.description == "What it costs.");
  CHECK(price.direction == Direction::Cost);
  CHECK(price.unit == "USD");
  CHECK(*price.weight == 1.5);
  CHECK_FALSE(price.scale.has_value());
  REQUIRE(price.value_function.has_value());
  CHECK(price.value_function->points ==
        std::vector<std::pair<double, double>>{{0.0, 1.0}, {100.0, 0.5}, {1000.0, 0.0}});
  CHECK(price.value_function->where.line == 21);

  REQUIRE(fw.options.size() == 2);
  const auto& pg = fw.options[0];
  CHECK(pg.id == "pg");
  CHECK(pg.name == "PostgreSQL");
  CHECK(pg.description == "The usual choice.");
  CHECK(pg.scores_where.line == 26);
  CHECK(pg.scores_where.column == 5);
  REQUIRE(pg.scores.size() == 2);
  CHECK(pg.scores[0].criterion == "speed");
  CHECK(pg.scores[0].value == 4.0);
  CHECK(pg.scores[0].because == "fast enough");
  CHECK(pg.scores[0].source == "bench");
  CHECK(pg.scores[0].where.line == 27);
  CHECK(pg.scores[0].where.column == 22);  // the value inside the mapping
  CHECK(pg.scores[0].key_where.column == 7);
  CHECK(pg.scores[1].criterion == "price");
  CHECK(pg.scores[1].value == 0.0);
  CHECK(pg.scores[1].because.empty());

  const auto& lite = fw.options[1];
  CHECK(lite.name == "lite");  // defaults to the id
  REQUIRE(lite.score("price") != nullptr);
  CHECK(lite.score("price")->value == 1000.0);
  CHECK(lite.score("speed")->value == 3.0);
  CHECK(lite.score("moat") == nullptr);

  CHECK(fw.method.name == tradeoff::Method::Wpm);
  CHECK(fw.method.normalization == tradeoff::Normalization::Sum);
  CHECK(fw.method.where.line == 31);
  CHECK(fw.method.where.column == 9);
}

TEST_CASE("a framework without title or method gets the defaults", "[load]") {
  const auto fw = load_text(kBase).framework;
  CHECK(fw.title == "f");  // the title defaults to the id
  CHECK(fw.version.empty());
  CHECK(!fw.method.name);
  CHECK(!fw.method.normalization);
  CHECK(fw.sources.empty());
}

TEST_CASE("use: takes name, direction, unit, scale and rubric from the built-in catalog",
          "[load][catalog]") {
  const std::string yaml =
      R"(framework: f
criteria:
  - use: moat
    weight: 2
  - use: time_to_market
    weight: 1
options:
  - id: a
    scores: {moat: 3, time_to_market: 12}
)";
  const auto fw = load_text(yaml).framework;
  REQUIRE(fw.criteria.size() == 2);
  const auto& moat = fw.criteria[0];
  CHECK(moat.id == "moat");
  CHECK(moat.catalog == "moat");
  CHECK(moat.name == "Moat");
  CHECK(moat.description ==
        "How hard it is for a competitor to reach the same capability by buying the same thing.");
  CHECK(moat.direction == Direction::Benefit);
  REQUIRE(moat.scale.has_value());
  CHECK(moat.scale->first == 1.0);
  CHECK(moat.scale->second == 5.0);
  REQUIRE(moat.rubric.size() == 5);
  CHECK(moat.rubric[0] ==
        std::pair<std::string, std::string>{"1", "anyone can buy the same capability tomorrow"});
  CHECK(moat.rubric[4].first == "5");
  CHECK(*moat.weight == 2.0);

  const auto& ttm = fw.criteria[1];
  CHECK(ttm.id == "time_to_market");
  CHECK(ttm.name == "Time to market");
  CHECK(ttm.direction == Direction::Cost);
  CHECK(ttm.unit == "weeks");
  CHECK_FALSE(ttm.scale.has_value());
  CHECK(ttm.rubric.empty());
}

TEST_CASE("fields given beside use: override the catalog's", "[load][catalog]") {
  const std::string yaml =
      R"(framework: f
criteria:
  - use: moat
    id: our_moat
    name: Our moat
    description: Ours.
    direction: cost
    unit: points
    scale: [0, 10]
    rubric: {0: none, 10: total}
    weight: 1
options:
  - id: a
    scores: {our_moat: 7}
)";
  const auto fw = load_text(yaml).framework;
  REQUIRE(fw.criteria.size() == 1);
  const auto& c = fw.criteria[0];
  CHECK(c.id == "our_moat");
  CHECK(c.catalog == "moat");
  CHECK(c.name == "Our moat");
  CHECK(c.description == "Ours.");
  CHECK(c.direction == Direction::Cost);
  CHECK(c.unit == "points");
  CHECK(c.scale == std::make_optional(std::make_pair(0.0, 10.0)));
  CHECK(c.rubric ==
        std::vector<std::pair<std::string, std::string>>{{"0", "none"}, {"10", "total"}});
  // A score of 7 is inside the overriding scale [0, 10], outside the catalog's [1, 5].
  CHECK(fw.options[0].score("our_moat")->value == 7.0);
}

TEST_CASE("use: finds criteria/ beside the framework before the built-in catalog",
          "[load][catalog]") {
  const std::string fw_yaml =
      R"(framework: f
criteria:
  - use: latency
    weight: 1
  - use: moat
    weight: 1
options:
  - id: a
    scores: {latency: 30, moat: 9}
)";
  const std::string latency =
      R"(criterion: latency
name: Latency
direction: cost
unit: ms
)";
  // A local moat shadows the built-in one (whose scale [1, 5] would refuse 9).
  const std::string local_moat =
      R"(criterion: moat
name: Local moat
direction: benefit
scale: [0, 10]
)";
  const auto fw =
      load_text(fw_yaml, "fw/f.yaml",
                {{"fw/criteria/latency.yaml", latency}, {"fw/criteria/moat.yaml", local_moat}})
          .framework;
  REQUIRE(fw.criteria.size() == 2);
  CHECK(fw.criteria[0].id == "latency");
  CHECK(fw.criteria[0].catalog == "latency");
  CHECK(fw.criteria[0].name == "Latency");
  CHECK(fw.criteria[0].direction == Direction::Cost);
  CHECK(fw.criteria[0].unit == "ms");
  CHECK(fw.criteria[1].name == "Local moat");
  CHECK(fw.criteria[1].scale == std::make_optional(std::make_pair(0.0, 10.0)));
}

TEST_CASE("use: also finds criteria/ one folder up (the repository layout)", "[load][catalog]") {
  const std::string fw_yaml =
      R"(framework: f
criteria:
  - use: latency
    weight: 1
options:
  - id: a
    scores: {latency: 30}
)";
  const std::string latency = "criterion: latency\nname: Latency\ndirection: cost\n";
  const auto fw =
      load_text(fw_yaml, "frameworks/f.yaml", {{"criteria/latency.yaml", latency}}).framework;
  REQUIRE(fw.criteria.size() == 1);
  CHECK(fw.criteria[0].name == "Latency");
}

TEST_CASE("a catalog criterion file loads through load_criterion", "[load][catalog]") {
  tradeoff::MemoryReader reader;
  const auto moat = tradeoff::load_criterion(reader, "builtin:criteria/moat.yaml");
  CHECK(moat.id == "moat");
  CHECK(moat.name == "Moat");
  CHECK(moat.direction == Direction::Benefit);
  CHECK(moat.scale == std::make_optional(std::make_pair(1.0, 5.0)));
  CHECK(moat.rubric.size() == 5);
  CHECK(moat.where.file == "builtin:criteria/moat.yaml");
}

TEST_CASE("validate_file accepts every built-in file", "[load][catalog]") {
  tradeoff::MemoryReader reader;
  int files = 0;
  for (const auto& f : tradeoff::builtin_files()) {
    const std::string path = "builtin:" + std::string(f.path);
    CAPTURE(path);
    CHECK(tradeoff::validate_file(reader, path).empty());
    ++files;
  }
  CHECK(files >= 10);  // 9 criteria and the flagship framework
}

TEST_CASE("an assessment names its framework by a path relative to itself", "[load][assessment]") {
  const std::string assessment =
      R"(assessment: acme
framework: ../frameworks/f.yaml
title: ACME case
date: 2026-11-20
description: For ACME.
weights: {price: 4}
scores:
  b: {speed: {value: 5, because: "new SSDs"}}
method: {name: wpm}
)";
  const auto loaded = load_text(assessment, "cases/acme.yaml", {{"frameworks/f.yaml", kBase}});
  CHECK(loaded.framework.id == "f");
  CHECK(loaded.framework.file == "frameworks/f.yaml");
  REQUIRE(loaded.assessment.has_value());
  const auto& a = *loaded.assessment;
  CHECK(a.id == "acme");
  CHECK(a.framework_ref == "../frameworks/f.yaml");
  CHECK(a.title == "ACME case");
  CHECK(a.date == "2026-11-20");
  CHECK(a.description == "For ACME.");
  CHECK(a.file == "cases/acme.yaml");
  REQUIRE(a.weights.size() == 1);
  CHECK(a.weights[0].criterion == "price");
  CHECK(a.weights[0].weight == 4.0);
  CHECK(a.weights[0].where.line == 6);
  CHECK(a.weights[0].where.column == 18);
  REQUIRE(a.scores.size() == 1);
  CHECK(a.scores[0].option == "b");
  CHECK(a.scores[0].score.criterion == "speed");
  CHECK(a.scores[0].score.value == 5.0);
  CHECK(a.scores[0].score.because == "new SSDs");
  CHECK(a.scores[0].score.where.line == 8);
  CHECK(a.method.name == tradeoff::Method::Wpm);
}

TEST_CASE("an assessment names a built-in framework by id", "[load][assessment]") {
  const std::string assessment =
      R"(assessment: acme
framework: llm_build_vs_buy
weights: {annual_cost: 25}
scores:
  buy_api: {data_control: {value: 3, because: zero-retention contract signed}}
)";
  const auto loaded = load_text(assessment, "acme.yaml");
  CHECK(loaded.framework.id == "llm_build_vs_buy");
  CHECK(loaded.framework.file == "builtin:frameworks/llm_build_vs_buy.yaml");
  REQUIRE(loaded.assessment.has_value());
  CHECK(loaded.assessment->framework_ref == "llm_build_vs_buy");
  REQUIRE(loaded.assessment->weights.size() == 1);
  CHECK(loaded.assessment->weights[0].weight == 25.0);
  REQUIRE(loaded.assessment->scores.size() == 1);
  CHECK(loaded.assessment->scores[0].score.because == "zero-retention contract signed");
}

TEST_CASE("a file beside the assessment named exactly like a built-in id wins over it",
          "[load][assessment]") {
  const std::string assessment = "assessment: acme\nframework: llm_build_vs_buy\n";
  const std::string local = edit(kBase, "framework: f\n", "framework: local_copy\n");
  const auto loaded = load_text(assessment, "cases/acme.yaml", {{"cases/llm_build_vs_buy", local}});
  CHECK(loaded.framework.id == "local_copy");
}
