// The methods at the ends of the double range (methods/method.hpp): scores near 1e308, 1e200,
// 1e-200 and subnormal, weights near 1e-300; the located refusals of what no double holds; the
// Gaussian PROMETHEE limits; and the oracle property that rescaling a matrix by 1e+-150 (and
// further) changes no scale-invariant ranking and makes no figure NaN.
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "frameworks.hpp"
#include "methods/method.hpp"
#include "normalize/normalize.hpp"
#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/evaluator.hpp"

using tradeoff::ErrorCode;
using tradeoff::Method;
using tradeoff::Normalization;
using tradeoff::detail::DecisionProblem;
using tradeoff::detail::MethodOutput;
using tradeoff::detail::MethodParams;
using tradeoff::detail::normalize;
using tradeoff::detail::Preference;
using tradeoff::test::brief;
using tradeoff::test::check_all;
using tradeoff::test::choose;
using tradeoff::test::evaluate_text;
using tradeoff::test::expect_error;
using tradeoff::test::make_problem;
namespace detail = tradeoff::detail;

namespace {

/// Runs `method` on `p` under `n` with contributions and details.
MethodOutput run(Method method, const DecisionProblem& p, Normalization n,
                 MethodParams params = {}) {
  const auto& info = detail::method_info(method);
  return detail::run_method(info, p, normalize(p, n, "", info.oriented), params);
}

/// No figure of `out` is NaN or infinite.
void check_finite(const MethodOutput& out) {
  for (double v : out.scores) CHECK(std::isfinite(v));
  for (double v : out.contributions) CHECK(std::isfinite(v));
  for (const auto& [name, values] : out.details.per_option) {
    CAPTURE(name);
    for (double v : values) CHECK(std::isfinite(v));
  }
  for (const auto& [name, values] : out.details.per_criterion) {
    CAPTURE(name);
    for (double v : values) CHECK(std::isfinite(v));
  }
}

/// Options x, y, z: A = 1.7e308, -1.7e308, 0 and B = 1, 2, 3 (the issue's example).
const char* kHugeYaml = R"(framework: huge
title: Huge scores
version: 1.0.0
criteria:
  - {id: a, name: A, direction: benefit, weight: 1}
  - {id: b, name: B, direction: benefit, weight: 1}
options:
  - {id: x, scores: {a: 1.7e308, b: 1}}
  - {id: y, scores: {a: -1.7e308, b: 2}}
  - {id: z, scores: {a: 0, b: 3}}
)";

}  // namespace

// --- the issue's examples ----------------------------------------------------------------------

TEST_CASE("scores of plus and minus 1.7e308 rank, and nothing is NaN", "[methods][numeric]") {
  const auto r = evaluate_text(kHugeYaml);
  REQUIRE(r.ranking.size() == 3);
  // min-max: A -> 1, 0, 0.5 (its range, 3.4e308, overflows); B -> 0, 0.5, 1.
  CHECK(r.ranking[0].option == "z");
  CHECK(r.ranking[0].score == 0.75);
  CHECK(r.ranking[1].option == "x");
  CHECK(r.ranking[1].score == 0.5);
  CHECK(r.ranking[2].option == "y");
  CHECK(r.ranking[2].score == 0.25);
  tradeoff::test::check_finite(r);
  // Every method and normalisation either ranks without NaN or refuses with a located error.
  for (const auto& o : tradeoff::test::all_choices()) {
    CAPTURE(tradeoff::test::choices_of(o));
    try {
      tradeoff::test::check_finite(evaluate_text(kHugeYaml, o));
    } catch (const tradeoff::Error& e) {
      const auto& d = e.diagnostics().front();
      CHECK((d.code == ErrorCode::MethodDomain || d.code == ErrorCode::Usage));
      if (d.code == ErrorCode::MethodDomain) CHECK(d.where.line > 0);
    }
  }
}

