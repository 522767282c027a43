// Aggregation methods (methods/method.hpp) and ranking (rank.hpp), on small matrices computed
// by hand.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "frameworks.hpp"
#include "methods/method.hpp"
#include "normalize/normalize.hpp"
#include "rank/rank.hpp"
#include "test_support.hpp"

using Catch::Matchers::WithinAbs;
using tradeoff::ErrorCode;
using tradeoff::Normalization;
using tradeoff::RankEntry;
using tradeoff::detail::normalize;
using tradeoff::detail::rank_options;
using tradeoff::detail::run_wpm;
using tradeoff::detail::run_wsm;
using tradeoff::detail::same_score;
using tradeoff::detail::wsm_scores;
using tradeoff::test::check_values;
using tradeoff::test::expect_error;
using tradeoff::test::make_problem;

namespace {

constexpr double kEps = 1e-12;

// Benefit c1 = [2, 4, 8], cost c2 = [1, 2, 4], weights 3 : 1 -> 0.75, 0.25.
// Under max normalisation: c1 -> [0.25, 0.5, 1], c2 -> [1, 0.5, 0.25].
tradeoff::detail::DecisionProblem mixed() {
  return make_problem({{2, 1}, {4, 2}, {8, 4}}, {3, 1}, {1});
}

std::vector<std::pair<std::string, int>> ranks(const std::vector<RankEntry>& entries) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& e : entries) out.emplace_back(e.option, e.rank);
  return out;
}

}  // namespace

// --- WSM -----------------------------------------------------------------------------------

TEST_CASE("WSM adds weighted normalised scores", "[methods]") {
  const auto p = mixed();
  const auto out = run_wsm(p, normalize(p, Normalization::Max), {});
  CHECK(out.higher_is_better);
  // a1: 0.75*0.25 + 0.25*1    = 0.1875 + 0.25   = 0.4375
  // a2: 0.75*0.5  + 0.25*0.5  = 0.375  + 0.125  = 0.5
  // a3: 0.75*1    + 0.25*0.25 = 0.75   + 0.0625 = 0.8125
  check_values(out.scores, {0.4375, 0.5, 0.8125});
  check_values(out.contributions, {0.1875, 0.25, 0.375, 0.125, 0.75, 0.0625});
}

TEST_CASE("WSM contributions add up to the score", "[methods]") {
  const auto p = make_problem({{3, 7, 1}, {9, 2, 5}, {4, 4, 4}, {1, 8, 6}}, {2, 5, 3}, {0, 2});
  for (auto n : {Normalization::Declared, Normalization::MinMax, Normalization::Max,
                 Normalization::Sum, Normalization::Vector, Normalization::None}) {
    CAPTURE(tradeoff::to_string(n));
    const auto out = run_wsm(p, normalize(p, n), {});
    for (size_t i = 0; i < p.rows(); ++i) {
      const double sum =
          std::accumulate(out.contributions.begin() + static_cast<long>(i * 3),
                          out.contributions.begin() + static_cast<long>(i * 3 + 3), 0.0);
      CHECK_THAT(sum, WithinAbs(out.scores[i], kEps));
    }
  }
}

TEST_CASE("WSM under no normalisation subtracts cost criteria", "[methods]") {
  const auto p = make_problem({{2, 4}, {6, 1}}, {1, 1}, {1});
  const auto out = run_wsm(p, normalize(p, Normalization::None), {});
  // a1: 0.5*2 - 0.5*4 = -1; a2: 0.5*6 - 0.5*1 = 2.5
  check_values(out.scores, {-1.0, 2.5});
  check_values(out.contributions, {1.0, -2.0, 3.0, -0.5});
}

TEST_CASE("wsm_scores is the hot loop of run_wsm", "[methods]") {
  const auto p = mixed();
  const auto r = normalize(p, Normalization::Sum);
  // sum: c1 -> [1, 2, 4]/7, c2 -> [4, 2, 1]/7
  // a1: 0.75/7 + 1/7 = 1.75/7 = 0.25; a2: 1.5/7 + 0.5/7 = 2/7; a3: 3/7 + 0.25/7 = 3.25/7
  check_values(wsm_scores(p, r), {0.25, 2.0 / 7.0, 3.25 / 7.0});
}

// --- WPM -----------------------------------------------------------------------------------

