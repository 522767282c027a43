// AHP (weights/weighting.hpp): priorities by every method and consistency (lambda max, CI, CR)
// under every random-index table, against the published tables and the loop-only references
// (tests/reference/naive_weighting.hpp); an inconsistent matrix's worst judgements and their cells.
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "naive_weighting.hpp"
#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"
#include "weighting_cases.hpp"
#include "weights/weighting.hpp"

using Catch::Matchers::WithinAbs;
using tradeoff::AhpReport;
using tradeoff::PairwiseJudgements;
using tradeoff::test::check_all;
using tradeoff::test::check_close;
using tradeoff::test::evaluate_text;
using tradeoff::test::weighting_cases::kHead;
namespace detail = tradeoff::detail;
namespace ref = tradeoff::reference;

namespace {

std::vector<std::string> element_names(size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) out.push_back(std::string(1, static_cast<char>('a' + i)));
  return out;
}

PairwiseJudgements judgements(const ref::Matrix& a, const std::string& priority = "eigenvector",
                              const std::string& table = "saaty_1980") {
  PairwiseJudgements j;
  j.elements = element_names(a.size());
  for (const auto& row : a) j.matrix.insert(j.matrix.end(), row.begin(), row.end());
  j.priority = *tradeoff::parse_choice<tradeoff::PriorityMethod>(priority);
  j.ri_table = *tradeoff::parse_choice<tradeoff::RiTable>(table);
  return j;
}

tradeoff::RiTable table(const std::string& name) {
  const auto t = tradeoff::parse_choice<tradeoff::RiTable>(name);
  REQUIRE(t);
  return *t;
}

const std::vector<std::string> kTables = {
    "saaty_1980",         "saaty_1980_jmcdm_variant",   "saaty_2005",       "donegan_dodd_1991",
    "alonso_lamata_2006", "aguaron_morenojimenez_2003", "tummala_ling_1998"};

/// The published tables (ahp_consistency_ri_tables.json): RI for n = 3, 4, 5, ... in turn.
const std::vector<std::pair<std::string, std::vector<double>>> kPublishedFrom3 = {
    {"saaty_1980", {0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59}},
    {"saaty_1980_jmcdm_variant",
     {0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.53, 1.56, 1.57, 1.59}},
    {"saaty_2005", {0.52, 0.89, 1.11, 1.25, 1.35, 1.4, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59}},
    {"donegan_dodd_1991",
     {0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643,
      1.4822, 1.4969, 1.5078, 1.5153, 1.5262, 1.5313, 1.5371}},
    {"alonso_lamata_2006",
     {0.5247, 0.8816, 1.1086, 1.2479, 1.3417, 1.4057, 1.4499, 1.4854, 1.514, 1.5365, 1.5551, 1.5713,
      1.5838}},
    {"aguaron_morenojimenez_2003",
     {0.525, 0.882, 1.115, 1.252, 1.341, 1.404, 1.452, 1.484, 1.513, 1.535, 1.555, 1.57, 1.583,
      1.595}},
    {"tummala_ling_1998",
     {0.5799, 0.8921, 1.1159, 1.2358, 1.3322, 1.3952, 1.4537, 1.4882, 1.5117, 1.5356, 1.5571,
      1.5714, 1.5831}},
};

/// Donegan-Dodd's sizes beyond 20, where its table skips: n -> RI.
const std::map<size_t, double> kDoneganDoddBeyond20 = {{25, 1.5619}, {30, 1.5772}, {40, 1.5976},
                                                       {50, 1.6102}, {60, 1.6178}, {70, 1.6237},
                                                       {80, 1.6277}, {90, 1.6213}, {100, 1.6339}};

/// The published tables, n -> RI.
const std::map<std::string, std::map<size_t, double>>& published() {
  static const auto tables = [] {
    std::map<std::string, std::map<size_t, double>> out;
    for (const auto& [name, ri] : kPublishedFrom3) {
      for (size_t k = 0; k < ri.size(); ++k) out[name][k + 3] = ri[k];
    }
    out["donegan_dodd_1991"].insert(kDoneganDoddBeyond20.begin(), kDoneganDoddBeyond20.end());
    return out;
  }();
  return tables;
}

