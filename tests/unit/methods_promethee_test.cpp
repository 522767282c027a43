// PROMETHEE II (methods/method.hpp) against the full pairwise definition of the loop-only
// references for every preference function, raw and normalised; the sorted sweep of
// preference_sums, the functions at their exact thresholds, and an example by hand.
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "frameworks.hpp"
#include "methods/method.hpp"
#include "methods_oracle_cases.hpp"
#include "naive_methods.hpp"
#include "normalize/normalize.hpp"
#include "test_support.hpp"

using tradeoff::Normalization;
using tradeoff::detail::MethodParams;
using tradeoff::detail::Preference;
using tradeoff::test::check_all;
using tradeoff::test::check_close;
using tradeoff::test::methods_oracle_cases::Case;
using tradeoff::test::methods_oracle_cases::kAbs;
using tradeoff::test::methods_oracle_cases::kind_name;
using tradeoff::test::methods_oracle_cases::kKinds;
using tradeoff::test::methods_oracle_cases::kRel;
using tradeoff::test::methods_oracle_cases::kRuns;
using tradeoff::test::methods_oracle_cases::kSeeds;
using tradeoff::test::methods_oracle_cases::kShapes;
using tradeoff::test::methods_oracle_cases::mixed_preferences;
using tradeoff::test::methods_oracle_cases::per_option;
using tradeoff::test::methods_oracle_cases::preference_of;
using tradeoff::test::methods_oracle_cases::PreferencePair;
using tradeoff::test::methods_oracle_cases::preferences;
using tradeoff::test::methods_oracle_cases::random_case;
using tradeoff::test::methods_oracle_cases::ref_norm;
using tradeoff::test::methods_oracle_cases::row_of;
using tradeoff::test::methods_oracle_cases::Run;
using tradeoff::test::methods_oracle_cases::run;
using tradeoff::test::methods_oracle_cases::sum;
namespace ref = tradeoff::reference;
namespace detail = tradeoff::detail;

// --- oracles -------------------------------------------------------------------------------

TEST_CASE("PROMETHEE II agrees with the full pairwise definition for every preference function",
          "[oracle]") {
  for (const auto& shape : kShapes) {
    for (unsigned seed : kSeeds) {
      for (bool zero_weight : {false, true}) {
        const Case c = random_case(seed, shape, zero_weight);
        const size_t m = shape.cols;
        std::vector<std::pair<std::string, std::vector<PreferencePair>>> sets;
        for (auto k : kKinds) sets.emplace_back(kind_name(k), preferences(c, k));
        sets.emplace_back("mixed", mixed_preferences(c));
        for (const auto& [label, pairs] : sets) {
          MethodParams params;
          std::vector<ref::Preference> reference;
          for (const auto& pp : pairs) {
            params.preference.push_back(pp.engine);
            reference.push_back(pp.reference);
          }
          // Under 'none' the thresholds are in the criterion's units and costs are negated.
          const auto expected = ref::promethee2(ref::normalize(c.x, c.criteria, ref::Norm::None),
                                                c.problem.weights, reference);
          for (const Run how : kRuns) {
            CAPTURE(shape.rows, shape.cols, seed, zero_weight, label, how.materialize,
                    how.contributions);
            const auto out = run(detail::run_promethee2, c, Normalization::None, true, how, params);
            CHECK(out.higher_is_better);
            check_all(out.scores, expected.phi, kRel, kAbs);
            check_all(per_option(out.details, "phi_plus"), expected.phi_plus, kRel, kAbs);
            check_all(per_option(out.details, "phi_minus"), expected.phi_minus, kRel, kAbs);
            check_all(per_option(out.details, "phi"), expected.phi, kRel, kAbs);
            if (how.contributions) {
              // Each criterion's weighted net flow; they add up to phi.
              for (size_t i = 0; i < shape.rows; ++i) {
                check_all(row_of(out.contributions, i, m), expected.net[i], kRel, kAbs);
                check_close(sum(row_of(out.contributions, i, m)), out.scores[i], kRel, kAbs);
              }
            }
          }
        }
      }
    }
  }
}

