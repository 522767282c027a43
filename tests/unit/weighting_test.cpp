// Weighting methods (weights/weighting.hpp): direct, rank-order surrogates and swing against the
// references, groups, stakeholders, Kendall's tau, and the loader's errors for `weighting:`
// blocks. AHP is in weighting_ahp_test.cpp, entropy and CRITIC in weighting_objective_test.cpp.
#include "weights/weighting.hpp"

#include <cmath>
#include <numeric>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/compare.hpp"
#include "frameworks.hpp"
#include "naive_weighting.hpp"
#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"
#include "weighting_cases.hpp"

using tradeoff::RankEntry;
using tradeoff::WeightingSpec;
using tradeoff::test::brief;
using tradeoff::test::check_all;
using tradeoff::test::check_close;
using tradeoff::test::evaluate_text;
using tradeoff::test::load_errors;
using tradeoff::test::make_problem;
using tradeoff::test::weighting_cases::kHead;
namespace detail = tradeoff::detail;
namespace ref = tradeoff::reference;

namespace {

std::vector<RankEntry> ranking(const std::vector<std::pair<std::string, int>>& entries) {
  std::vector<RankEntry> out;
  for (const auto& [id, rank] : entries) out.push_back({id, rank, 0.0});
  return out;
}

/// kHead with criterion weights (price 3, speed 1, quality 2, support 2).
std::string with_weights(std::string yaml) {
  for (const auto& [id, w] : std::vector<std::pair<std::string, std::string>>{
           {"price", "3"}, {"speed", "1"}, {"quality", "2"}, {"support", "2"}}) {
    const std::string key = "direction: " + std::string(id == "price" ? "cost" : "benefit") + "}";
    const auto at = yaml.find("{id: " + id);
    const auto end = yaml.find(key, at);
    yaml.replace(end, key.size(), key.substr(0, key.size() - 1) + ", weight: " + w + "}");
  }
  return yaml;
}

std::vector<double> criterion_weights(const tradeoff::Result& r) {
  std::vector<double> out;
  for (const auto& c : r.criteria) out.push_back(c.weight);
  return out;
}

}  // namespace

// --- rank order, swing ---------------------------------------------------------------------

TEST_CASE("rank-order weights agree with the reference for n = 1..12", "[weighting][oracle]") {
  for (size_t n = 1; n <= 12; ++n) {
    CAPTURE(n);
    check_all(detail::rank_order_weights(tradeoff::WeightingMethod::Roc, n), ref::roc_weights(n),
              1e-12);
    check_all(detail::rank_order_weights(tradeoff::WeightingMethod::RankSum, n),
              ref::rank_sum_weights(n), 1e-12);
    check_all(detail::rank_order_weights(tradeoff::WeightingMethod::RankReciprocal, n),
              ref::rank_reciprocal_weights(n), 1e-12);
    using M = tradeoff::WeightingMethod;
    for (const M method : {M::Roc, M::RankSum, M::RankReciprocal}) {
      const auto w = detail::rank_order_weights(method, n);
      check_close(std::accumulate(w.begin(), w.end(), 0.0), 1.0);
      CHECK(std::is_sorted(w.rbegin(), w.rend()));
    }
  }
  // By hand, n = 4: ROC (25, 13, 7, 3) / 48; rank sum (4, 3, 2, 1) / 10; reciprocal
  // (12, 6, 4, 3) / 25.
  check_all(detail::rank_order_weights(tradeoff::WeightingMethod::Roc, 4),
            {25.0 / 48, 13.0 / 48, 7.0 / 48, 3.0 / 48});
  check_all(detail::rank_order_weights(tradeoff::WeightingMethod::RankSum, 4),
            {0.4, 0.3, 0.2, 0.1});
  check_all(detail::rank_order_weights(tradeoff::WeightingMethod::RankReciprocal, 4),
            {0.48, 0.24, 0.16, 0.12});
}

