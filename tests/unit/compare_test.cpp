// Comparing rankings (analysis/compare): Kendall's tau-b on hand-counted cases with ties, against
// the O(N^2) count of every pair (tests/reference/naive_kendall.hpp) on random rankings with
// ties, and compare_methods on many options against the same definitions.
#include "analysis/compare.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "frameworks.hpp"
#include "naive_kendall.hpp"
#include "tradeoff/evaluate.hpp"

using tradeoff::RankEntry;
using tradeoff::detail::kendall_tau;
using tradeoff::reference::naive_kendall_tau;

namespace {

std::vector<RankEntry> ranking(const std::vector<std::pair<std::string, int>>& entries) {
  std::vector<RankEntry> out;
  for (const auto& [id, rank] : entries) out.push_back({id, rank, 0.0});
  return out;
}

/// A random ranking of `ids` with ranks drawn from 1..levels (few levels: many ties), listed in
/// a random order.
std::vector<RankEntry> random_ranking(const std::vector<std::string>& ids, int levels,
                                      std::mt19937& rng) {
  std::uniform_int_distribution<int> rank(1, std::max(1, levels));
  std::vector<RankEntry> out;
  for (const auto& id : ids) out.push_back({id, rank(rng), 0.0});
  std::shuffle(out.begin(), out.end(), rng);
  return out;
}

std::vector<std::string> ids_of(size_t n, const std::string& prefix = "o") {
  std::vector<std::string> ids;
  for (size_t i = 0; i < n; ++i) ids.push_back(prefix + std::to_string(i));
  return ids;
}

}  // namespace

TEST_CASE("kendall_tau counts ties in one ranking, in the other, and in both", "[compare]") {
  // x, y tied in a; y, z tied in b: C = 4, D = 0 of 6 pairs, 5 ordered by each: 4 / 5.
  const auto a = ranking({{"x", 1}, {"y", 1}, {"z", 3}, {"w", 4}});
  const auto b = ranking({{"x", 1}, {"y", 2}, {"z", 2}, {"w", 4}});
  CHECK(kendall_tau(a, b) == 0.8);
  CHECK(kendall_tau(b, a) == 0.8);
  // x, y tied in both (counted in neither), both below z in a and above it in b: D = 2 of the
  // 2 pairs each ranking orders: -1.
  CHECK(kendall_tau(ranking({{"x", 1}, {"y", 1}, {"z", 3}}),
                    ranking({{"x", 2}, {"y", 2}, {"z", 1}})) == -1.0);
  // Two ties of three in c (6 pairs), one tie in d (r, t): of the 15 pairs, C = 7, D = 1 (r, s);
  // c orders 9 pairs, d orders 14: 6 / sqrt(9 * 14).
  const auto c = ranking({{"p", 1}, {"q", 1}, {"r", 1}, {"s", 4}, {"t", 4}, {"u", 4}});
  const auto d = ranking({{"p", 1}, {"q", 2}, {"r", 4}, {"s", 3}, {"t", 4}, {"u", 6}});
  CHECK(kendall_tau(c, d) == 6 / std::sqrt(9.0 * 14.0));
  CHECK(kendall_tau(c, d) == naive_kendall_tau(c, d));
}

TEST_CASE("kendall_tau on rankings that tie everything or share few options", "[compare]") {
  const auto all_tied = ranking({{"a", 1}, {"b", 1}, {"c", 1}});
  const auto ordered = ranking({{"a", 1}, {"b", 2}, {"c", 3}});
  CHECK(kendall_tau(all_tied, all_tied) == 1.0);
  CHECK(kendall_tau(all_tied, ordered) == 0.0);
  CHECK(kendall_tau(ordered, all_tied) == 0.0);
  // Options in one ranking only are left out: y and z are in both, and disagree.
  CHECK(kendall_tau(ranking({{"x", 1}, {"y", 2}, {"z", 3}}),
                    ranking({{"z", 1}, {"y", 2}, {"q", 3}})) == -1.0);
  CHECK(kendall_tau(ranking({{"a", 1}}), ranking({{"b", 1}})) == 1.0);
  CHECK(kendall_tau({}, ordered) == 1.0);
}

TEST_CASE("kendall_tau equals the count of every pair on random rankings with ties",
          "[compare][oracle]") {
  std::mt19937 rng(20240817);
  std::uniform_int_distribution<size_t> size(0, 120);
  for (int round = 0; round < 400; ++round) {
    const size_t n = size(rng);
    const auto ids = ids_of(n);
    // From all tied (1 level) to no ties to speak of (n levels).
    const int levels[] = {1, 2, 3, static_cast<int>(n / 2) + 1, static_cast<int>(n) + 1};
    const auto a = random_ranking(ids, levels[round % 5], rng);
    auto b = random_ranking(ids, levels[(round / 5) % 5], rng);
    // Some options ranked by one side only.
    if (round % 3 == 0 && !b.empty()) b.erase(b.begin(), b.begin() + static_cast<long>(n / 4));
    if (round % 4 == 0) b.push_back({"only_in_b", 1, 0.0});
    CAPTURE(round, n);
    const double tau = kendall_tau(a, b);
    CHECK(tau == naive_kendall_tau(a, b));
    CHECK(tau == kendall_tau(b, a));
    CHECK(tau >= -1.0);
    CHECK(tau <= 1.0);
  }
}

TEST_CASE("kendall_tau on 100,000 options: identical, reversed, and one swap", "[compare]") {
  const size_t n = 100000;
  std::vector<RankEntry> a;
  std::vector<RankEntry> reversed;
  for (size_t i = 0; i < n; ++i) {
    a.push_back({"o" + std::to_string(i), static_cast<int>(i + 1), 0.0});
    reversed.push_back({"o" + std::to_string(i), static_cast<int>(n - i), 0.0});
  }
  CHECK(kendall_tau(a, a) == 1.0);
  CHECK(kendall_tau(a, reversed) == -1.0);
  auto swapped = a;
  std::swap(swapped[0].rank, swapped[1].rank);
  // One discordant pair of n (n - 1) / 2.
  const double pairs = static_cast<double>(n) * (n - 1) / 2;
  CHECK(kendall_tau(a, swapped) == (pairs - 2) / pairs);
}

TEST_CASE("compare_methods on many options: tau and rank_dependent by their definitions",
          "[compare][comparison]") {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> score(1, 9);  // few values: ties within each method
  const size_t n = 300;
  std::vector<std::vector<double>> x(n, std::vector<double>(3));
  for (auto& row : x) {
    for (auto& v : row) v = score(rng);
  }
  const auto fw = tradeoff::test::framework_of(x, {true, false, false}, {3, 2, 1}, ids_of(n));
  const auto c = tradeoff::compare_methods(fw, nullptr, {});
  REQUIRE(c.results.size() == 6);
  std::vector<std::string> dependent;
  for (const auto& entry : c.results[0].ranking) {
    bool differs = false;
    for (const auto& r : c.results) {
      const tradeoff::OptionResult* o = r.option(entry.option);
      differs = differs || o == nullptr || o->rank != entry.rank;
    }
    if (differs) dependent.push_back(entry.option);
  }
  std::sort(dependent.begin(), dependent.end());
  CHECK(c.rank_dependent == dependent);
  CHECK_FALSE(dependent.empty());
  for (size_t i = 0; i < c.results.size(); ++i) {
    for (size_t k = 0; k < c.results.size(); ++k) {
      CAPTURE(c.results[i].method, c.results[k].method);
      CHECK(c.tau[i][k] ==
            (i == k ? 1.0 : naive_kendall_tau(c.results[i].ranking, c.results[k].ranking)));
    }
  }
}
