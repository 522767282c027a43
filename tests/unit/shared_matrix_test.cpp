// One copy of a large matrix: a table in the framework's order is the evaluation's matrix, the
// Result's rows (Figures) share it, and writing a score copies it first, so that no Result, no
// other evaluator and no framework sees the change.
#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/evaluator.hpp"

namespace {

const std::string kFramework = R"(framework: vendors
scores_from: scores.csv
criteria:
  - {id: price, name: Price, direction: cost, weight: 3}
  - {id: quality, name: Quality, direction: benefit, weight: 2}
)";

const std::string kRule = R"(rules:
  - id: too_dear
    when: "true"
    veto: gamma
    because: over budget
)";

tradeoff::Framework load(const std::string& framework, const std::string& table) {
  tradeoff::MemoryReader reader;
  reader.add("f.yaml", framework);
  reader.add("scores.csv", table);
  return tradeoff::load(reader, "f.yaml").framework;
}

const std::string kInOrder = "option,price,quality\nacme,100,3\nbeta,80,4\ngamma,120,5\n";

}  // namespace

TEST_CASE("a table in the framework's order is the Result's raw matrix, not a copy of it",
          "[table][shared]") {
  const tradeoff::Framework fw = load(kFramework, kInOrder);
  REQUIRE(fw.table != nullptr);
  const tradeoff::Result r = tradeoff::evaluate(fw, nullptr);
  REQUIRE(r.options.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(r.options[i].raw.data() == fw.table->values.data() + i * 2);
  }
  CHECK(r.options[2].raw == std::vector<double>{120, 5});
  // Min-max: price is a cost (acme 0.5, beta 1, gamma 0), quality a benefit.
  CHECK(r.options[0].normalized[0] == Approx(0.5));
  CHECK(r.options[2].normalized[1] == Approx(1.0));
}

TEST_CASE("a framework's table releases its ids once its rows are the framework's options",
          "[table][shared]") {
  const tradeoff::Framework fw = load(kFramework, kInOrder);
  REQUIRE(fw.table != nullptr);
  CHECK(fw.table->options.empty());
  REQUIRE(fw.options.size() == 3);
  CHECK(fw.options[1].id == "beta");
  CHECK(fw.options[1].name == "beta");
  CHECK(fw.table->row_of_option == std::vector<int32_t>{0, 1, 2});
  CHECK(tradeoff::evaluate(fw, nullptr).ranking.front().option == "beta");
}

TEST_CASE("a table in another order is copied into the framework's order", "[table][shared]") {
  const tradeoff::Framework fw =
      load(kFramework, "option,quality,price\ngamma,5,120\nacme,3,100\nbeta,4,80\n");
  const tradeoff::Result r = tradeoff::evaluate(fw, nullptr);
  REQUIRE(r.options.size() == 3);
  CHECK(r.options[0].id == "gamma");
  CHECK(r.options[0].raw == std::vector<double>{120, 5});
  CHECK(r.options[2].raw == std::vector<double>{80, 4});
  CHECK(r.options[0].raw.data() != fw.table->values.data());
}

TEST_CASE("a score set after a Result leaves the Result and the table as they were",
          "[table][shared][evaluator]") {
  const tradeoff::Framework fw = load(kFramework, kInOrder);
  tradeoff::Evaluator ev(fw, nullptr);
  const tradeoff::Result before = ev.traced_result();
  REQUIRE(before.ranking.front().option == "beta");
  ev.set_score(1, 1, 1);  // beta's quality falls to the bottom
  ev.run();
  CHECK(ev.raw(1, 1) == 1);
  CHECK(before.options[1].raw == std::vector<double>{80, 4});
  CHECK(fw.table->values[3] == 4);
  const tradeoff::Result after = ev.traced_result();
  CHECK(after.options[1].raw == std::vector<double>{80, 1});
  CHECK(after.options[0].raw.data() != fw.table->values.data());
  // A second change writes the evaluator's own copy: the first Result still stands.
  ev.set_score(0, 0, 90);
  ev.run();
  CHECK(after.options[0].raw == std::vector<double>{100, 3});
  CHECK(ev.raw(0, 0) == 90);
}