/// RI(n) from the published tables, written independently of the engine: 0 below 3,
/// Donegan-Dodd interpolated linearly between listed sizes, Alonso-Lamata's formula beyond its
/// table, nothing beyond a table's end.
std::optional<double> expected_ri(const std::string& table, size_t n) {
  if (n < 3) return 0.0;
  const auto& t = published().at(table);
  if (auto it = t.find(n); it != t.end()) return it->second;
  if (table == "alonso_lamata_2006" && n > 15) {
    const double x = static_cast<double>(n);
    return (1.7699 * x - 4.3513) / (x - 1);
  }
  if (table == "donegan_dodd_1991" && n < 100) {
    auto upper = t.upper_bound(n);
    auto lower = std::prev(upper);
    const double f =
        static_cast<double>(n - lower->first) / static_cast<double>(upper->first - lower->first);
    return lower->second + f * (upper->second - lower->second);
  }
  return std::nullopt;
}

/// A random reciprocal matrix on Saaty's scale.
ref::Matrix random_judgements(std::mt19937& rng, size_t n) {
  static const std::vector<double> scale = {1.0 / 9, 1.0 / 7, 1.0 / 5, 1.0 / 3, 1.0 / 2, 1,
                                            2,       3,       5,       7,       9};
  std::uniform_int_distribution<size_t> pick(0, scale.size() - 1);
  ref::Matrix a(n, std::vector<double>(n, 1.0));
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = i + 1; k < n; ++k) {
      a[i][k] = scale[pick(rng)];
      a[k][i] = 1 / a[i][k];
    }
  }
  return a;
}

std::vector<double> reference_priorities(const ref::Matrix& a, const std::string& priority) {
  if (priority == "geometric_mean") return ref::ahp_geometric_mean(a);
  if (priority == "normalized_column_mean") return ref::ahp_column_mean(a);
  return ref::ahp_eigenvector(a);
}

const std::vector<std::string> kPriorities = {"eigenvector", "geometric_mean",
                                              "normalized_column_mean"};

}  // namespace

// --- AHP -----------------------------------------------------------------------------------

TEST_CASE("AHP on a consistent matrix gives exact priorities, lambda max n and CR 0",
          "[weighting]") {
  // a = 2 b = 4 c: priorities 4/7, 2/7, 1/7 by every method.
  const ref::Matrix a = {{1, 2, 4}, {0.5, 1, 2}, {0.25, 0.5, 1}};
  for (const auto& priority : kPriorities) {
    CAPTURE(priority);
    const AhpReport r = detail::ahp(judgements(a, priority));
    CHECK(r.priority_method == priority);
    CHECK(r.elements == element_names(3));
    check_all(r.priorities, {4.0 / 7, 2.0 / 7, 1.0 / 7});
    check_all(r.consistency_vector, {3, 3, 3});
    check_close(r.lambda_max, 3);
    CHECK_THAT(r.consistency_index, WithinAbs(0, 1e-12));
    CHECK_THAT(r.consistency_ratio, WithinAbs(0, 1e-12));
    CHECK(r.random_index == 0.58);
    CHECK(r.ri_table == "saaty_1980");
    CHECK(r.consistent);
    CHECK(r.inconsistent.empty());
    REQUIRE(r.ratio_by_table.size() == kTables.size());
    for (size_t t = 0; t < kTables.size(); ++t) {
      CHECK(r.ratio_by_table[t].first == kTables[t]);
      CHECK_THAT(r.ratio_by_table[t].second, WithinAbs(0, 1e-12));
    }
  }
}

TEST_CASE("AHP on one or two elements is always consistent", "[weighting]") {
  for (const auto& priority : kPriorities) {
    CAPTURE(priority);
    const AhpReport one = detail::ahp(judgements({{1}}, priority));
    check_all(one.priorities, {1});
    CHECK(one.consistency_index == 0);
    CHECK(one.consistency_ratio == 0);
    CHECK(one.consistent);
    // a = 3 b: 3/4, 1/4 whatever the method.
    const AhpReport two = detail::ahp(judgements({{1, 3}, {1.0 / 3, 1}}, priority));
    check_all(two.priorities, {0.75, 0.25});
    check_close(two.lambda_max, 2);
    CHECK(two.consistency_index == 0);
    CHECK(two.consistency_ratio == 0);
    CHECK(two.random_index == 0);
    CHECK(two.consistent);
    REQUIRE(two.ratio_by_table.size() == kTables.size());
  }
}

