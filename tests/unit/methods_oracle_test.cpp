// Oracles and properties for the aggregation methods (methods/method.hpp): WSM, WPM, WASPAS,
// TOPSIS, VIKOR and PROMETHEE II against the loop-only reference versions
// (tests/reference/naive_methods.hpp) on seeded random matrices, whether the normalised matrix
// is materialised or not and whether contributions are computed or not; then properties every
// method keeps (weight scaling, option order, dominance, no NaN, PROMETHEE's flows).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "frameworks.hpp"
#include "methods/method.hpp"
#include "naive_methods.hpp"
#include "normalize/normalize.hpp"
#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"

using Catch::Matchers::WithinAbs;
using tradeoff::Direction;
using tradeoff::EvaluateOptions;
using tradeoff::Normalization;
using tradeoff::detail::MethodOutput;
using tradeoff::detail::MethodParams;
using tradeoff::detail::Preference;
using tradeoff::test::all_choices;
using tradeoff::test::check_all;
using tradeoff::test::check_close;
using tradeoff::test::check_finite;
using tradeoff::test::expect_error;
using tradeoff::test::load_text;
using tradeoff::test::make_problem;
using tradeoff::test::try_evaluate;
namespace ref = tradeoff::reference;
namespace detail = tradeoff::detail;