TEST_CASE("tied criteria share the mean of the positions they occupy", "[weighting]") {
  const std::vector<std::string> criteria = {"a", "b", "c", "d"};
  const auto problem = make_problem({}, {1, 1, 1, 1});
  struct Case {
    std::string method;
    std::vector<std::vector<std::string>> order;
    std::vector<double> expected;  // in criteria order
  };
  const std::vector<Case> cases = {
      // Positions 25, 13, 7, 3 (/48): b and c share (13 + 7) / 2.
      {"roc", {{"a"}, {"b", "c"}, {"d"}}, {25.0 / 48, 10.0 / 48, 10.0 / 48, 3.0 / 48}},
      // An order unlike the criteria's: d first, then a and c tied, then b.
      {"roc", {{"d"}, {"a", "c"}, {"b"}}, {10.0 / 48, 3.0 / 48, 10.0 / 48, 25.0 / 48}},
      // All four tied: 1/4 each, whatever the method.
      {"roc", {{"a", "b", "c", "d"}}, {0.25, 0.25, 0.25, 0.25}},
      {"rank_sum", {{"a", "b"}, {"c"}, {"d"}}, {0.35, 0.35, 0.2, 0.1}},
      {"rank_sum", {{"a"}, {"b"}, {"c", "d"}}, {0.4, 0.3, 0.15, 0.15}},
      {"rank_reciprocal", {{"a"}, {"b", "c"}, {"d"}}, {0.48, 0.2, 0.2, 0.12}},
      {"rank_reciprocal", {{"c", "a", "d"}, {"b"}}, {0.88 / 3, 0.12, 0.88 / 3, 0.88 / 3}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.method, c.order.size());
    WeightingSpec spec;
    spec.method = *tradeoff::parse_choice<tradeoff::WeightingMethod>(c.method);
    spec.order = c.order;
    const auto out = detail::compute_weighting(&spec, criteria, {9, 9, 9, 9}, problem);
    check_all(out.weights, c.expected, 1e-12);
    CHECK(out.report.method == c.method);
    CHECK_FALSE(out.report.ahp.has_value());
  }
}

TEST_CASE("swing weights are the points, in the criteria's order", "[weighting]") {
  WeightingSpec spec;
  spec.method = tradeoff::WeightingMethod::Swing;
  spec.weights = {{"c", 30}, {"a", 100}, {"b", 60}};
  const auto out =
      detail::compute_weighting(&spec, {"a", "b", "c"}, {1, 1, 1}, make_problem({}, {1, 1, 1}));
  CHECK(out.weights == std::vector<double>{100, 60, 30});
  CHECK(out.report.method == "swing");
  // Through a file, the shares: 100 / 190, 60 / 190, 30 / 190, 0.
  const auto r = evaluate_text(kHead +
                               "weighting: {method: swing, points: {quality: 100, price: 60, "
                               "speed: 30, support: 0}}\n");
  check_all(criterion_weights(r), {60, 30, 100, 0});
  CHECK(r.criteria[0].weight_origin == "swing");
  check_close(r.criteria[2].normalized_weight, 100.0 / 190);
}

TEST_CASE("direct weighting uses the criteria's weights, or the block's", "[weighting]") {
  const auto problem = make_problem({}, {1, 1});
  const auto none = detail::compute_weighting(nullptr, {"a", "b"}, {3, 1}, problem);
  CHECK(none.weights == std::vector<double>{3, 1});
  CHECK(none.report.method == "direct");
  WeightingSpec spec;
  CHECK(detail::compute_weighting(&spec, {"a", "b"}, {3, 1}, problem).weights ==
        std::vector<double>{3, 1});
  spec.weights = {{"b", 5}, {"a", 2}};
  CHECK(detail::compute_weighting(&spec, {"a", "b"}, {3, 1}, problem).weights ==
        std::vector<double>{2, 5});
}

// --- groups and stakeholders ---------------------------------------------------------------