TEST_CASE("every AHP priority method agrees with the reference on random judgements",
          "[weighting][oracle]") {
  int compared = 0;
  for (unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
    std::mt19937 rng(seed);
    for (size_t n = 1; n <= 12; ++n) {
      const ref::Matrix a = random_judgements(rng, n);
      for (const auto& priority : kPriorities) {
        for (const auto& table : kTables) {
          CAPTURE(seed, n, priority, table);
          const AhpReport r = detail::ahp(judgements(a, priority, table));
          const auto w = reference_priorities(a, priority);
          const auto c = ref::ahp_consistency(a, w);
          check_all(r.priorities, w, 1e-9);
          check_all(r.consistency_vector, c.vector, 1e-8);
          check_close(r.lambda_max, c.lambda_max, 1e-10);
          CHECK_THAT(r.consistency_index, WithinAbs(c.ci, 1e-9));
          const auto ri = expected_ri(table, n);
          REQUIRE(ri.has_value());
          check_close(r.random_index, *ri, 1e-12);
          const double cr = ref::consistency_ratio(c.ci, *ri);
          CHECK_THAT(r.consistency_ratio, WithinAbs(cr, 1e-9));
          CHECK(r.consistent == (cr <= 0.1));
          // CR under every table, in the tables' order.
          REQUIRE(r.ratio_by_table.size() == kTables.size());
          for (size_t t = 0; t < kTables.size(); ++t) {
            CHECK(r.ratio_by_table[t].first == kTables[t]);
            const double other = *expected_ri(kTables[t], n);
            CHECK_THAT(r.ratio_by_table[t].second,
                       WithinAbs(ref::consistency_ratio(c.ci, other), 1e-9));
          }
          ++compared;
        }
      }
    }
  }
  CHECK(compared == 5 * 12 * 3 * 7);
}

TEST_CASE("the published consistency case: lambda max, CI and CR by table", "[weighting]") {
  // ahp_consistency_ri_tables.json (JMcDM's AHP consistency test set), 8 x 8.
  const ref::Matrix a = {
      {1, 7, 1.0 / 5, 1.0 / 8, 1.0 / 2, 1.0 / 3, 1.0 / 5, 1},
      {1.0 / 7, 1, 1.0 / 8, 1.0 / 9, 1.0 / 4, 1.0 / 5, 1.0 / 9, 1.0 / 8},
      {5, 8, 1, 1.0 / 3, 4, 2, 1, 1},
      {8, 9, 3, 1, 7, 5, 3, 3},
      {2, 4, 1.0 / 4, 1.0 / 7, 1, 1.0 / 2, 1.0 / 5, 1.0 / 5},
      {3, 5, 1.0 / 2, 1.0 / 5, 2, 1, 1.0 / 3, 1.0 / 3},
      {5, 9, 1, 1.0 / 3, 5, 3, 1, 1},
      {1, 8, 1, 1.0 / 3, 5, 3, 1, 1},
  };
  // The published figures use the normalised column mean (tolerance 1e-5 in the case file).
  const AhpReport approx = detail::ahp(judgements(a, "normalized_column_mean"));
  CHECK_THAT(approx.lambda_max, WithinAbs(8.72642777111301, 1e-9));
  CHECK_THAT(approx.consistency_index, WithinAbs(0.10377539587328702, 1e-9));
  CHECK_THAT(approx.consistency_ratio, WithinAbs(0.07359957154133831, 1e-9));
  check_all(approx.consistency_vector,
            {8.40982182534543, 8.227923797501001, 8.95201017080425, 8.848075127995905,
             8.860427038870013, 8.941497805932498, 8.946071053879708, 8.62559534857526},
            1e-9);
  CHECK(approx.consistent);
  // The exact eigenvector (derived in the case file, rounded there).
  const AhpReport exact = detail::ahp(judgements(a));
  CHECK_THAT(exact.lambda_max, WithinAbs(8.698198, 1e-6));
  CHECK_THAT(exact.consistency_index, WithinAbs(0.099743, 1e-6));
  CHECK_THAT(exact.consistency_ratio, WithinAbs(0.070739, 1e-6));
  check_all(exact.priorities, {0.0537, 0.0167, 0.1515, 0.3467, 0.0469, 0.0762, 0.1675, 0.1409},
            2e-3);
  // CR by table: CI / RI(8) of each.
  const std::vector<double> ri8 = {1.41, 1.41, 1.4, 1.3171, 1.4057, 1.404, 1.3952};
  REQUIRE(exact.ratio_by_table.size() == ri8.size());
  for (size_t t = 0; t < ri8.size(); ++t) {
    CAPTURE(kTables[t]);
    CHECK(exact.ratio_by_table[t].first == kTables[t]);
    check_close(exact.ratio_by_table[t].second, exact.consistency_index / ri8[t]);
  }
  // The chosen table decides RI and CR.
  for (size_t t = 0; t < kTables.size(); ++t) {
    CAPTURE(kTables[t]);
    const AhpReport r = detail::ahp(judgements(a, "eigenvector", kTables[t]));
    CHECK(r.ri_table == kTables[t]);
    CHECK(r.random_index == ri8[t]);
    check_close(r.consistency_ratio, r.consistency_index / ri8[t]);
  }
}