TEST_CASE("WPM multiplies normalised scores raised to their weights", "[methods]") {
  const auto p = mixed();
  const auto out = run_wpm(p, normalize(p, Normalization::Max), {});
  CHECK(out.higher_is_better);
  // a1: 0.25^0.75 * 1^0.25    = 2^-1.5 = 0.353553390593274
  // a2: 0.5^0.75  * 0.5^0.25  = 0.5
  // a3: 1^0.75    * 0.25^0.25 = 2^-0.5 = 0.707106781186548
  check_values(out.scores, {0.353553390593274, 0.5, 0.707106781186548});
  // Contributions are w * ln(r): a1 = [0.75 ln 0.25, 0], a2 = [0.75 ln 0.5, 0.25 ln 0.5],
  // a3 = [0, 0.25 ln 0.25].
  check_values(out.contributions, {-1.039720770839918, 0.0, -0.519860385419959, -0.173286795139986,
                                   0.0, -0.346573590279973});
}

TEST_CASE("WPM contributions add up to ln(score)", "[methods]") {
  const auto p = make_problem({{3, 7, 1}, {9, 2, 5}, {4, 4, 4}, {1, 8, 6}}, {2, 5, 3}, {0, 2});
  for (auto n :
       {Normalization::Max, Normalization::Sum, Normalization::Vector, Normalization::None}) {
    CAPTURE(tradeoff::to_string(n));
    const auto out = run_wpm(p, normalize(p, n), {});
    for (size_t i = 0; i < p.rows(); ++i) {
      const double sum =
          std::accumulate(out.contributions.begin() + static_cast<long>(i * 3),
                          out.contributions.begin() + static_cast<long>(i * 3 + 3), 0.0);
      CHECK_THAT(sum, WithinAbs(std::log(out.scores[i]), kEps));
    }
  }
}

TEST_CASE("WPM under no normalisation divides by cost criteria", "[methods]") {
  const auto p = make_problem({{2, 4}, {9, 1}}, {1, 1}, {1});
  const auto out = run_wpm(p, normalize(p, Normalization::None), {});
  // a1: 2^0.5 * 4^-0.5 = sqrt(2)/2 = 0.707106781186548; a2: 9^0.5 * 1^-0.5 = 3
  check_values(out.scores, {0.707106781186548, 3.0});
  // a1: [0.5 ln 2, -0.5 ln 4]
  CHECK_THAT(out.contributions[0], WithinAbs(0.346573590279973, kEps));
  CHECK_THAT(out.contributions[1], WithinAbs(-0.693147180559945, kEps));
}

TEST_CASE("WPM refuses a zero raw value, naming the option and criterion", "[methods][errors]") {
  const auto p = make_problem({{3, 1}, {2, 0}}, {1, 1});
  const auto r = normalize(p, Normalization::None);
  const auto d = expect_error([&] { run_wpm(p, r, {}); });
  CHECK(d.message ==
        "the weighted product needs positive values, but option 'a2' scores 0 on criterion 'c2'");
  CHECK(d.code == ErrorCode::MethodDomain);
  CHECK(d.hint == "use a method that accepts zero, e.g. --method wsm");
}

TEST_CASE("WPM refuses a normalised zero of a positive raw value", "[methods][errors]") {
  // minmax maps the worst value 2 to 0.
  const auto p = make_problem({{2, 1}, {4, 3}}, {1, 1});
  const auto r = normalize(p, Normalization::MinMax);
  const auto d = expect_error([&] { run_wpm(p, r, {}); });
  CHECK(d.message ==
        "the weighted product needs positive values, but the normalised score of "
        "option 'a1' on criterion 'c1' is 0 (min-max)");
  CHECK(d.code == ErrorCode::MethodDomain);
  CHECK(d.hint ==
        "min-max gives the worst option 0; use a ratio normalisation: --normalization max");
}

TEST_CASE("WPM ignores a zero on a criterion without weight", "[methods]") {
  const auto p = make_problem({{2, 0}, {4, 3}}, {1, 0});
  const auto out = run_wpm(p, normalize(p, Normalization::None), {});
  // a1: 2^1 * (0 ignored) = 2; a2: 4^1 = 4
  check_values(out.scores, {2.0, 4.0});
  check_values(out.contributions, {std::log(2.0), 0.0, std::log(4.0), 0.0});
}