TEST_CASE("groups: a criterion's weight is its group's share times its share within it",
          "[weighting]") {
  SECTION("groups weighted directly, one weighted inside by AHP") {
    // money 40, product 60 -> 0.4, 0.6. Within money, the criteria's weights 3 : 1 -> 0.75,
    // 0.25; within product, AHP quality = 3 support -> 0.75, 0.25.
    const auto r = evaluate_text(with_weights(kHead) +
                                 R"(weighting:
  method: groups
  groups:
    - {id: money, name: Money, criteria: [price, speed], weight: 40}
    - id: product
      criteria: [quality, support]
      weight: 60
      weighting: {method: ahp, matrix: [[3]]}
)");
    check_all(criterion_weights(r), {0.3, 0.1, 0.45, 0.15});
    const auto& w = r.weighting;
    CHECK(w.method == "groups");
    CHECK(w.group_method == "direct");
    CHECK_FALSE(w.group_ahp.has_value());
    REQUIRE(w.groups.size() == 2);
    CHECK(w.groups[0].id == "money");
    CHECK(w.groups[0].name == "Money");
    check_close(w.groups[0].weight, 0.4);
    CHECK(w.groups[0].method == "direct");
    CHECK(w.groups[0].criteria == std::vector<std::string>{"price", "speed"});
    check_all(w.groups[0].local, {0.75, 0.25});
    CHECK_FALSE(w.groups[0].ahp.has_value());
    CHECK(w.groups[1].name == "product");
    check_close(w.groups[1].weight, 0.6);
    CHECK(w.groups[1].method == "ahp");
    check_all(w.groups[1].local, {0.75, 0.25});
    REQUIRE(w.groups[1].ahp.has_value());
    check_all(w.groups[1].ahp->priorities, {0.75, 0.25});
    for (size_t g = 0; g < 2; ++g) {
      for (size_t k = 0; k < w.groups[g].criteria.size(); ++k) {
        const int j = r.criterion_index(w.groups[g].criteria[k]);
        check_close(r.criteria[static_cast<size_t>(j)].weight,
                    w.groups[g].weight * w.groups[g].local[k]);
      }
    }
  }
  SECTION("groups weighted by AHP, criteria by rank order") {
    // top: product = 2 money -> 1/3, 2/3. money by ROC [speed, price] -> 3/4, 1/4; product
    // rank sum [[quality, support]] tied -> 1/2 each.
    const auto r = evaluate_text(kHead +
                                 R"(weighting:
  method: groups
  groups:
    - id: money
      criteria: [price, speed]
      weighting: {method: roc, order: [speed, price]}
    - id: product
      criteria: [quality, support]
      weighting: {method: rank_sum, order: [[quality, support]]}
  top: {method: ahp, matrix: [["1/2"]]}
)");
    check_all(criterion_weights(r), {1.0 / 12, 0.25, 1.0 / 3, 1.0 / 3});
    CHECK(r.weighting.group_method == "ahp");
    REQUIRE(r.weighting.group_ahp.has_value());
    CHECK(r.weighting.group_ahp->elements == std::vector<std::string>{"money", "product"});
    check_all(r.weighting.group_ahp->priorities, {1.0 / 3, 2.0 / 3});
    check_all(r.weighting.groups[0].local, {0.25, 0.75});
    CHECK(r.weighting.groups[0].method == "roc");
    check_all(r.weighting.groups[1].local, {0.5, 0.5});
  }
}