namespace {

struct Shape {
  size_t rows;
  size_t cols;
};

const std::vector<Shape> kShapes = {{1, 1}, {1, 5}, {2, 3}, {7, 4}, {50, 10}, {300, 6}};
const std::vector<unsigned> kSeeds = {3, 11, 97, 2025};

enum class Kind { Continuous, Integer, Constant };

/// A random decision problem, held both as the engine's DecisionProblem and as the reference's
/// matrix. Columns are continuous in [1, 100], integers in 1..5 (many ties, and differences of
/// exactly 1 or 2), or constant; directions are mixed; weights positive, one of them zero when
/// asked (never all).
struct Case {
  detail::DecisionProblem problem;
  ref::Matrix x;
  std::vector<ref::Criterion> criteria;
  std::vector<Kind> kinds;
  std::vector<std::string> ids;
};

std::string option_id(size_t i) {
  std::string digits = std::to_string(i);
  while (digits.size() < 3) digits.insert(digits.begin(), '0');
  return "o" + digits;  // zero-padded: id order is row order
}

Case random_case(unsigned seed, Shape shape, bool zero_weight = false) {
  std::mt19937 rng(seed * 7919u + static_cast<unsigned>(shape.rows * 31 + shape.cols));
  std::uniform_real_distribution<double> continuous(1.0, 100.0);
  std::uniform_int_distribution<int> integer(1, 5);
  std::uniform_int_distribution<int> kind(0, 9);
  std::uniform_real_distribution<double> weight(0.05, 1.0);
  std::bernoulli_distribution coin(0.5);
  const size_t n = shape.rows;
  const size_t m = shape.cols;
  Case c;
  c.x.assign(n, std::vector<double>(m, 0.0));
  std::vector<double> weights;
  for (size_t j = 0; j < m; ++j) {
    const int k = kind(rng);
    const Kind column = k < 5 ? Kind::Continuous : k < 8 ? Kind::Integer : Kind::Constant;
    const double constant = static_cast<double>(integer(rng));
    for (size_t i = 0; i < n; ++i) {
      c.x[i][j] = column == Kind::Continuous ? continuous(rng)
                  : column == Kind::Integer  ? static_cast<double>(integer(rng))
                                             : constant;
    }
    const bool cost = coin(rng);
    detail::Column col;
    col.id = "c" + std::to_string(j);
    col.direction = cost ? Direction::Cost : Direction::Benefit;
    c.problem.criteria.push_back(col);
    c.criteria.push_back({cost, std::nullopt, {}});
    c.kinds.push_back(column);
    weights.push_back(weight(rng));
  }
  if (zero_weight && m > 1) weights[seed % m] = 0.0;
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  for (double w : weights) c.problem.weights.push_back(w / total);
  for (size_t i = 0; i < n; ++i) {
    c.ids.push_back(option_id(i));
    c.problem.options.push_back(c.ids.back());
    for (size_t j = 0; j < m; ++j) c.problem.values.push_back(c.x[i][j]);
  }
  return c;
}

// Tolerances of check_close() and check_all() here: relative, or absolute near zero, where sums
// over hundreds of options leave more rounding than the default 1e-12.
constexpr double kRel = 1e-9;
constexpr double kAbs = 1e-11;

/// How a method is run: the normalised matrix materialised or not, contributions or not.
struct Run {
  bool materialize;
  bool contributions;
};
const std::vector<Run> kRuns = {{true, true}, {true, false}, {false, true}, {false, false}};

using Method = MethodOutput (*)(const detail::DecisionProblem&, const detail::NormalizedMatrix&,
                                const MethodParams&);

MethodOutput run(Method method, const Case& c, Normalization n, bool oriented, Run how,
                 MethodParams params = {}) {
  const auto r = detail::normalize(c.problem, n, "", oriented, how.materialize);
  CHECK(r.values.empty() == !how.materialize);
  params.contributions = how.contributions;
  MethodOutput out = method(c.problem, r, params);
  REQUIRE(out.scores.size() == c.problem.rows());
  CHECK(out.contributions.size() == (how.contributions ? c.problem.rows() * c.problem.cols() : 0));
  return out;
}

const std::vector<double>& per_option(const tradeoff::MethodDetails& d, const std::string& name) {
  for (const auto& [key, values] : d.per_option) {
    if (key == name) return values;
  }
  FAIL("no per-option detail '" << name << "'");
  static const std::vector<double> none;
  return none;
}

const std::vector<double>& per_criterion(const tradeoff::MethodDetails& d,
                                         const std::string& name) {
  for (const auto& [key, values] : d.per_criterion) {
    if (key == name) return values;
  }
  FAIL("no per-criterion detail '" << name << "'");
  static const std::vector<double> none;
  return none;
}

std::optional<double> figure(const tradeoff::MethodDetails& d, const std::string& name) {
  for (const auto& [key, value] : d.figures) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::optional<bool> condition(const tradeoff::MethodDetails& d, const std::string& name) {
  for (const auto& [key, value] : d.conditions) {
    if (key == name) return value;
  }
  return std::nullopt;
}

/// Row i of a rows x cols contribution matrix.
std::vector<double> row_of(const std::vector<double>& values, size_t i, size_t cols) {
  return {values.begin() + static_cast<std::ptrdiff_t>(i * cols),
          values.begin() + static_cast<std::ptrdiff_t>((i + 1) * cols)};
}

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

ref::Norm ref_norm(Normalization n) {
  switch (n) {
    case Normalization::Declared:
      return ref::Norm::Declared;
    case Normalization::None:
      return ref::Norm::None;
    case Normalization::MinMax:
      return ref::Norm::MinMax;
    case Normalization::Max:
      return ref::Norm::Max;
    case Normalization::Sum:
      return ref::Norm::Sum;
    case Normalization::Vector:
      return ref::Norm::Vector;
  }
  return ref::Norm::None;
}

/// The engine's and the reference's version of one preference function.
struct PreferencePair {
  Preference engine;
  ref::Preference reference;
};

PreferencePair preference_of(Preference::Kind kind, double q, double p, double s) {
  PreferencePair out;
  out.engine.kind = kind;
  out.engine.q = q;
  out.engine.p = p;
  out.engine.s = s;
  const ref::Function f = kind == Preference::Kind::Usual    ? ref::Function::Usual
                          : kind == Preference::Kind::UShape ? ref::Function::UShape
                          : kind == Preference::Kind::VShape ? ref::Function::VShape
                          : kind == Preference::Kind::Level  ? ref::Function::Level
                          : kind == Preference::Kind::Linear ? ref::Function::Linear
                                                             : ref::Function::Gaussian;
  out.reference = {f, q, p, s};
  return out;
}

const std::vector<Preference::Kind> kKinds = {Preference::Kind::Usual,  Preference::Kind::UShape,
                                              Preference::Kind::VShape, Preference::Kind::Level,
                                              Preference::Kind::Linear, Preference::Kind::Gaussian};

const char* kind_name(Preference::Kind k) {
  switch (k) {
    case Preference::Kind::Usual:
      return "usual";
    case Preference::Kind::UShape:
      return "u_shape";
    case Preference::Kind::VShape:
      return "v_shape";
    case Preference::Kind::Level:
      return "level";
    case Preference::Kind::Linear:
      return "linear";
    case Preference::Kind::Gaussian:
      return "gaussian";
  }
  return "?";
}

/// Thresholds in the criterion's units under 'none': integer columns get q = 1, p = 2, s = 1,
/// so that differences fall exactly on them; continuous ones q = 10, p = 30, s = 20.
std::vector<PreferencePair> preferences(const Case& c, Preference::Kind kind) {
  std::vector<PreferencePair> out;
  for (size_t j = 0; j < c.kinds.size(); ++j) {
    const bool small = c.kinds[j] != Kind::Continuous;
    out.push_back(preference_of(kind, small ? 1 : 10, small ? 2 : 30, small ? 1 : 20));
  }
  return out;
}

/// A different function on each criterion.
std::vector<PreferencePair> mixed_preferences(const Case& c) {
  std::vector<PreferencePair> out;
  for (size_t j = 0; j < c.kinds.size(); ++j) {
    const bool small = c.kinds[j] != Kind::Continuous;
    out.push_back(
        preference_of(kKinds[j % kKinds.size()], small ? 1 : 10, small ? 2 : 30, small ? 1 : 20));
  }
  return out;
}

}  // namespace

// --- oracles -------------------------------------------------------------------------------

TEST_CASE("WSM, WPM and WASPAS agree with the reference, materialised or not", "[oracle]") {
  int compared = 0;
  for (const auto& shape : kShapes) {
    for (unsigned seed : kSeeds) {
      for (bool zero_weight : {false, true}) {
        const Case c = random_case(seed, shape, zero_weight);
        const auto& w = c.problem.weights;
        const size_t m = shape.cols;
        for (const Run how : kRuns) {
          CAPTURE(shape.rows, shape.cols, seed, zero_weight, how.materialize, how.contributions);
          for (auto n : {Normalization::None, Normalization::MinMax, Normalization::Max,
                         Normalization::Sum, Normalization::Vector, Normalization::Declared}) {
            CAPTURE(tradeoff::to_string(n));
            const auto expected_r = ref::normalize(c.x, c.criteria, ref_norm(n));
            const auto out = run(detail::run_wsm, c, n, true, how);
            check_all(out.scores, ref::wsm(expected_r, w), kRel, kAbs);
            check_all(detail::wsm_scores(
                          c.problem, detail::normalize(c.problem, n, "", true, how.materialize)),
                      out.scores, kRel, kAbs);
            if (how.contributions) {
              for (size_t i = 0; i < shape.rows; ++i) {
                CAPTURE(i);
                const auto parts = row_of(out.contributions, i, m);
                for (size_t j = 0; j < m; ++j) {
                  check_close(parts[j], w[j] * expected_r.sign[j] * expected_r.r[i][j], kRel, kAbs);
                }
                check_close(sum(parts), out.scores[i], kRel, kAbs);
              }
            }
            ++compared;
          }
          // Every raw value is positive: WPM takes the ratio normalisations and 'none'; a
          // vector-normalised cost of a single option is 0, which both sides refuse.
          for (auto n : {Normalization::Max, Normalization::None, Normalization::Sum,
                         Normalization::Vector}) {
            CAPTURE(tradeoff::to_string(n));
            const auto wpm_r = ref::normalize(c.x, c.criteria, ref_norm(n));
            std::vector<double> expected;
            try {
              expected = ref::wpm(wpm_r, w);
            } catch (const std::domain_error&) {
              CHECK_THROWS_AS(run(detail::run_wpm, c, n, true, how), tradeoff::Error);
              continue;
            }
            const auto wpm = run(detail::run_wpm, c, n, true, how);
            check_all(wpm.scores, expected, kRel, kAbs);
            if (how.contributions) {
              for (size_t i = 0; i < shape.rows; ++i) {
                for (size_t j = 0; j < m; ++j) {
                  check_close(wpm.contributions[i * m + j],
                              w[j] == 0 ? 0.0 : w[j] * wpm_r.sign[j] * std::log(wpm_r.r[i][j]),
                              kRel, kAbs);
                }
                check_close(sum(row_of(wpm.contributions, i, m)), std::log(wpm.scores[i]), kRel,
                            kAbs);
              }
            }
          }
          const auto expected_r = ref::normalize(c.x, c.criteria, ref::Norm::Max);
          for (double lambda : {0.0, 0.25, 0.5, 1.0}) {
            CAPTURE(lambda);
            MethodParams params;
            params.lambda = lambda;
            const auto out = run(detail::run_waspas, c, Normalization::Max, true, how, params);
            const auto expected = ref::waspas(c.x, c.criteria, w, lambda);
            check_all(out.scores, expected.score, kRel, kAbs);
            check_all(per_option(out.details, "wsm"), expected.wsm, kRel, kAbs);
            check_all(per_option(out.details, "wpm"), expected.wpm, kRel, kAbs);
            CHECK(figure(out.details, "lambda") == lambda);
            CHECK(out.higher_is_better);
            if (how.contributions) {
              // As WSM's: the weighted normalised values.
              for (size_t i = 0; i < shape.rows; ++i) {
                for (size_t j = 0; j < m; ++j) {
                  check_close(out.contributions[i * m + j], w[j] * expected_r.r[i][j], kRel, kAbs);
                }
              }
            }
          }
        }
      }
    }
  }
  CHECK(compared == static_cast<int>(kShapes.size() * kSeeds.size() * 2 * kRuns.size() * 6));
}

TEST_CASE("WASPAS takes a zero as a product of 0, where WPM refuses it", "[oracle]") {
  // Benefit c1 = [0, 2, 4] under max: [0, 0.5, 1]; cost c2 = [1, 2, 4]: [1, 0.5, 0.25].
  const auto p = tradeoff::test::make_problem({{0, 1}, {2, 2}, {4, 4}}, {1, 1}, {1});
  const ref::Matrix x = {{0, 1}, {2, 2}, {4, 4}};
  const std::vector<ref::Criterion> criteria = {{false, std::nullopt, {}},
                                                {true, std::nullopt, {}}};
  for (const Run how : kRuns) {
    CAPTURE(how.materialize, how.contributions);
    const auto r = detail::normalize(p, Normalization::Max, "", true, how.materialize);
    MethodParams params;
    params.contributions = how.contributions;
    params.lambda = 0.3;
    const auto out = detail::run_waspas(p, r, params);
    const auto expected = ref::waspas(x, criteria, p.weights, 0.3);
    check_all(out.scores, expected.score, kRel, kAbs);
    CHECK(per_option(out.details, "wpm")[0] == 0.0);
    // a1: 0.3 * (0.5 * 0 + 0.5 * 1) + 0.7 * 0 = 0.15
    check_close(out.scores[0], 0.15, kRel, kAbs);
    CHECK_THROWS_AS(detail::run_wpm(p, r, params), tradeoff::Error);
  }
}

// Regression: WASPAS takes a normalised 0 as a product of 0 ("the worst"). Under 'none' a cost
// counts with exponent -w, so a cost of 0 is the best value, and its product is infinite, not 0.
// Before, 'paid' (worse than 'free' on price, equal on quality) ranked first; now WASPAS refuses
// the zero cost like WPM, naming the cell.
TEST_CASE("WASPAS under 'none' refuses a zero cost, which would make its product infinite",
          "[regression][methods]") {
  const std::string yaml =
      R"(framework: f
title: t
version: 1.0.0
criteria:
  - {id: quality, name: Quality, direction: benefit, weight: 1}
  - {id: price, name: Price, direction: cost, weight: 1}
options:
  - {id: free, scores: {quality: 4, price: 0}}
  - {id: paid, scores: {quality: 4, price: 0.1}}
)";
  EvaluateOptions o;
  o.method = tradeoff::Method::Waspas;
  o.normalization = tradeoff::Normalization::None;
  const auto d = expect_error([&] { tradeoff::evaluate(load_text(yaml).framework, nullptr, o); });
  CHECK(d.message ==
        "option 'free' scores 0 on cost 'price', which the weighted product counts with a "
        "negative exponent: its product would be infinite");
  CHECK(d.hint == "normalise the costs first (--normalization max) or use --method wsm");
  CHECK(d.code == tradeoff::ErrorCode::MethodDomain);
  CHECK(d.where.line == 8);
  CHECK(d.where.column == 44);
  // A zero benefit still counts as the worst product, as before.
  const auto p = make_problem({{0, 1}, {2, 1}}, {1, 1});
  const auto out = detail::run_waspas(p, detail::normalize(p, Normalization::None), {});
  CHECK(per_option(out.details, "wpm")[0] == 0.0);
  CHECK(out.scores[0] < out.scores[1]);
}

