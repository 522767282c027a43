// Properties every aggregation method keeps (methods/method.hpp), on seeded random matrices:
// weight scaling, option order, dominance, no NaN or infinity, TOPSIS on alike options, and
// PROMETHEE II's flows.
#include <algorithm>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "frameworks.hpp"
#include "methods/method.hpp"
#include "methods_oracle_cases.hpp"
#include "naive_methods.hpp"
#include "normalize/normalize.hpp"
#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"

using Catch::Matchers::WithinAbs;
using tradeoff::Normalization;
using tradeoff::detail::MethodParams;
using tradeoff::test::all_choices;
using tradeoff::test::check_all;
using tradeoff::test::check_close;
using tradeoff::test::check_finite;
using tradeoff::test::try_evaluate;
using tradeoff::test::methods_oracle_cases::Case;
using tradeoff::test::methods_oracle_cases::kAbs;
using tradeoff::test::methods_oracle_cases::Kind;
using tradeoff::test::methods_oracle_cases::kind_name;
using tradeoff::test::methods_oracle_cases::kKinds;
using tradeoff::test::methods_oracle_cases::kRel;
using tradeoff::test::methods_oracle_cases::kSeeds;
using tradeoff::test::methods_oracle_cases::kShapes;
using tradeoff::test::methods_oracle_cases::mixed_preferences;
using tradeoff::test::methods_oracle_cases::option_id;
using tradeoff::test::methods_oracle_cases::per_option;
using tradeoff::test::methods_oracle_cases::PreferencePair;
using tradeoff::test::methods_oracle_cases::preferences;
using tradeoff::test::methods_oracle_cases::random_case;
using tradeoff::test::methods_oracle_cases::sum;
namespace ref = tradeoff::reference;
namespace detail = tradeoff::detail;

// --- properties ----------------------------------------------------------------------------

namespace {

/// The framework of the case's matrix, directions and weights (framework_of), with a different
/// PROMETHEE preference function on each criterion.
tradeoff::Framework framework_with_preferences(const ref::Matrix& x, const Case& c,
                                               const std::vector<double>& weights,
                                               const std::vector<std::string>& ids) {
  std::vector<bool> cost;
  for (size_t j = 0; j < weights.size(); ++j) cost.push_back(c.criteria[j].cost);
  tradeoff::Framework fw = tradeoff::test::framework_of(x, cost, weights, ids);
  const auto prefs = mixed_preferences(c);
  for (size_t j = 0; j < weights.size(); ++j) {
    tradeoff::PreferenceFunction pf;
    pf.criterion = fw.criteria[j].id;
    pf.function = prefs[j].engine.kind;
    pf.q = prefs[j].engine.q;
    pf.p = prefs[j].engine.p;
    pf.s = prefs[j].engine.s;
    fw.method.preference.push_back(pf);
  }
  return fw;
}

std::vector<double> given_weights(const Case& c) { return c.problem.weights; }

}  // namespace

TEST_CASE("scaling every weight leaves every method's scores, details and ranking unchanged",
          "[properties]") {
  int compared = 0;
  for (const auto& shape : kShapes) {
    for (unsigned seed : {kSeeds[0], kSeeds[1]}) {
      const Case c = random_case(seed, shape, seed == kSeeds[1]);
      const auto fw = framework_with_preferences(c.x, c, given_weights(c), c.ids);
      for (const auto& opt : all_choices()) {
        const auto base = try_evaluate(fw, opt);
        for (double factor : {1e-4, 3.0, 1e5}) {
          CAPTURE(shape.rows, shape.cols, seed, tradeoff::test::choices_of(opt), factor);
          std::vector<double> scaled = given_weights(c);
          for (auto& w : scaled) w *= factor;
          const auto other = try_evaluate(framework_with_preferences(c.x, c, scaled, c.ids), opt);
          REQUIRE(base.has_value() == other.has_value());
          if (!base) continue;
          ++compared;
          for (size_t i = 0; i < shape.rows; ++i) {
            check_close(other->options[i].score, base->options[i].score, kRel, kAbs);
            CHECK(other->options[i].rank == base->options[i].rank);
            check_all(other->options[i].contribution, base->options[i].contribution, kRel, kAbs);
          }
          REQUIRE(other->details.per_option.size() == base->details.per_option.size());
          for (size_t k = 0; k < base->details.per_option.size(); ++k) {
            check_all(other->details.per_option[k].second, base->details.per_option[k].second, kRel,
                      kAbs);
          }
          REQUIRE(other->details.per_criterion.size() == base->details.per_criterion.size());
          for (size_t k = 0; k < base->details.per_criterion.size(); ++k) {
            check_all(other->details.per_criterion[k].second, base->details.per_criterion[k].second,
                      kRel, kAbs);
          }
          CHECK(other->details.conditions == base->details.conditions);
          CHECK(other->details.compromise_set == base->details.compromise_set);
        }
      }
    }
  }
  CHECK(compared > 200);
}