TEST_CASE("an option's figures outlive the Result and the framework", "[table][shared]") {
  std::optional<tradeoff::OptionResult> kept;
  {
    const tradeoff::Framework fw = load(kFramework, kInOrder);
    const tradeoff::Result r = tradeoff::evaluate(fw, nullptr);
    kept = r.options[1];
  }
  CHECK(kept->raw == std::vector<double>{80, 4});
  CHECK(kept->normalized == std::vector<double>{1.0, 0.5});
  // Weighted sum: price (3/5) at its best, quality (2/5) halfway.
  const std::vector<double> copy = kept->contribution;
  REQUIRE(copy.size() == 2);
  CHECK(copy[0] == Approx(0.6));
  CHECK(copy[1] == Approx(0.2));
}

TEST_CASE("a vetoed option's normalised values and contributions are zeros", "[table][shared]") {
  const tradeoff::Framework fw = load(kFramework + kRule, kInOrder);
  const tradeoff::Result r = tradeoff::evaluate(fw, nullptr);
  const tradeoff::OptionResult* gamma = r.option("gamma");
  REQUIRE(gamma != nullptr);
  CHECK_FALSE(gamma->eligible);
  CHECK(gamma->raw == std::vector<double>{120, 5});
  CHECK(gamma->normalized == std::vector<double>{0, 0});
  CHECK(gamma->contribution == std::vector<double>{0, 0});
  // Min-max over acme and beta only.
  CHECK(r.option("acme")->normalized == std::vector<double>{0, 0});
  CHECK(r.option("beta")->normalized == std::vector<double>{1, 1});
}

TEST_CASE("Figures read like the vector they replace", "[shared]") {
  const tradeoff::Figures f(std::vector<double>{1, 2, 3});
  CHECK(f.size() == 3);
  CHECK_FALSE(f.empty());
  CHECK(f[1] == 2);
  CHECK(f.at(2) == 3);
  CHECK_THROWS_AS(f.at(3), std::out_of_range);
  double sum = 0;
  for (double x : f) sum += x;
  CHECK(sum == 6);
  const tradeoff::Figures copy = f;  // NOLINT(performance-unnecessary-copy-initialization)
  CHECK(copy.data() == f.data());
  CHECK(copy == f);
  CHECK(f == std::vector<double>{1, 2, 3});
  CHECK_FALSE(f == std::vector<double>{1, 2});
  CHECK(tradeoff::Figures().empty());
  const auto shared = std::make_shared<const std::vector<double>>(std::vector<double>{1, 2, 3, 4});
  const tradeoff::Figures row(shared, 1, 2);
  CHECK(row == std::vector<double>{3, 4});
}

TEST_CASE("the ids of the ranked options follow a veto that comes, goes and comes back",
          "[table][shared][evaluator]") {
  // Every option eligible: the problem shares the evaluation's ids; a veto gives it its own
  // list, and lifting the veto gives the ids back. The method's details name the same options
  // as the ranking each time.
  const std::string rule = R"(inputs:
  strict: {type: boolean, default: false}
rules:
  - {id: too_dear, when: strict, veto: [gamma], because: over budget}
)";
  const tradeoff::Framework fw = load(kFramework + rule, kInOrder);
  tradeoff::EvaluateOptions topsis;
  topsis.method = tradeoff::Method::Topsis;
  tradeoff::Evaluator ev(fw, nullptr, topsis);
  const std::vector<std::string> all = {"acme", "beta", "gamma"};
  const std::vector<std::string> two = {"acme", "beta"};
  for (double strict : {0.0, 1.0, 0.0, 1.0, 1.0, 0.0}) {
    CAPTURE(strict);
    ev.set_input(0, strict);
    const tradeoff::Result r = ev.traced_result();
    const auto& expected = strict != 0 ? two : all;
    CHECK(r.details.options == expected);
    REQUIRE(r.ranking.size() == expected.size());
    std::vector<std::string> ranked;
    for (const auto& e : r.ranking) ranked.push_back(e.option);
    std::sort(ranked.begin(), ranked.end());
    CHECK(ranked == expected);
    // Beta is cheaper than acme and better: first either way (and alone at 1 with two).
    CHECK(r.ranking.front().option == "beta");
    if (strict != 0) CHECK(r.ranking.front().score == Approx(1.0));
    CHECK(r.details.per_option.at(0).second.size() == expected.size());
    CHECK(r.option("gamma")->eligible == (strict == 0));
    CHECK(ev.eligible(2) == (strict == 0));
  }
}