TEST_CASE("TOPSIS agrees with the reference: closeness, distances, ideal and anti-ideal",
          "[oracle]") {
  for (const auto& shape : kShapes) {
    for (unsigned seed : kSeeds) {
      for (bool zero_weight : {false, true}) {
        const Case c = random_case(seed, shape, zero_weight);
        const auto& w = c.problem.weights;
        const size_t m = shape.cols;
        for (auto n : {Normalization::Vector, Normalization::MinMax, Normalization::Max,
                       Normalization::Sum}) {
          const auto expected = ref::topsis(c.x, c.criteria, w, ref_norm(n));
          for (const Run how : kRuns) {
            CAPTURE(shape.rows, shape.cols, seed, zero_weight, tradeoff::to_string(n),
                    how.materialize, how.contributions);
            // TOPSIS normalises without orienting costs: it finds the ideal itself.
            const auto out = run(detail::run_topsis, c, n, false, how);
            CHECK(out.higher_is_better);
            check_all(out.scores, expected.closeness, kRel, kAbs);
            check_all(per_option(out.details, "d_plus"), expected.d_plus, kRel, kAbs);
            check_all(per_option(out.details, "d_minus"), expected.d_minus, kRel, kAbs);
            check_all(per_criterion(out.details, "ideal"), expected.ideal, kRel, kAbs);
            check_all(per_criterion(out.details, "anti_ideal"), expected.anti_ideal, kRel, kAbs);
            if (how.contributions) {
              // The weighted value, costs mirrored (w_j - w_j r_ij) so that more is better.
              for (size_t i = 0; i < shape.rows; ++i) {
                for (size_t j = 0; j < m; ++j) {
                  const double v = expected.weighted[i][j];
                  check_close(out.contributions[i * m + j], c.criteria[j].cost ? w[j] - v : v, kRel,
                              kAbs);
                }
              }
            }
          }
        }
      }
    }
  }
}