TEST_CASE("permuting the options permutes every method's scores and details", "[properties]") {
  int compared = 0;
  for (const auto& shape : kShapes) {
    for (unsigned seed : {kSeeds[0], kSeeds[2]}) {
      const Case c = random_case(seed, shape);
      std::vector<size_t> order(shape.rows);
      std::iota(order.begin(), order.end(), size_t{0});
      std::mt19937 rng(seed + 5);
      std::shuffle(order.begin(), order.end(), rng);
      ref::Matrix shuffled_x;
      std::vector<std::string> shuffled_ids;
      for (size_t i : order) {
        shuffled_x.push_back(c.x[i]);
        shuffled_ids.push_back(c.ids[i]);
      }
      const auto fw = framework_with_preferences(c.x, c, given_weights(c), c.ids);
      const auto shuffled =
          framework_with_preferences(shuffled_x, c, given_weights(c), shuffled_ids);
      for (const auto& opt : all_choices()) {
        CAPTURE(shape.rows, shape.cols, seed, tradeoff::test::choices_of(opt));
        const auto a = try_evaluate(fw, opt);
        const auto b = try_evaluate(shuffled, opt);
        REQUIRE(a.has_value() == b.has_value());
        if (!a) continue;
        ++compared;
        for (size_t k = 0; k < shape.rows; ++k) {
          // Row k of the shuffled framework is option order[k] of the original.
          const auto& x = b->options[k];
          const auto& y = a->options[order[k]];
          CHECK(x.id == y.id);
          check_close(x.score, y.score, kRel, kAbs);
          CHECK(x.rank == y.rank);
          check_all(x.contribution, y.contribution, kRel, kAbs);
          for (size_t d = 0; d < a->details.per_option.size(); ++d) {
            CAPTURE(a->details.per_option[d].first);
            check_close(b->details.per_option[d].second[k],
                        a->details.per_option[d].second[order[k]], kRel, kAbs);
          }
        }
        CHECK(b->details.options == shuffled_ids);
        for (size_t d = 0; d < a->details.per_criterion.size(); ++d) {
          check_all(b->details.per_criterion[d].second, a->details.per_criterion[d].second, kRel,
                    kAbs);
        }
        CHECK(b->details.conditions == a->details.conditions);
        CHECK(b->details.compromise_set == a->details.compromise_set);
        REQUIRE(a->ranking.size() == b->ranking.size());
        for (size_t k = 0; k < a->ranking.size(); ++k) {
          CHECK(a->ranking[k].option == b->ranking[k].option);
          CHECK(a->ranking[k].rank == b->ranking[k].rank);
        }
      }
    }
  }
  CHECK(compared > 50);
}

TEST_CASE("a dominated option never ranks above the option that dominates it", "[properties]") {
  int checked = 0;
  for (const auto& shape : kShapes) {
    for (unsigned seed : kSeeds) {
      const Case c = random_case(seed, shape);
      std::mt19937 rng(seed + 9);
      std::uniform_int_distribution<size_t> pick_row(0, shape.rows - 1);
      std::uniform_int_distribution<size_t> pick_column(0, shape.cols - 1);
      std::bernoulli_distribution coin(0.3);
      const size_t k = pick_row(rng);
      const size_t strict = pick_column(rng);  // every weight is positive
      // Worse or equal on every criterion, strictly worse on one.
      std::vector<double> row = c.x[k];
      for (size_t j = 0; j < shape.cols; ++j) {
        if (j != strict && !coin(rng)) continue;
        const bool cost = c.criteria[j].cost;
        if (c.kinds[j] == Kind::Continuous) {
          row[j] = cost ? row[j] / 0.6 : row[j] * 0.6;
        } else {
          row[j] = cost ? row[j] + 1 : row[j] - 1;
        }
      }
      ref::Matrix x = c.x;
      x.push_back(row);
      auto ids = c.ids;
      ids.push_back("aaa_dominated");  // sorts first, so that a tie would put it on top
      const auto fw = framework_with_preferences(x, c, given_weights(c), ids);
      for (const auto& opt : all_choices()) {
        CAPTURE(shape.rows, shape.cols, seed, k, strict, tradeoff::test::choices_of(opt));
        const auto r = try_evaluate(fw, opt);
        if (!r) continue;
        ++checked;
        const int dominated = r->option("aaa_dominated")->rank;
        const int dominator = r->option(ids[k])->rank;
        CHECK(dominated >= dominator);
        if (opt.method != tradeoff::Method::Promethee2) {
          // Strictly worse: never first, never tied with its dominator. (PROMETHEE's
          // thresholds can hide a difference below q, and so allow a tie.)
          CHECK(dominated > 1);
          CHECK(dominated > dominator);
        }
      }
    }
  }
  CHECK(checked > 300);
}