TEST_CASE("random_index under every table, interpolated and extended", "[weighting]") {
  struct Case {
    size_t n;
    std::vector<std::optional<double>> ri;  // in kTables order
  };
  const std::optional<double> none;
  const auto al = [](double n) { return (1.7699 * n - 4.3513) / (n - 1); };
  const std::vector<Case> cases = {
      {1, {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}},
      {2, {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}},
      {3, {0.58, 0.58, 0.52, 0.4914, 0.5247, 0.525, 0.5799}},
      {7, {1.32, 1.32, 1.35, 1.2519, 1.3417, 1.341, 1.3322}},
      {12, {1.48, 1.53, 1.54, 1.4497, 1.5365, 1.535, 1.5356}},
      {15, {1.59, 1.59, 1.59, 1.4969, 1.5838, 1.583, 1.5831}},
      // Beyond Saaty's tables: Donegan-Dodd lists 16, Alonso-Lamata's formula, Aguaron-Moreno-
      // Jimenez stops at 16.
      {16, {none, none, none, 1.5078, al(16), 1.595, none}},
      {20, {none, none, none, 1.5371, al(20), none, none}},
      // Donegan-Dodd between 20 (1.5371) and 25 (1.5619), and between 50 and 60.
      {22, {none, none, none, 1.5371 + 0.4 * (1.5619 - 1.5371), al(22), none, none}},
      {55, {none, none, none, 1.6140, al(55), none, none}},
      {100, {none, none, none, 1.6339, al(100), none, none}},
      {101, {none, none, none, none, al(101), none, none}},
  };
  for (const auto& c : cases) {
    for (size_t t = 0; t < kTables.size(); ++t) {
      CAPTURE(c.n, kTables[t]);
      const auto got = detail::random_index(table(kTables[t]), c.n);
      REQUIRE(got.has_value() == c.ri[t].has_value());
      if (got) CHECK_THAT(*got, WithinAbs(*c.ri[t], 1e-12));
      // The independent transcription agrees.
      const auto expected = expected_ri(kTables[t], c.n);
      REQUIRE(expected.has_value() == got.has_value());
      if (got) CHECK_THAT(*got, WithinAbs(*expected, 1e-12));
    }
  }
  CHECK(tradeoff::choice_names<tradeoff::RiTable>() == kTables);
  CHECK(detail::random_index_limit(table("saaty_1980")) == 15);
  CHECK(detail::random_index_limit(table("saaty_2005")) == 15);
  CHECK(detail::random_index_limit(table("donegan_dodd_1991")) == 100);
  CHECK(detail::random_index_limit(table("alonso_lamata_2006")) == SIZE_MAX);
  CHECK(detail::random_index_limit(table("aguaron_morenojimenez_2003")) == 16);
  CHECK(detail::random_index_limit(table("tummala_ling_1998")) == 15);
  CHECK_FALSE(tradeoff::parse_choice<tradeoff::RiTable>("no_such_table").has_value());
}