TEST_CASE("stakeholders: the influence-weighted mean of their normalised weights", "[weighting]") {
  // cfo (3): 6, 2, 1, 1 -> 0.6, 0.2, 0.1, 0.1. cto (1): ROC [quality, speed, support, price]
  // -> price 3/48, speed 13/48, quality 25/48, support 7/48. Influence 0.75, 0.25.
  const auto r = evaluate_text(kHead +
                               R"(weighting:
  method: stakeholders
  stakeholders:
    - {id: cfo, name: Finance, weight: 3, weights: {price: 6, speed: 2, quality: 1, support: 1}}
    - id: cto
      weighting: {method: roc, order: [quality, speed, support, price]}
)");
  const std::vector<double> cfo = {0.6, 0.2, 0.1, 0.1};
  const std::vector<double> cto = {3.0 / 48, 13.0 / 48, 25.0 / 48, 7.0 / 48};
  std::vector<double> mean;
  std::vector<double> spread;
  for (size_t j = 0; j < 4; ++j) {
    mean.push_back(0.75 * cfo[j] + 0.25 * cto[j]);
    spread.push_back(std::fabs(cfo[j] - cto[j]) / 2);  // the standard deviation of two values
  }
  check_all(criterion_weights(r), mean);
  const auto& w = r.weighting;
  CHECK(w.method == "stakeholders");
  CHECK(w.aggregate == "arithmetic");
  REQUIRE(w.stakeholders.size() == 2);
  CHECK(w.stakeholders[0].id == "cfo");
  CHECK(w.stakeholders[0].name == "Finance");
  CHECK(w.stakeholders[0].method == "direct");
  check_close(w.stakeholders[0].influence, 0.75);
  check_all(w.stakeholders[0].weights, cfo);
  CHECK(w.stakeholders[1].name == "cto");
  CHECK(w.stakeholders[1].method == "roc");
  check_close(w.stakeholders[1].influence, 0.25);
  check_all(w.stakeholders[1].weights, cto);
  check_all(w.weight_spread, spread);
  // Each stakeholder's own ranking, its tau with the group's, and the mean between them.
  for (const auto& s : w.stakeholders) {
    CAPTURE(s.id);
    CHECK(s.ranking.size() == 3);
    check_close(s.tau, detail::kendall_tau(s.ranking, r.ranking));
  }
  check_close(w.mean_pairwise_tau,
              detail::kendall_tau(w.stakeholders[0].ranking, w.stakeholders[1].ranking));
}

TEST_CASE("stakeholders: the geometric mean of their AHP judgements, in any row order",
          "[weighting]") {
  // cfo (weight 3) over price, speed, quality; cto (1) in another row order. The aggregate
  // judgement is a_cfo^0.75 a_cto^0.25, cell by cell, matched by element.
  const std::string head =
      R"(framework: pick
title: Pick one
version: 1.0.0
criteria:
  - {id: price, name: Price, direction: cost}
  - {id: speed, name: Speed, direction: benefit}
  - {id: quality, name: Quality, direction: benefit}
options:
  - {id: a, scores: {price: 10, speed: 3, quality: 4}}
  - {id: b, scores: {price: 20, speed: 5, quality: 2}}
  - {id: c, scores: {price: 15, speed: 4, quality: 3}}
)";
  const auto r = evaluate_text(head +
                               R"(weighting:
  method: stakeholders
  aggregate: geometric
  stakeholders:
    - {id: cfo, weight: 3, weighting: {method: ahp, matrix: [[5, 3], ["1/2"]]}}
    - id: cto
      weighting:
        method: ahp
        criteria: [quality, price, speed]
        matrix: [[4, 2], ["1/3"]]
)");
  const ref::Matrix cfo = {{1, 5, 3}, {0.2, 1, 0.5}, {1.0 / 3, 2, 1}};
  // cto in price, speed, quality order: quality = 4 price, quality = 2 speed, price = 1/3 speed.
  const ref::Matrix cto = {{1, 1.0 / 3, 0.25}, {3, 1, 0.5}, {4, 2, 1}};
  ref::Matrix joint(3, std::vector<double>(3));
  for (size_t i = 0; i < 3; ++i) {
    for (size_t k = 0; k < 3; ++k)
      joint[i][k] = std::pow(cfo[i][k], 0.75) * std::pow(cto[i][k], 0.25);
  }
  const auto expected = ref::ahp_eigenvector(joint);
  check_all(criterion_weights(r), expected);
  REQUIRE(r.weighting.ahp.has_value());
  CHECK(r.weighting.aggregate == "geometric");
  check_all(r.weighting.ahp->priorities, expected);
  check_close(r.weighting.ahp->lambda_max, ref::ahp_consistency(joint, expected).lambda_max);
  REQUIRE(r.weighting.stakeholders.size() == 2);
  // Each stakeholder's own priorities, in criteria order.
  check_all(r.weighting.stakeholders[0].weights, ref::ahp_eigenvector(cfo));
  check_all(r.weighting.stakeholders[1].weights, ref::ahp_eigenvector(cto));
  REQUIRE(r.weighting.stakeholders[1].ahp.has_value());
  CHECK(r.weighting.stakeholders[1].ahp->elements ==
        std::vector<std::string>{"quality", "price", "speed"});
  for (size_t j = 0; j < 3; ++j) {
    const double a = r.weighting.stakeholders[0].weights[j];
    const double b = r.weighting.stakeholders[1].weights[j];
    check_close(r.weighting.weight_spread[j], std::fabs(a - b) / 2);
  }
}