TEST_CASE("the method registry names and defaults", "[methods]") {
  CHECK(tradeoff::method_names() ==
        std::vector<std::string>{"wsm", "wpm", "waspas", "topsis", "vikor", "promethee2"});
  using tradeoff::Method;
  CHECK(tradeoff::default_normalization(Method::Wsm) == Normalization::Declared);
  CHECK(tradeoff::default_normalization(Method::Wpm) == Normalization::Max);
  CHECK(tradeoff::default_normalization(Method::Waspas) == Normalization::Max);
  CHECK(tradeoff::default_normalization(Method::Topsis) == Normalization::Vector);
  CHECK(tradeoff::default_normalization(Method::Vikor) == Normalization::MinMax);
  CHECK(tradeoff::default_normalization(Method::Promethee2) == Normalization::None);
  CHECK(tradeoff::parse_method("wpm") == Method::Wpm);
  CHECK(tradeoff::parse_method("topsis") == Method::Topsis);
  CHECK_FALSE(tradeoff::parse_method("electre").has_value());
  CHECK_FALSE(tradeoff::parse_method("WSM").has_value());
  CHECK(tradeoff::detail::method_info(Method::Wpm).title == "weighted product");
  CHECK(tradeoff::detail::method_info(Method::Wsm).title == "weighted sum");
  // The registry is indexed by the enum: each entry names its own method.
  for (const auto& info : tradeoff::detail::methods()) {
    CHECK(tradeoff::to_string(info.id) == info.name);
    CHECK(&tradeoff::detail::method_info(info.id) == &info);
  }
}

// --- ranking -------------------------------------------------------------------------------

TEST_CASE("ranking puts the best first, ties share the better rank, by id", "[methods][rank]") {
  struct Case {
    const char* name;
    std::vector<std::string> ids;
    std::vector<double> scores;
    bool higher_is_better;
    std::vector<std::pair<std::string, int>> expected;
  };
  const std::vector<Case> cases = {
      {"tie for first", {"b", "a", "c"}, {0.5, 0.5, 0.2}, true, {{"a", 1}, {"b", 1}, {"c", 3}}},
      {"tie in the middle",
       {"d", "c", "b", "a"},
       {1, 2, 2, 3},
       true,
       {{"a", 1}, {"b", 2}, {"c", 2}, {"d", 4}}},
      {"all tied", {"c", "b", "a"}, {1, 1, 1}, true, {{"a", 1}, {"b", 1}, {"c", 1}}},
      {"rounding noise is a tie",
       {"y", "x"},
       {22.0, 21.999999999999996},
       true,
       {{"x", 1}, {"y", 1}}},
      {"a real difference is not", {"a", "b"}, {22.0, 22.0001}, true, {{"b", 1}, {"a", 2}}},
      {"lower is better", {"a", "b", "c"}, {0.3, 0.1, 0.2}, false, {{"b", 1}, {"c", 2}, {"a", 3}}},
      {"lower is better, tied",
       {"c", "b", "a"},
       {0.1, 0.1, 0.3},
       false,
       {{"b", 1}, {"c", 1}, {"a", 3}}},
      {"negative scores", {"a", "b"}, {-1.0, 2.5}, true, {{"b", 1}, {"a", 2}}},
      {"one option", {"solo"}, {0.0}, true, {{"solo", 1}}},
      {"no options", {}, {}, true, {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(ranks(rank_options(c.ids, c.scores, c.higher_is_better)) == c.expected);
  }
}

TEST_CASE("ranking keeps each option's own score", "[methods][rank]") {
  const auto entries = rank_options({"y", "x"}, {22.0, 21.999999999999996}, true);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].option == "x");
  CHECK(entries[0].score == 21.999999999999996);
  CHECK(entries[1].score == 22.0);
}

TEST_CASE("same_score tolerates relative noise of 1e-9, and 1e-15 around zero", "[methods][rank]") {
  struct Case {
    double a;
    double b;
    bool same;
  };
  const std::vector<Case> cases = {
      {22.0, 21.999999999999996, true},
      {1.0, 1.0 + 1e-10, true},
      {0.0, 1e-16, true},  // noise around zero
      {0.0, 1e-9, false},
      {1e-9, 5e-10, false},  // tiny scores still rank: WPM on raw costs of 1e9 and 2e9
      {1e-9, 1e-9 * (1 + 1e-12), true},
      {1e6, 1e6 + 1e-4, true},  // 1e-9 * 1e6 = 1e-3
      {1e6, 1e6 + 0.01, false},
      {-5.0, -5.0, true},
      {0.1 + 0.2, 0.3, true},
      {0.5, 0.6, false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.a, c.b);
    CHECK(same_score(c.a, c.b) == c.same);
    CHECK(same_score(c.b, c.a) == c.same);
  }
}