TEST_CASE("TOPSIS on values near 1e200 and 1e-200 ranks as on ordinary values",
          "[methods][numeric]") {
  const auto ordinary = make_problem({{3, 1}, {2, 2}, {1, 3}}, {1, 1}, {1});
  const auto extreme =
      make_problem({{3e200, 1e-200}, {2e200, 2e-200}, {1e200, 3e-200}}, {1, 1}, {1});
  for (auto n :
       {Normalization::Vector, Normalization::MinMax, Normalization::Max, Normalization::Sum}) {
    CAPTURE(tradeoff::to_string(n));
    const auto expected = run(Method::Topsis, ordinary, n);
    const auto got = run(Method::Topsis, extreme, n);
    check_finite(got);
    check_all(got.scores, expected.scores, 1e-12);
  }
  // Closeness 1, 1/2, 0: the first option is ideal on both criteria.
  CHECK(run(Method::Topsis, extreme, Normalization::Vector).scores ==
        std::vector<double>{1, 0.5, 0});
}

TEST_CASE("TOPSIS distances made of weights near 1e-300 do not underflow", "[methods][numeric]") {
  // The heavy criterion is constant: only the light one separates the options, by differences
  // whose squares (1e-600) underflow.
  auto p = make_problem({{5, 1}, {5, 2}, {5, 3}}, {1, 1});
  p.weights = {1, 1e-300};
  const auto out = run(Method::Topsis, p, Normalization::Vector);
  check_finite(out);
  CHECK(out.scores[0] == 0);
  CHECK_THAT(out.scores[1], Catch::Matchers::WithinAbs(0.5, 1e-15));
  CHECK(out.scores[2] == 1);
}

// --- what no double holds ----------------------------------------------------------------------

TEST_CASE("the weighted sum refuses differences and sums no double holds", "[methods][numeric]") {
  SECTION("raw scores of 1.7e308 and -1.7e308, weighted, differ by 3.4e308") {
    const auto d = expect_error([] {
      evaluate_text(R"(framework: margin
title: Margin
version: 1.0.0
criteria:
  - {id: a, name: A, direction: benefit, weight: 1}
options:
  - {id: x, scores: {a: 1.7e308}}
  - {id: y, scores: {a: -1.7e308}}
)",
                    choose("wsm", "none"));
    });
    CHECK(brief(d) ==
          "7:25: options 'x' and 'y' score 1.7e+308 and -1.7e+308 on 'a': weighted, they differ "
          "by more than the largest number");
    CHECK(d.code == ErrorCode::MethodDomain);
    CHECK(d.hint == "normalise the scores, e.g. --normalization minmax");
  }
  SECTION("a sum that rounds past the largest double") {
    const double max = std::numeric_limits<double>::max();
    auto p = make_problem({{max, max}, {1, 1}}, {1, 1});
    p.weights = {0.75, 0.5};  // the API does not check that shares sum to 1
    const tradeoff::SourceLocation at{"f.yaml", 3, 7};
    p.where = {&at, &at, nullptr, nullptr};
    const auto d = expect_error([&] { run(Method::Wsm, p, Normalization::None); });
    CHECK(brief(d) ==
          "3:7: the weighted sum of option 'a1' is too large to represent (it scores "
          "1.79769e+308 on 'c1')");
  }
}

TEST_CASE("the weighted product takes the logarithms of ratios that underflow",
          "[methods][numeric]") {
  // x / max: 1e-300 / 1e300 = 1e-600 underflows to 0, but its logarithm is -1381.55.
  const auto p = make_problem({{1e-300, 1}, {1e300, 1e-10}, {1e-100, 1e-5}}, {1, 1});
  const auto wpm = run(Method::Wpm, p, Normalization::Max);
  check_finite(wpm);
  check_all(wpm.scores, {1e-300, 1e-5, 1e-200 * std::sqrt(1e-5)}, 1e-12, 0);
  // Row by row: 0.5 ln(x / 1e300) and 0.5 ln(x / 1).
  const double big = std::log(1e300);
  check_all(wpm.contributions,
            {0.5 * (std::log(1e-300) - big), 0, 0, 0.5 * std::log(1e-10),
             0.5 * (std::log(1e-100) - big), 0.5 * std::log(1e-5)},
            1e-12, 0);
  const auto waspas = run(Method::Waspas, p, Normalization::Max);
  check_finite(waspas);
  // WASPAS's product of the first option is 1e-300, not 0 (a zero would make it the worst).
  CHECK_THAT(waspas.details.per_option[1].second[0], Catch::Matchers::WithinRel(1e-300, 1e-12));
}