TEST_CASE("VIKOR agrees with the reference: S, R, Q, conditions and compromise set", "[oracle]") {
  int compromises_of_one = 0;
  int compromises_of_two = 0;
  int compromises_of_more = 0;
  for (const auto& shape : kShapes) {
    for (unsigned seed : kSeeds) {
      for (bool zero_weight : {false, true}) {
        const Case c = random_case(seed, shape, zero_weight);
        const auto& w = c.problem.weights;
        const size_t m = shape.cols;
        for (double v : {0.0, 0.3, 0.5, 1.0}) {
          // The reference works on raw values; every affine normalisation gives the same
          // regrets (min-max is VIKOR's own, 'none' counts costs negatively).
          const auto expected = ref::vikor(c.x, c.criteria, w, v, c.ids);
          std::vector<std::string> expected_set;
          for (size_t i : expected.compromise) expected_set.push_back(c.ids[i]);
          for (auto n : {Normalization::MinMax, Normalization::None, Normalization::Vector}) {
            for (const Run how : kRuns) {
              CAPTURE(shape.rows, shape.cols, seed, zero_weight, v, tradeoff::to_string(n),
                      how.materialize, how.contributions);
              MethodParams params;
              params.v = v;
              const auto out = run(detail::run_vikor, c, n, true, how, params);
              CHECK_FALSE(out.higher_is_better);
              check_all(out.scores, expected.q, kRel, kAbs);
              check_all(per_option(out.details, "S"), expected.s, kRel, kAbs);
              check_all(per_option(out.details, "R"), expected.r, kRel, kAbs);
              check_all(per_option(out.details, "Q"), expected.q, kRel, kAbs);
              CHECK(figure(out.details, "v") == v);
              REQUIRE(figure(out.details, "dq").has_value());
              check_close(*figure(out.details, "dq"), expected.dq, kRel, kAbs);
              CHECK(condition(out.details, "acceptable_advantage") == expected.advantage);
              CHECK(condition(out.details, "acceptable_stability") == expected.stability);
              CHECK(out.details.compromise_set == expected_set);
              if (how.contributions) {
                // Minus the weighted regret; they add up to -S.
                for (size_t i = 0; i < shape.rows; ++i) {
                  for (size_t j = 0; j < m; ++j) {
                    check_close(out.contributions[i * m + j], -expected.terms[i][j], kRel, kAbs);
                  }
                  check_close(sum(row_of(out.contributions, i, m)), -expected.s[i], kRel, kAbs);
                }
              }
            }
          }
          const size_t size = expected.compromise.size();
          (size == 1 ? compromises_of_one : size == 2 ? compromises_of_two : compromises_of_more)++;
        }
      }
    }
  }
  // The random cases reach every branch of the compromise set.
  CHECK(compromises_of_one > 0);
  CHECK(compromises_of_two > 0);
  CHECK(compromises_of_more > 0);
}