// Regression: the tie tolerance once had an absolute floor of 1e-9, but method scores can be far
// below 1: under WPM with normalisation none, costs of 1e9 and 2e9 score 1e-9 and 5e-10, and were
// taken for a tie.
TEST_CASE("small native scores that differ by half are not a tie", "[rank][regression]") {
  const auto p = make_problem({{1e9}, {2e9}}, {1}, {0});
  const auto out = run_wpm(p, normalize(p, Normalization::None), {});
  // scores: 1e-9 and 5e-10
  const auto ranking = rank_options(p.options, out.scores, out.higher_is_better);
  REQUIRE(ranking.size() == 2);
  CHECK(ranking[0].option == "a1");
  CHECK(ranking[1].rank == 2);
}

TEST_CASE("many options rank by radix exactly as a few rank by comparison", "[methods][rank]") {
  // From kRadixFrom options the scores are sorted by their bits. Each case is ranked whole
  // (radix) and, block by block of fewer options, checked against the comparison path on the
  // same scores: the order of every block's options must agree, and so must every rank.
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> level(0, 400);
  const size_t n = 5000;
  static_assert(5000 >= tradeoff::detail::kRadixFrom);
  for (const bool higher : {true, false}) {
    CAPTURE(higher);
    std::vector<double> scores(n);
    for (size_t i = 0; i < n; ++i) {
      const int l = level(rng);
      // Exact ties (400 levels over 5,000 options), ties within the tolerance, negatives, and
      // zeros of both signs.
      scores[i] =
          l == 0 ? (i % 2 == 0 ? 0.0 : -0.0) : (l - 200) * 0.25 * (1 + (i % 3 == 0 ? 1e-12 : 0.0));
    }
    std::vector<uint32_t> by_id(n);
    std::iota(by_id.begin(), by_id.end(), uint32_t{0});
    std::shuffle(by_id.begin(), by_id.end(), rng);
    std::vector<size_t> order(n);
    std::vector<int> rank(n);
    tradeoff::detail::RankScratch scratch;
    tradeoff::detail::rank_into(scores.data(), by_id.data(), n, higher, order.data(), rank.data(),
                                scratch);
    // The reference: sort by score, then tolerant groups by id, one comparison at a time.
    std::vector<size_t> expected(n);
    std::iota(expected.begin(), expected.end(), size_t{0});
    std::sort(expected.begin(), expected.end(), [&](size_t a, size_t b) {
      if (scores[a] != scores[b]) return higher ? scores[a] > scores[b] : scores[a] < scores[b];
      return by_id[a] < by_id[b];
    });
    std::vector<int> expected_rank(n);
    size_t start = 0;
    for (size_t g = 0; g <= n; ++g) {
      if (g < n && same_score(scores[expected[start]], scores[expected[g]])) continue;
      std::sort(expected.begin() + static_cast<long>(start),
                expected.begin() + static_cast<long>(g),
                [&](size_t a, size_t b) { return by_id[a] < by_id[b]; });
      for (size_t x = start; x < g; ++x) expected_rank[expected[x]] = static_cast<int>(start) + 1;
      start = g;
    }
    CHECK(order == expected);
    CHECK(rank == expected_rank);
    // The scratch is kept: a second ranking gives the same.
    std::vector<size_t> again(n);
    tradeoff::detail::rank_into(scores.data(), by_id.data(), n, higher, again.data(), rank.data(),
                                scratch);
    CHECK(again == expected);
    // And the few: the first 600 options through the comparison path, against the reference.
    const size_t few = 600;
    std::vector<size_t> few_order(few);
    std::vector<int> few_rank(few);
    tradeoff::detail::rank_into(scores.data(), by_id.data(), few, higher, few_order.data(),
                                few_rank.data());
    std::vector<size_t> few_expected;
    for (size_t i : expected) {
      if (i < few) few_expected.push_back(i);
    }
    CHECK(few_order == few_expected);
  }
}