TEST_CASE("the weighted product refuses a product beyond the largest double",
          "[methods][numeric]") {
  const auto d = expect_error([] {
    evaluate_text(R"(framework: wpmsub
title: WPM
version: 1.0.0
criteria:
  - {id: a, name: A, direction: benefit, weight: 1}
  - {id: b, name: B, direction: cost, weight: 1000}
options:
  - {id: x, scores: {a: 5, b: 1e-320}}
  - {id: y, scores: {a: 5, b: 2}}
)",
                  choose("wpm", "none"));
  });
  CHECK(brief(d) ==
        "8:31: the weighted product of option 'x' is too large to represent (e^736.1); its score "
        "on 'b' is 9.99989e-321");
  CHECK(d.hint == "normalise the scores first, e.g. --normalization max");
  // Below the smallest double a product is 0: alone, it still ranks last; two would tie.
  const std::string tiny = R"(framework: wpmtiny
title: WPM
version: 1.0.0
criteria:
  - {id: a, name: A, direction: benefit, weight: 1}
options:
  - {id: x, scores: {a: 1e-300}}
  - {id: y, scores: {a: 1e308}}
)";
  const auto alone = evaluate_text(tiny, choose("wpm", "max"));
  CHECK(alone.ranking[0].option == "y");
  CHECK(alone.ranking[1].option == "x");
  CHECK(alone.ranking[1].score == 0);
  const auto small = expect_error(
      [&] { evaluate_text(tiny + "  - {id: w, scores: {a: 1e-299}}\n", choose("wpm", "max")); });
  CHECK(brief(small) ==
        "9:25: the weighted products of options 'x' and 'w' are too small to represent "
        "(e^-1400.0 and e^-1397.7): both would be 0, and tie; 'w' scores 1e-299 on 'a'");
  CHECK(small.hint == "the weighted sum accepts it: --method wsm");
}

// --- VIKOR and PROMETHEE II on raw values -------------------------------------------------------

TEST_CASE("VIKOR on raw values whose range overflows", "[methods][numeric]") {
  const auto p = make_problem({{1.7e308, 1}, {-1.7e308, 2}, {0, 3}}, {1, 1});
  const auto none = run(Method::Vikor, p, Normalization::None);
  check_finite(none);
  check_all(none.scores, run(Method::Vikor, p, Normalization::MinMax).scores, 1e-15);
  check_all(none.scores, {0.75, 1, 0}, 1e-15);
}

TEST_CASE("PROMETHEE II on values and thresholds near 1e308 and 1e-300", "[methods][numeric]") {
  using Kind = Preference::Kind;
  const std::vector<std::vector<double>> rows = {{3, 10}, {7, 2}, {1, 5}, {6, 6}, {2, 9}};
  const std::vector<Preference> functions = {
      {Kind::Usual, 0, 0, 0}, {Kind::UShape, 1, 0, 0}, {Kind::VShape, 0, 4, 0},
      {Kind::Level, 1, 3, 0}, {Kind::Linear, 1, 5, 0}, {Kind::Gaussian, 0, 0, 2},
  };
  // Powers of two: 2^1015 x 10 is near 4e306 (the prefix sums of five would overflow), and
  // 2^-1000 x s puts 2 s^2 near 1e-600.
  for (int e : {1015, -1000}) {
    for (const auto& f : functions) {
      CAPTURE(e, static_cast<int>(f.kind));
      std::vector<std::vector<double>> scaled = rows;
      for (auto& row : scaled) {
        for (auto& v : row) v = std::ldexp(v, e);
      }
      MethodParams plain;
      plain.preference = {f, f};
      MethodParams units = plain;
      for (auto& pref : units.preference) {
        pref.q = std::ldexp(pref.q, e);
        pref.p = std::ldexp(pref.p, e);
        pref.s = std::ldexp(pref.s, e);
      }
      const auto expected =
          run(Method::Promethee2, make_problem(rows, {1, 1}, {1}), Normalization::None, plain);
      const auto got =
          run(Method::Promethee2, make_problem(scaled, {1, 1}, {1}), Normalization::None, units);
      check_finite(got);
      check_all(got.scores, expected.scores, 1e-12, 1e-15);
    }
  }
}