TEST_CASE("VIKOR's conditions and compromise set follow the README's definitions", "[oracle]") {
  struct Example {
    const char* name;
    std::vector<std::vector<double>> rows;
    std::vector<double> weights;
    double v;
    bool advantage;
    bool stability;
    std::vector<std::string> set;
  };
  // Two benefit criteria of equal weight unless said otherwise; minmax regrets.
  const std::vector<Example> examples = {
      // a1 best on both: S = [0, 1], R = [0, 0.5], Q = [0, 1]; DQ = 1.
      {"a clear winner", {{2, 2}, {1, 1}}, {1, 1}, 0.5, true, true, {"a1"}},
      // S = [0.5, 0.5, 1], R = [0.5, 0.5, 0.5]: Q = [0, 0, 0.5]; DQ = 0.5: advantage fails,
      // and the set holds every option with Q - Q(a1) < 0.5.
      {"a tie for first", {{1, 2}, {2, 1}, {1, 1}}, {1, 1}, 0.5, false, true, {"a1", "a2"}},
      // Weights 0.6, 0.4. a1 = (10, 0): S = 0.4, R = 0.4. a2 = (0, 10): S = 0.6, R = 0.6.
      // a3 = (9, 1): S = 0.06 + 0.36 = 0.42, R = 0.36.
      // v = 1: Q = (S - 0.4) / 0.2 = [0, 1, 0.1]: a1 first, a3 second (0.1 < DQ = 0.5).
      {"advantage fails, by S alone",
       {{10, 0}, {0, 10}, {9, 1}},
       {0.6, 0.4},
       1.0,
       false,
       true,
       {"a1", "a3"}},
      // v = 0: Q = (R - 0.36) / 0.24 = [1/6, 1, 0]: a3 first, a1 second: 1/6 < 0.5.
      {"advantage fails, by R alone",
       {{10, 0}, {0, 10}, {9, 1}},
       {0.6, 0.4},
       0.0,
       false,
       true,
       {"a3", "a1"}},
  };
  for (const auto& e : examples) {
    CAPTURE(e.name);
    const auto p = tradeoff::test::make_problem(e.rows, e.weights);
    MethodParams params;
    params.v = e.v;
    const auto out = detail::run_vikor(p, detail::normalize(p, Normalization::MinMax), params);
    CHECK(condition(out.details, "acceptable_advantage") == e.advantage);
    CHECK(condition(out.details, "acceptable_stability") == e.stability);
    CHECK(out.details.compromise_set == e.set);
  }
}