// --- Kendall's tau -------------------------------------------------------------------------

TEST_CASE("kendall_tau: identical, reversed, ties, and fewer than two options", "[weighting]") {
  const auto abcd = ranking({{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}});
  CHECK(detail::kendall_tau(abcd, abcd) == 1.0);
  CHECK(detail::kendall_tau(abcd, ranking({{"d", 1}, {"c", 2}, {"b", 3}, {"a", 4}})) == -1.0);
  // The same ranking listed in another order.
  CHECK(detail::kendall_tau(abcd, ranking({{"c", 3}, {"a", 1}, {"d", 4}, {"b", 2}})) == 1.0);
  // One swap of neighbours: 5 concordant, 1 discordant of 6 pairs: 4/6.
  check_close(detail::kendall_tau(abcd, ranking({{"b", 1}, {"a", 2}, {"c", 3}, {"d", 4}})),
              4.0 / 6);
  // a and b tied in the second: tau-b = 5 / sqrt(6 * 5).
  const auto tied = ranking({{"a", 1}, {"b", 1}, {"c", 3}, {"d", 4}});
  check_close(detail::kendall_tau(abcd, tied), 5 / std::sqrt(30.0));
  check_close(detail::kendall_tau(tied, abcd), 5 / std::sqrt(30.0));
  // Tied the same way in both: tau-b 1.
  CHECK(detail::kendall_tau(tied, tied) == 1.0);
  // Fewer than two options in common: 1.
  CHECK(detail::kendall_tau({}, {}) == 1.0);
  CHECK(detail::kendall_tau(ranking({{"a", 1}}), ranking({{"a", 1}})) == 1.0);
  CHECK(detail::kendall_tau(ranking({{"a", 1}, {"b", 2}}), ranking({{"a", 1}, {"c", 2}})) == 1.0);
  // Only the options both rankings hold count: a, b, c here.
  CHECK(detail::kendall_tau(abcd, ranking({{"c", 1}, {"b", 2}, {"a", 3}})) == -1.0);
}

// Regression: Kendall's tau-b is 0/0 when one ranking ties every option; kendall_tau returned 1
// ("perfect agreement"), even against a reversed ranking. Now such a ranking has tau 0 with any
// ranking that orders the options, and 1 with another all-tied ranking.
TEST_CASE("kendall_tau: an all-tied ranking has tau 0 with an ordering, 1 with itself",
          "[regression][weighting]") {
  const std::vector<RankEntry> strict = {{"a", 1, 0}, {"b", 2, 0}, {"c", 3, 0}};
  const std::vector<RankEntry> reversed = {{"a", 3, 0}, {"b", 2, 0}, {"c", 1, 0}};
  const std::vector<RankEntry> all_tied = {{"a", 1, 0}, {"b", 1, 0}, {"c", 1, 0}};
  CHECK(detail::kendall_tau(strict, all_tied) == 0.0);
  CHECK(detail::kendall_tau(all_tied, reversed) == 0.0);
  CHECK(detail::kendall_tau(all_tied, all_tied) == 1.0);
  CHECK(detail::kendall_tau(strict, reversed) == -1.0);
}

TEST_CASE("kendall_tau agrees with the tau-b reference on random rankings with ties",
          "[weighting][oracle]") {
  std::mt19937 rng(99);
  for (size_t n : {size_t{2}, size_t{3}, size_t{5}, size_t{8}, size_t{30}}) {
    for (int trial = 0; trial < 40; ++trial) {
      std::uniform_int_distribution<int> rank(1, static_cast<int>(n));
      std::vector<int> a(n);
      std::vector<int> b(n);
      for (size_t i = 0; i < n; ++i) {
        a[i] = rank(rng);
        b[i] = rank(rng);
      }
      std::vector<RankEntry> ra;
      std::vector<RankEntry> rb;
      for (size_t i = 0; i < n; ++i) {
        ra.push_back({"o" + std::to_string(i), a[i], 0});
        rb.push_back({"o" + std::to_string(n - 1 - i), b[n - 1 - i], 0});  // another order
      }
      const double expected = ref::kendall_tau_b(a, b);
      if (!std::isfinite(expected)) continue;  // one ranking all tied: see the known issues
      CAPTURE(n, trial);
      check_close(detail::kendall_tau(ra, rb), expected, 1e-12);
    }
  }
}