TEST_CASE("a preference slope too narrow to see beside the values is a step",
          "[methods][numeric]") {
  const auto p = make_problem({{1e308}, {0}, {-1e308}}, {1});
  MethodParams linear;
  linear.preference = {{Preference::Kind::Linear, 0, 1e-300, 0}};
  const auto out = run(Method::Promethee2, p, Normalization::None, linear);
  CHECK(out.scores == run(Method::Promethee2, p, Normalization::None).scores);
  CHECK(out.scores == std::vector<double>{1, 0, -1});
}

// --- the Gaussian preference's cost ------------------------------------------------------------

namespace {

/// `n` options on `gaussian` Gaussian criteria (written at f.yaml:9:5), plus one usual one.
DecisionProblem gaussian_problem(size_t n, size_t gaussian, MethodParams& params,
                                 const tradeoff::SourceLocation& at) {
  std::vector<std::vector<double>> rows(n, std::vector<double>(gaussian + 1, 0.0));
  for (size_t i = 0; i < n; ++i) {
    for (auto& v : rows[i]) v = static_cast<double>(i % 97);
  }
  params.preference.assign(gaussian + 1, Preference{});
  for (size_t j = 0; j < gaussian; ++j)
    params.preference[j] = {Preference::Kind::Gaussian, 0, 0, 5, &at};
  return make_problem(rows, std::vector<double>(gaussian + 1, 1.0));
}

}  // namespace

TEST_CASE("the Gaussian preference is refused past 400 million comparisons", "[methods][numeric]") {
  const tradeoff::SourceLocation at{"f.yaml", 9, 5};
  struct Case {
    size_t options;
    size_t gaussian;
    const char* message;
  };
  const std::vector<Case> cases = {
      {20001, 1,
       "9:5: the Gaussian preference compares every pair of options: 20,001 options on 1 "
       "Gaussian criterion make 400,040,001 comparisons, more than the limit of 400,000,000"},
      {14143, 2,
       "9:5: the Gaussian preference compares every pair of options: 14,143 options on 2 "
       "Gaussian criteria make 400,048,898 comparisons, more than the limit of 400,000,000"},
  };
  for (const auto& c : cases) {
    MethodParams params;
    const auto p = gaussian_problem(c.options, c.gaussian, params, at);
    const auto d = expect_error([&] { run(Method::Promethee2, p, Normalization::None, params); });
    CHECK(brief(d) == c.message);
    CHECK(d.code == ErrorCode::MethodDomain);
    CHECK(d.hint ==
          "use a linear preference (function: linear, with q and p), which takes O(m log m)");
  }
}

TEST_CASE("the Gaussian preference warns past 25 million comparisons", "[methods][numeric]") {
  const tradeoff::SourceLocation at{"f.yaml", 9, 5};
  MethodParams params;
  auto p = gaussian_problem(5001, 1, params, at);
  const auto out = run(Method::Promethee2, p, Normalization::None, params);
  REQUIRE(out.warnings.size() == 1);
  CHECK(brief(out.warnings[0]) ==
        "9:5: the Gaussian preference compares every pair of options: 5,001 options on 1 "
        "Gaussian criterion make 25,010,001 comparisons, which takes seconds (the limit is "
        "400,000,000)");
  CHECK(out.warnings[0].severity == tradeoff::Severity::Warning);
  // Untraced runs (the evaluator's) say nothing; a criterion without weight does not count.
  params.details = false;
  CHECK(run(Method::Promethee2, p, Normalization::None, params).warnings.empty());
  params.details = true;
  p.weights[0] = 0;
  CHECK(run(Method::Promethee2, p, Normalization::None, params).warnings.empty());
}