TEST_CASE("VIKOR's compromise set is the two best when only stability fails", "[oracle]") {
  // Benefit criteria, weights 0.3, 0.4, 0.3, v = 0.7; columns range over [1, 8], [1, 9], [2, 8].
  //   a2 = (2, 9, 5): terms 0.3 * 6/7, 0, 0.3 * 3/6   S = 0.407143  R = 0.257143
  //   a5 = (8, 1, 8): terms 0, 0.4, 0                 S = 0.4       R = 0.4
  //   a1 = (5, 4, 3): terms 0.3 * 3/7, 0.4 * 5/8, 0.3 * 5/6   S = 0.628571  R = 0.25
  // S* = 0.4 (a5), S- = 0.75 (a4), R* = 0.25 (a1), R- = 0.4.
  // Q(a2) = 0.7 * 0.007143/0.35 + 0.3 * 0.007143/0.15 = 0.028571; Q(a5) = 0.3 * 1 = 0.3.
  // a2 leads a5 by 0.271 >= DQ = 0.2, but is best neither by S (a5) nor by R (a1).
  const auto p = tradeoff::test::make_problem(
      {{5, 4, 3}, {2, 9, 5}, {6, 1, 5}, {1, 6, 2}, {8, 1, 8}, {7, 1, 5}}, {3, 4, 3});
  MethodParams params;
  params.v = 0.7;
  const auto out = detail::run_vikor(p, detail::normalize(p, Normalization::MinMax), params);
  check_close(per_option(out.details, "S")[1], 0.3 * 6 / 7 + 0.15, kRel, kAbs);
  check_close(per_option(out.details, "R")[1], 0.3 * 6 / 7, kRel, kAbs);
  check_close(out.scores[1],
              0.7 * (0.3 * 6 / 7 + 0.15 - 0.4) / 0.35 + 0.3 * (0.3 * 6 / 7 - 0.25) / 0.15, kRel,
              kAbs);
  check_close(out.scores[4], 0.3, kRel, kAbs);
  CHECK(condition(out.details, "acceptable_advantage") == true);
  CHECK(condition(out.details, "acceptable_stability") == false);
  CHECK(out.details.compromise_set == std::vector<std::string>{"a2", "a5"});
  const auto expected = ref::vikor(
      {{5, 4, 3}, {2, 9, 5}, {6, 1, 5}, {1, 6, 2}, {8, 1, 8}, {7, 1, 5}},
      std::vector<ref::Criterion>(3), p.weights, 0.7, {"a1", "a2", "a3", "a4", "a5", "a6"});
  CHECK(expected.compromise == std::vector<size_t>{1, 4});
  CHECK_FALSE(expected.stability);
  check_all(out.scores, expected.q, kRel, kAbs);
}