TEST_CASE("PROMETHEE II on normalised values agrees with the reference", "[oracle]") {
  for (const auto& shape : kShapes) {
    for (unsigned seed : kSeeds) {
      const Case c = random_case(seed, shape);
      for (auto n : {Normalization::MinMax, Normalization::Max, Normalization::Vector}) {
        for (auto k : kKinds) {
          // Thresholds in normalised units.
          const auto pp = preference_of(k, 0.1, 0.35, 0.2);
          MethodParams params;
          params.preference.assign(shape.cols, pp.engine);
          const auto expected =
              ref::promethee2(ref::normalize(c.x, c.criteria, ref_norm(n)), c.problem.weights,
                              std::vector<ref::Preference>(shape.cols, pp.reference));
          for (const Run how : kRuns) {
            CAPTURE(shape.rows, shape.cols, seed, tradeoff::to_string(n), kind_name(k),
                    how.materialize, how.contributions);
            const auto out = run(detail::run_promethee2, c, n, true, how, params);
            check_all(out.scores, expected.phi, kRel, kAbs);
            check_all(per_option(out.details, "phi_plus"), expected.phi_plus, kRel, kAbs);
            check_all(per_option(out.details, "phi_minus"), expected.phi_minus, kRel, kAbs);
          }
        }
      }
    }
  }
}

TEST_CASE("preference_sums' sorted sweep equals the O(n^2) definition", "[oracle]") {
  struct Thresholds {
    double q;
    double p;
    double s;
  };
  // Integer and half-integer values make many differences fall exactly on q or p.
  const std::vector<Thresholds> thresholds = {{0, 1, 1}, {1, 2, 1},      {0.5, 1.5, 0.5}, {2, 3, 2},
                                              {1, 4, 3}, {0, 0.5, 0.25}, {3, 3.5, 10}};
  int compared = 0;
  for (size_t n : {size_t{0}, size_t{1}, size_t{2}, size_t{3}, size_t{4}, size_t{10}, size_t{57},
                   size_t{400}}) {
    for (unsigned seed : kSeeds) {
      std::mt19937 rng(seed + static_cast<unsigned>(n));
      std::uniform_int_distribution<int> halves(-8, 8);
      std::uniform_real_distribution<double> real(-5, 5);
      std::vector<std::vector<double>> inputs(3, std::vector<double>(n));
      for (size_t i = 0; i < n; ++i) {
        inputs[0][i] = static_cast<double>(halves(rng));        // integers: ties
        inputs[1][i] = 0.5 * static_cast<double>(halves(rng));  // halves
        inputs[2][i] = real(rng);                               // continuous
      }
      for (size_t input = 0; input < inputs.size(); ++input) {
        for (auto k : kKinds) {
          for (const auto& t : thresholds) {
            CAPTURE(n, seed, input, kind_name(k), t.q, t.p, t.s);
            const auto pp = preference_of(k, t.q, t.p, t.s);
            std::vector<double> f;
            std::vector<double> g;
            detail::preference_sums(inputs[input], pp.engine, f, g);
            std::vector<double> ef;
            std::vector<double> eg;
            ref::pairwise_sums(inputs[input], pp.reference, ef, eg);
            check_all(f, ef, kRel, kAbs);
            check_all(g, eg, kRel, kAbs);
            // What one option prefers, another suffers: both sums have the same total.
            check_close(sum(f), sum(g), kRel, kAbs);
            ++compared;
          }
        }
      }
    }
  }
  CHECK(compared == 8 * 4 * 3 * 6 * 7);
}