TEST_CASE("the Gaussian preference's warning reaches the result", "[methods][numeric]") {
  std::vector<std::vector<double>> x(5001, std::vector<double>(1));
  std::vector<std::string> ids;
  for (size_t i = 0; i < x.size(); ++i) {
    x[i][0] = static_cast<double>(i % 97);
    ids.push_back("o" + std::to_string(i));
  }
  auto fw = tradeoff::test::framework_of(x, {false}, {1}, ids);
  fw.method.name = Method::Promethee2;
  tradeoff::PreferenceFunction gaussian;
  gaussian.function = tradeoff::PreferenceShape::Gaussian;
  gaussian.s = 5;
  gaussian.where = {"random.yaml", 12, 7};
  fw.method.preference = {gaussian};
  const auto r = tradeoff::evaluate(fw, nullptr);
  REQUIRE(r.warnings.size() == 1);
  CHECK(brief(r.warnings[0]) ==
        "12:7: the Gaussian preference compares every pair of options: 5,001 options on 1 "
        "Gaussian criterion make 25,010,001 comparisons, which takes seconds (the limit is "
        "400,000,000)");
  CHECK(r.warnings[0].where.file == "random.yaml");
}

// --- values set through the re-evaluation API ---------------------------------------------------

TEST_CASE("the evaluator refuses scores and weights that are not finite numbers",
          "[methods][numeric]") {
  const auto loaded = tradeoff::test::load_text(kHugeYaml);
  for (double bad :
       {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    CAPTURE(bad);
    tradeoff::Evaluator score(loaded.framework, nullptr);
    score.set_score(1, 1, bad);
    const auto d = expect_error([&] { score.run(); });
    CHECK(d.where.line == 9);
    CHECK(d.where.column == 38);
    CHECK(d.message.rfind("the score of 'y' on 'b' is not a finite number (", 0) == 0);
    tradeoff::Evaluator weight(loaded.framework, nullptr);
    weight.set_weight(0, bad);
    const auto w = expect_error([&] { weight.run(); });
    CHECK(w.where.line == 5);
    CHECK(w.where.column == 50);
    CHECK(w.message.rfind("the weight of 'a' must be a finite non-negative number, got ", 0) == 0);
  }
  // A vetoed option's scores are in the result too.
  const auto vetoing = tradeoff::test::load_text(std::string(kHugeYaml) + R"(rules:
  - {id: no_y, when: true, veto: y, because: testing}
)");
  tradeoff::Evaluator vetoed(vetoing.framework, nullptr);
  vetoed.set_score(1, 0, std::numeric_limits<double>::infinity());
  CHECK(brief(expect_error([&] { vetoed.run(); })) ==
        "9:25: the score of 'y' on 'a' is not a finite number (inf)");
  tradeoff::Evaluator negative(loaded.framework, nullptr);
  negative.set_weight(1, -1);
  CHECK(expect_error([&] { negative.run(); }).message ==
        "the weight of 'b' must be a finite non-negative number, got -1");
}

// --- the oracle property ------------------------------------------------------------------------

namespace {

/// A seeded random matrix: columns continuous in [1, 100] or integers 1..5, mixed directions.
DecisionProblem random_problem(unsigned seed, size_t n, size_t m) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> continuous(1.0, 100.0);
  std::uniform_int_distribution<int> integer(1, 5);
  std::uniform_real_distribution<double> weight(0.05, 1.0);
  std::vector<std::vector<double>> rows(n, std::vector<double>(m));
  std::vector<double> weights;
  std::vector<size_t> cost;
  for (size_t j = 0; j < m; ++j) {
    const bool whole = rng() % 3 == 0;
    for (size_t i = 0; i < n; ++i) {
      rows[i][j] = whole ? static_cast<double>(integer(rng)) : continuous(rng);
    }
    weights.push_back(weight(rng));
    if (rng() % 2 == 0) cost.push_back(j);
  }
  return make_problem(rows, weights, cost);
}

/// Every pair of options that `expected` tells apart (by more than rounding) is in the same
/// order in `got`.
void check_same_order(const std::vector<double>& got, const std::vector<double>& expected) {
  for (size_t a = 0; a < expected.size(); ++a) {
    for (size_t b = 0; b < expected.size(); ++b) {
      const double gap = expected[a] - expected[b];
      if (gap <= 1e-9 * std::max(std::fabs(expected[a]), std::fabs(expected[b]))) continue;
      CAPTURE(a, b, expected[a], expected[b], got[a], got[b]);
      CHECK(got[a] > got[b]);
    }
  }
}

}  // namespace