// Regression: VIKOR divides S - S* by S- - S* (and R likewise) and only treats an exact 0 as "no
// range". When every option's S is the same in exact arithmetic but the sums round differently,
// the spread is ~1e-16 and the quotient of two rounding errors becomes a Q of 0 or 0.5 (1 - v).
// Four options that are rotations of the same judged scores, on four equally weighted benefit
// criteria: every option is alike (S = 1/2 and R = 1/4 for all), so every Q should be 0, all
// four rank first, and the compromise set holds all four (advantage fails: 0 < DQ = 1/3).
TEST_CASE("VIKOR: rounding noise in S or R is no spread: alike options all get Q = 0",
          "[regression][methods]") {
  const std::string yaml =
      R"(framework: rotations
title: Four rotations of the same scores
version: 1.0.0
criteria:
  - {id: c1, name: C1, direction: benefit, scale: [1, 9], weight: 1}
  - {id: c2, name: C2, direction: benefit, scale: [1, 9], weight: 1}
  - {id: c3, name: C3, direction: benefit, scale: [1, 9], weight: 1}
  - {id: c4, name: C4, direction: benefit, scale: [1, 9], weight: 1}
options:
  - {id: a1, scores: {c1: 3, c2: 9, c3: 8, c4: 8}}
  - {id: a2, scores: {c1: 9, c2: 8, c3: 8, c4: 3}}
  - {id: a3, scores: {c1: 8, c2: 8, c3: 3, c4: 9}}
  - {id: a4, scores: {c1: 8, c2: 3, c3: 9, c4: 8}}
method: {name: vikor}
)";
  const auto r = tradeoff::evaluate(load_text(yaml).framework, nullptr);
  // Before: Q = 0, 0.5, 0.5, 0; a2 and a3 ranked 3rd; compromise set {a1, a4}.
  for (const auto& o : r.options) {
    CAPTURE(o.id);
    CHECK(o.score == 0.0);
    CHECK(o.rank == 1);
  }
  CHECK(r.details.compromise_set == std::vector<std::string>{"a1", "a2", "a3", "a4"});
  // The same with 'none' on integer scores 1..4 (before: Q = 0, 0.5, 0.5, 0 again).
  const auto p =
      make_problem({{1, 2, 3, 4}, {2, 3, 4, 1}, {3, 4, 1, 2}, {4, 1, 2, 3}}, {1, 1, 1, 1});
  const auto out = detail::run_vikor(p, detail::normalize(p, Normalization::None), {});
  for (double q : out.scores) CHECK(q == 0.0);
}