// --- loading errors ------------------------------------------------------------------------

TEST_CASE("weighting blocks: loading errors with exact messages and positions",
          "[weighting][errors]") {
  struct Case {
    const char* name;
    std::string block;  // appended to kHead, starting at line 13
    std::string expected;
    std::string hint;
  };
  const std::vector<Case> cases = {
      {"unknown method, with a hint", "weighting:\n  method: ahq\n",
       "14:11: unknown weighting method 'ahq'; expected one of 'direct', 'ahp', 'roc', "
       "'rank_sum', 'rank_reciprocal', 'swing', 'entropy', 'critic', 'groups', 'stakeholders'",
       "did you mean 'ahp'?"},
      {"a matrix of the wrong shape",
       "weighting:\n  method: ahp\n  matrix: [[1, 3], [\"1/3\", 1]]\n",
       "15:11: the matrix of the weighting compares 4 elements, so it must be 4 rows of 4 "
       "judgements (the full matrix), or the upper triangle: rows of 3 down to 1 without the "
       "diagonal, or of 4 down to 1 with it; got 2 rows of 2, 2",
       ""},
      {"a cell that is not the reciprocal of its mirror",
       R"(weighting:
  method: ahp
  matrix:
    - [1, 3, 5, 7]
    - ["1/3", 1, 3, 5]
    - ["1/5", 3, 1, 3]
    - ["1/7", "1/5", "1/3", 1]
)",
       "18:15: judgement of 'quality' over 'speed' (3) is not the reciprocal of 'speed' over "
       "'quality' (3)",
       "write 1/x below the diagonal, or give only the upper triangle"},
      {"a judgement that is not positive",
       "weighting:\n  method: ahp\n  matrix: [[3, 0, 7], [3, 5], [3]]\n",
       "15:16: expected a positive judgement such as 3 or \"1/3\", got '0'", ""},
      {"an unknown random-index table",
       "weighting:\n  method: ahp\n  ri_table: saaty_1908\n  matrix: [[3, 5, 7], [3, 5], [3]]\n",
       "15:13: unknown random-index table 'saaty_1908'; expected one of 'saaty_1980', "
       "'saaty_1980_jmcdm_variant', 'saaty_2005', 'donegan_dodd_1991', 'alonso_lamata_2006', "
       "'aguaron_morenojimenez_2003', 'tummala_ling_1998'",
       "did you mean 'saaty_1980'?"},
      {"an element missing from an order",
       "weighting: {method: roc, order: [quality, [price, speed]]}\n",
       "13:33: the order of the weighting must weigh every element; 'support' is missing", ""},
      {"an unknown element in an order",
       "weighting: {method: rank_sum, order: [quality, price, sped, support]}\n",
       "13:55: 'sped' is not one of the elements the order of the weighting weighs "
       "('price', 'speed', 'quality', 'support')",
       "did you mean 'speed'?"},
      {"groups that leave out a criterion",
       R"(weighting:
  method: groups
  groups:
    - {id: money, criteria: [price, speed], weight: 1}
    - {id: product, criteria: [quality], weight: 1}
)",
       "15:3: the groups of the weighting must weigh every element; 'support' is missing", ""},
      {"a criterion in two groups",
       R"(weighting:
  method: groups
  groups:
    - {id: money, criteria: [price, speed], weight: 1}
    - {id: product, criteria: [quality, support, price], weight: 1}
)",
       "17:50: 'price' appears twice in the groups of the weighting (in group 'money' and in "
       "group 'product')",
       ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto diagnostics = load_errors(with_weights(kHead) + c.block);
    REQUIRE_FALSE(diagnostics.empty());
    const auto& d = diagnostics.front();
    CHECK(brief(d) == c.expected);
    CHECK(d.hint == c.hint);
    CHECK(d.where.file == "f.yaml");
  }
}