TEST_CASE("rescaling the matrix by 1e+-150 and beyond changes no scale-invariant ranking",
          "[methods][numeric][oracle]") {
  const std::vector<double> factors = {1e150, 1e-150, 1e200, 1e-200, 1e300, 1e-300, 1e306, 1e-310};
  for (unsigned seed : {7u, 42u, 2025u}) {
    for (auto [n, m] : {std::pair<size_t, size_t>{2, 3}, {7, 4}, {40, 6}}) {
      const DecisionProblem p = random_problem(seed * 31 + static_cast<unsigned>(n), n, m);
      for (const auto& info : detail::methods()) {
        for (const auto& name : tradeoff::normalization_names()) {
          const Normalization norm = *tradeoff::parse_normalization(name);
          const bool allowed = info.allowed.empty() ||
                               std::count(info.allowed.begin(), info.allowed.end(), norm) > 0;
          // WASPAS mixes a sum that scales by c with a product that scales by a power of c.
          if (!allowed || (info.id == Method::Waspas && norm == Normalization::None)) continue;
          MethodOutput expected;
          try {
            expected = run(info.id, p, norm);
          } catch (const tradeoff::Error&) {
            continue;  // outside the method's domain (min-max zeros under WPM, say)
          }
          for (double c : factors) {
            CAPTURE(seed, n, info.name, name, c);
            DecisionProblem scaled = p;
            for (auto& v : scaled.values) v *= c;
            MethodOutput got;
            try {
              got = run(info.id, scaled, norm);
            } catch (const tradeoff::Error& e) {
              // Raw products (WPM under `none`) of values near 1e-310 can pass the largest
              // double: refused, never infinite.
              CHECK(info.id == Method::Wpm);
              CHECK(norm == Normalization::None);
              CHECK(e.diagnostics().front().message.find("too large to represent") !=
                    std::string::npos);
              continue;
            }
            check_finite(got);
            const double sense = info.id == Method::Vikor ? -1 : 1;
            std::vector<double> a = got.scores;
            std::vector<double> b = expected.scores;
            for (auto& v : a) v *= sense;
            for (auto& v : b) v *= sense;
            check_same_order(a, b);
          }
        }
      }
    }
  }
}

TEST_CASE("no evaluation of a rescaled matrix has a NaN or infinite figure",
          "[methods][numeric][oracle]") {
  const DecisionProblem p = random_problem(11, 6, 4);
  std::vector<std::vector<double>> x(p.rows(), std::vector<double>(p.cols()));
  std::vector<bool> cost;
  std::vector<std::string> ids = p.options;
  for (size_t j = 0; j < p.cols(); ++j) {
    cost.push_back(p.criteria[j].direction == tradeoff::Direction::Cost);
  }
  for (double c : {1e150, 1e-150, 1e300, 1e-300, 1.7e308 / 100, 1e-320}) {
    for (size_t i = 0; i < p.rows(); ++i) {
      for (size_t j = 0; j < p.cols(); ++j) x[i][j] = p.at(i, j) * c;
    }
    const auto fw = tradeoff::test::framework_of(x, cost, p.weights, ids);
    for (const auto& o : tradeoff::test::all_choices()) {
      CAPTURE(c, tradeoff::test::choices_of(o));
      if (const auto r = tradeoff::test::try_evaluate(fw, o)) tradeoff::test::check_finite(*r);
    }
  }
}