TEST_CASE("no NaN or infinity on constant columns, a single option or zero weights",
          "[properties]") {
  struct Example {
    const char* name;
    ref::Matrix x;
    std::vector<double> weights;
  };
  const std::vector<Example> examples = {
      {"constant columns", {{3, 7, 0}, {3, 7, 0}, {3, 7, 0}, {3, 7, 0}}, {1, 2, 3}},
      {"some constant columns", {{3, 1, 0}, {3, 2, 0}, {3, 5, 0}}, {1, 2, 3}},
      {"a single option", {{4, 2, 9}}, {1, 1, 1}},
      {"a single option, a single criterion", {{5}}, {1}},
      {"zero-weight criteria", {{1, 5, 2}, {2, 4, 8}, {3, 1, 6}}, {0, 1, 0}},
      {"zero weight on the only varying criterion", {{1, 5, 2}, {2, 5, 2}, {3, 5, 2}}, {0, 1, 1}},
      {"two identical options", {{2, 3, 4}, {2, 3, 4}}, {1, 1, 1}},
      {"zeros everywhere", {{0, 0}, {0, 0}, {0, 0}}, {1, 1}},
  };
  int evaluated = 0;
  for (const auto& e : examples) {
    for (int costs = 0; costs < 2; ++costs) {
      Case c;
      const size_t m = e.weights.size();
      for (size_t j = 0; j < m; ++j) {
        c.criteria.push_back({costs == 1 && j % 2 == 0, std::nullopt, {}});
        c.kinds.push_back(Kind::Integer);
      }
      for (size_t i = 0; i < e.x.size(); ++i) c.ids.push_back(option_id(i));
      const auto fw = framework_with_preferences(e.x, c, e.weights, c.ids);
      for (const auto& method : tradeoff::method_names()) {
        for (const auto& norm : tradeoff::normalization_names()) {
          CAPTURE(e.name, costs, method, norm);
          const auto opt = tradeoff::test::choose(method, norm);
          const auto r = try_evaluate(fw, opt);
          if (!r) continue;
          ++evaluated;
          check_finite(*r);
        }
      }
    }
  }
  CHECK(evaluated > 300);
}

TEST_CASE("TOPSIS scores 0.5 when every option is alike, materialised or not", "[properties]") {
  const std::vector<ref::Matrix> matrices = {
      {{7.3, 2.9, 11.0}},                                  // a single option
      {{7.3, 2.9, 11.0}, {7.3, 2.9, 11.0}},                // two identical options
      {{0.1, 0.7, 3.3}, {0.1, 0.7, 3.3}, {0.1, 0.7, 3.3}}  // constant columns
  };
  for (const auto& x : matrices) {
    std::vector<std::vector<double>> rows(x.begin(), x.end());
    const auto p = tradeoff::test::make_problem(rows, {0.37, 0.21, 0.42}, {1});
    for (auto n :
         {Normalization::Vector, Normalization::MinMax, Normalization::Max, Normalization::Sum}) {
      for (bool materialize : {true, false}) {
        CAPTURE(x.size(), tradeoff::to_string(n), materialize);
        const auto out = detail::run_topsis(p, detail::normalize(p, n, "", false, materialize), {});
        for (double s : out.scores) CHECK(s == 0.5);
      }
    }
  }
}

TEST_CASE("PROMETHEE II flows sum to zero and phi+, phi- lie in [0, 1]", "[properties]") {
  for (const auto& shape : kShapes) {
    for (unsigned seed : kSeeds) {
      const Case c = random_case(seed, shape, true);
      std::vector<std::pair<std::string, std::vector<PreferencePair>>> sets;
      for (auto k : kKinds) sets.emplace_back(kind_name(k), preferences(c, k));
      sets.emplace_back("mixed", mixed_preferences(c));
      for (const auto& [label, pairs] : sets) {
        MethodParams params;
        for (const auto& pp : pairs) params.preference.push_back(pp.engine);
        for (auto n : {Normalization::None, Normalization::MinMax}) {
          CAPTURE(shape.rows, shape.cols, seed, label, tradeoff::to_string(n));
          const auto out =
              detail::run_promethee2(c.problem, detail::normalize(c.problem, n), params);
          CHECK_THAT(sum(out.scores), WithinAbs(0.0, 1e-9));
          for (double v : per_option(out.details, "phi_plus")) {
            CHECK(v >= 0.0);
            CHECK(v <= 1.0 + 1e-12);
          }
          for (double v : per_option(out.details, "phi_minus")) {
            CHECK(v >= 0.0);
            CHECK(v <= 1.0 + 1e-12);
          }
          // Each criterion's net flows sum to zero too.
          for (size_t j = 0; j < shape.cols; ++j) {
            double column = 0;
            for (size_t i = 0; i < shape.rows; ++i) column += out.contributions[i * shape.cols + j];
            CHECK_THAT(column, WithinAbs(0.0, 1e-9));
          }
        }
      }
    }
  }
}