// Regression: turning contributions off (or not materialising the matrix) switches VIKOR to another
// arithmetic path (c_j + d_j x in one pass); with the noise above, that changed the scores.
// Three rotations of (1, 1.7, 2.4), equal weights, min-max, not materialised: with
// contributions Q = 0.5, 0.5, 0 and compromise {a3}; without, Q = 0, 0, 0 and {a1, a2, a3}.
TEST_CASE("VIKOR: contributions on or off give the same scores", "[regression][methods]") {
  const auto p = make_problem({{1, 1.7, 2.4}, {1.7, 2.4, 1}, {2.4, 1, 1.7}}, {1, 1, 1});
  const auto r = detail::normalize(p, Normalization::MinMax, "", true, false);
  detail::MethodParams on;
  detail::MethodParams off;
  off.contributions = false;
  const auto with = detail::run_vikor(p, r, on);
  const auto without = detail::run_vikor(p, r, off);
  CHECK(with.scores == without.scores);
  CHECK(with.details.compromise_set == without.details.compromise_set);
}

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

TEST_CASE("TOPSIS on a hand-computed example", "[oracle]") {
  // Benefit c1 = [3, 4] (vector norm 5: 0.6, 0.8), cost c2 = [8, 6] (norm 10: 0.8, 0.6, not
  // mirrored), equal weights: v = [[0.3, 0.4], [0.4, 0.3]]. Ideal (0.4, 0.3): the largest
  // benefit, the smallest cost; anti-ideal (0.3, 0.4).
  // a1: D+ = sqrt(0.02), D- = 0 -> 0; a2: D+ = 0, D- = sqrt(0.02) -> 1.
  const auto p = tradeoff::test::make_problem({{3, 8}, {4, 6}}, {1, 1}, {1});
  for (bool materialize : {true, false}) {
    CAPTURE(materialize);
    const auto out = detail::run_topsis(
        p, detail::normalize(p, Normalization::Vector, "", false, materialize), {});
    check_all(per_criterion(out.details, "ideal"), {0.4, 0.3}, kRel, kAbs);
    check_all(per_criterion(out.details, "anti_ideal"), {0.3, 0.4}, kRel, kAbs);
    check_all(per_option(out.details, "d_plus"), {std::sqrt(0.02), 0}, kRel, kAbs);
    check_all(per_option(out.details, "d_minus"), {0, std::sqrt(0.02)}, kRel, kAbs);
    check_all(out.scores, {0, 1}, kRel, kAbs);
    // Contributions: the weighted value, the cost mirrored: a1 (0.3, 0.5 - 0.4).
    check_all(row_of(out.contributions, 0, 2), {0.3, 0.1}, kRel, kAbs);
  }
}

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