TEST_CASE("preference functions at their exact thresholds", "[oracle]") {
  // y = 0, 1, 2, 3, 5: differences of exactly q = 1 are indifferent, exactly p = 2 count in
  // full for v_shape and linear and as 1/2 for level.
  const std::vector<double> y = {0, 1, 2, 3, 5};
  struct Expected {
    Preference::Kind kind;
    std::vector<double> f;
    std::vector<double> g;
  };
  // F(a) = sum_b P(y_a - y_b); G(a) = sum_b P(y_b - y_a).
  // usual:   F = #below                                  = 0, 1, 2, 3, 4
  // u_shape (q = 1): d > 1                               = 0, 0, 1, 2, 4
  // v_shape (p = 2): d/2 up to 2
  //   F(1) = 1/2; F(2) = 1 + 1/2; F(3) = 1 + 1 + 1/2; F(5) = 1 + 1 + 1 + 1 = 4
  // level (q = 1, p = 2): 0 for d <= 1, 1/2 for d = 2, 1 beyond
  //   F(2) = 1/2 (d = 2 from 0); F(3) = 1 + 1/2 (d = 3, 2); F(5) = 3 + 1/2 (d = 5, 4, 3, 2)
  // linear (q = 1, p = 2): (d - 1) for 1 < d <= 2: d = 2 gives 1
  //   F(2) = 1; F(3) = 1 + 1 = 2; F(5) = 4
  const std::vector<Expected> cases = {
      {Preference::Kind::Usual, {0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}},
      {Preference::Kind::UShape, {0, 0, 1, 2, 4}, {3, 2, 1, 1, 0}},
      {Preference::Kind::VShape, {0, 0.5, 1.5, 2.5, 4}, {3.5, 2.5, 1.5, 1, 0}},
      {Preference::Kind::Level, {0, 0, 0.5, 1.5, 3.5}, {2.5, 1.5, 1, 0.5, 0}},
      {Preference::Kind::Linear, {0, 0, 1, 2, 4}, {3, 2, 1, 1, 0}},
  };
  for (const auto& e : cases) {
    CAPTURE(kind_name(e.kind));
    const auto pp = preference_of(e.kind, 1, 2, 0);
    std::vector<double> f;
    std::vector<double> g;
    detail::preference_sums(y, pp.engine, f, g);
    check_all(f, e.f, kRel, kAbs);
    check_all(g, e.g, kRel, kAbs);
    std::vector<double> ef;
    std::vector<double> eg;
    ref::pairwise_sums(y, pp.reference, ef, eg);
    check_all(ef, e.f, kRel, kAbs);
    check_all(eg, e.g, kRel, kAbs);
  }
  // Gaussian, s = 1: P(1) = 1 - e^-0.5, P(2) = 1 - e^-2.
  const auto gauss = preference_of(Preference::Kind::Gaussian, 0, 0, 1);
  std::vector<double> f;
  std::vector<double> g;
  detail::preference_sums({0, 1, 2}, gauss.engine, f, g);
  const double p1 = 1 - std::exp(-0.5);
  const double p2 = 1 - std::exp(-2.0);
  check_all(f, {0, p1, p1 + p2}, kRel, kAbs);
  check_all(g, {p1 + p2, p1, 0}, kRel, kAbs);
}

TEST_CASE("PROMETHEE II on a hand-computed example", "[oracle]") {
  // Benefit c1 = [1, 2, 4], cost c2 = [3, 1, 2], equal weights, usual functions.
  // c1: a3 > a2 > a1; c2 (negated): a2 > a3 > a1.
  // phi+ = (sum of w P over the other two) / 2:
  //   a1: 0; a2: (0.5 [c1 over a1] + 0.5 + 0.5 [c2 over a1, a3]) / 2 = 0.75;
  //   a3: (0.5 + 0.5 [c1] + 0.5 [c2 over a1]) / 2 = 0.75
  // phi- : a1: (0.5 + 0.5 + 0.5 + 0.5) / 2 = 1; a2: 0.5 / 2 = 0.25; a3: 0.5 / 2 = 0.25
  const auto p = tradeoff::test::make_problem({{1, 3}, {2, 1}, {4, 2}}, {1, 1}, {1});
  const auto out = detail::run_promethee2(p, detail::normalize(p, Normalization::None), {});
  check_all(per_option(out.details, "phi_plus"), {0, 0.75, 0.75}, kRel, kAbs);
  check_all(per_option(out.details, "phi_minus"), {1, 0.25, 0.25}, kRel, kAbs);
  check_all(out.scores, {-1, 0.5, 0.5}, kRel, kAbs);
  // a2: c1 net (0.5 - 0.5) / 2 = 0 ... c1: a2 beats a1, loses to a3: 0; c2: beats both: 0.5.
  check_all(row_of(out.contributions, 1, 2), {0, 0.5}, kRel, kAbs);
}