TEST_CASE("CR by table leaves out the tables that stop before n", "[weighting]") {
  std::mt19937 rng(17);
  struct Case {
    size_t n;
    std::vector<std::string> tables;
  };
  const std::vector<Case> cases = {
      {15, kTables},
      {16, {"donegan_dodd_1991", "alonso_lamata_2006", "aguaron_morenojimenez_2003"}},
      {17, {"donegan_dodd_1991", "alonso_lamata_2006"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.n);
    const ref::Matrix a = random_judgements(rng, c.n);
    const AhpReport r = detail::ahp(judgements(a, "geometric_mean", "alonso_lamata_2006"));
    std::vector<std::string> names;
    for (const auto& [name, cr] : r.ratio_by_table) {
      names.push_back(name);
      check_close(cr, r.consistency_index / *expected_ri(name, c.n));
    }
    CHECK(names == c.tables);
    check_close(r.random_index, *expected_ri("alonso_lamata_2006", c.n));
  }
}

TEST_CASE("an inconsistent matrix lists its three worst judgements", "[weighting]") {
  struct Listed {
    std::string row;
    std::string column;
    double given;
    std::string given_text;
    std::string suggested;
  };
  struct Case {
    const char* name;
    ref::Matrix a;
    std::vector<Listed> expected;  // worst first
  };
  // Deviations |ln(a_ij w_j / w_i)| well apart, so that the order is not a matter of rounding.
  const std::vector<Case> cases = {
      {"suggestions 9 (clamped), 3 and 1/3",
       {{1, 3, 1.0 / 7, 9}, {1.0 / 3, 1, 1.0 / 9, 9}, {7, 9, 1, 5}, {1.0 / 9, 1.0 / 9, 1.0 / 5, 1}},
       {{"c", "d", 5, "5", "9"}, {"b", "d", 9, "9", "3"}, {"a", "c", 1.0 / 7, "1/7", "1/3"}}},
      {"suggestions 1/2, 3 and 5",
       {{1, 1, 3, 3}, {1, 1, 5, 5}, {1.0 / 3, 1.0 / 5, 1, 1.0 / 5}, {1.0 / 3, 1.0 / 5, 5, 1}},
       {{"c", "d", 1.0 / 5, "1/5", "1/2"}, {"b", "d", 5, "5", "3"}, {"a", "c", 3, "3", "5"}}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const AhpReport r = detail::ahp(judgements(c.a));
    CHECK(r.consistency_ratio > 0.1);
    CHECK_FALSE(r.consistent);
    const auto w = ref::ahp_eigenvector(c.a);
    REQUIRE(r.inconsistent.size() == c.expected.size());
    for (size_t k = 0; k < c.expected.size(); ++k) {
      CAPTURE(k);
      const auto& got = r.inconsistent[k];
      CHECK(got.row == c.expected[k].row);
      CHECK(got.column == c.expected[k].column);
      CHECK(got.given == c.expected[k].given);
      CHECK(got.given_text == c.expected[k].given_text);
      const auto i = static_cast<size_t>(got.row[0] - 'a');
      const auto j = static_cast<size_t>(got.column[0] - 'a');
      check_close(got.consistent, w[i] / w[j], 1e-9);
      CHECK(got.suggested == c.expected[k].suggested);
    }
  }
}

TEST_CASE("a cyclic matrix: equal priorities, every judgement suggested as 1", "[weighting]") {
  // a > b by 9, b > c by 9, c > a by 9: priorities 1/3 each; (A w)_i / w_i = 1 + 9 + 1/9.
  const ref::Matrix a = {{1, 9, 1.0 / 9}, {1.0 / 9, 1, 9}, {9, 1.0 / 9, 1}};
  for (const auto& priority : kPriorities) {
    CAPTURE(priority);
    const AhpReport r = detail::ahp(judgements(a, priority));
    check_all(r.priorities, {1.0 / 3, 1.0 / 3, 1.0 / 3});
    check_close(r.lambda_max, 1 + 9 + 1.0 / 9);
    check_close(r.consistency_index, (1 + 9 + 1.0 / 9 - 3) / 2);
    check_close(r.consistency_ratio, (1 + 9 + 1.0 / 9 - 3) / 2 / 0.58);
    CHECK_FALSE(r.consistent);
    // All three judgements deviate by ln 9: their order is not asserted.
    REQUIRE(r.inconsistent.size() == 3);
    std::map<std::string, double> given;
    for (const auto& jd : r.inconsistent) {
      given[jd.row + jd.column] = jd.given;
      check_close(jd.consistent, 1.0);
      CHECK(jd.suggested == "1");
    }
    CHECK(given == std::map<std::string, double>{{"ab", 9}, {"ac", 1.0 / 9}, {"bc", 9}});
  }
}

TEST_CASE("an inconsistent judgement points at its cell in the file", "[weighting]") {
  const std::string yaml = kHead +
                           R"(weighting:
  method: ahp
  matrix: [[3, "1/7", 9], ["1/9", 9], [5]]
)";
  //                   columns: 3 at 13, "1/7" at 16, 9 at 23, "1/9" at 28, 9 at 35, 5 at 40
  const auto r = evaluate_text(yaml);
  REQUIRE(r.weighting.ahp.has_value());
  const auto& list = r.weighting.ahp->inconsistent;
  REQUIRE(list.size() == 3);
  // Rows price, speed, quality, support are a, b, c, d of the first case above.
  CHECK(list[0].row == "quality");
  CHECK(list[0].column == "support");
  CHECK(list[0].where.line == 15);
  CHECK(list[0].where.column == 40);
  CHECK(list[1].row == "speed");
  CHECK(list[1].column == "support");
  CHECK(list[1].where.line == 15);
  CHECK(list[1].where.column == 35);
  CHECK(list[2].row == "price");
  CHECK(list[2].column == "quality");
  CHECK(list[2].where.column == 16);
  CHECK(list[2].suggested == "1/3");
}
