// Normalisation (normalize.hpp): every formula for benefit and cost columns, value functions,
// declared scales, domain errors, and no NaN for degenerate columns.
#include "normalize/normalize.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "frameworks.hpp"
#include "methods/method.hpp"
#include "test_support.hpp"

using Catch::Matchers::WithinAbs;
using tradeoff::Direction;
using tradeoff::ErrorCode;
using tradeoff::Normalization;
using tradeoff::ValueFunction;
using tradeoff::detail::apply_value_function;
using tradeoff::detail::DecisionProblem;
using tradeoff::detail::normalize;
using tradeoff::detail::NormalizedMatrix;
using tradeoff::detail::run_wpm;
using tradeoff::test::expect_error;
using tradeoff::test::make_problem;

namespace {

constexpr double kEps = 1e-12;

/// Column j of a normalised matrix.
std::vector<double> column(const NormalizedMatrix& r, size_t cols, size_t j) {
  std::vector<double> out;
  for (size_t i = j; i < r.values.size(); i += cols) out.push_back(r.values[i]);
  return out;
}

void check_column(const NormalizedMatrix& r, size_t cols, size_t j,
                  const std::vector<double>& expected) {
  const auto got = column(r, cols, j);
  REQUIRE(got.size() == expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    CAPTURE(j, i);
    CHECK_THAT(got[i], WithinAbs(expected[i], kEps));
  }
}

bool has_nan(const NormalizedMatrix& r) {
  for (double v : r.values) {
    if (!std::isfinite(v)) return true;
  }
  return false;
}

ValueFunction vf(std::vector<std::pair<double, double>> points) {
  ValueFunction f;
  f.points = std::move(points);
  return f;
}

// Benefit column c1 = [2, 4, 8], cost column c2 = [1, 2, 4].
DecisionProblem mixed() { return make_problem({{2, 1}, {4, 2}, {8, 4}}, {1, 1}, {1}); }

}  // namespace

TEST_CASE("none keeps the raw values and marks cost columns with sign -1", "[normalize]") {
  const auto r = normalize(mixed(), Normalization::None);
  check_column(r, 2, 0, {2, 4, 8});
  check_column(r, 2, 1, {1, 2, 4});
  CHECK(r.sign == std::vector<double>{1.0, -1.0});
  CHECK(r.how == std::vector<std::string>{"none (raw)", "none (raw)"});
}

TEST_CASE("minmax maps the worst to 0 and the best to 1", "[normalize]") {
  const auto r = normalize(mixed(), Normalization::MinMax);
  // benefit (x - 2) / 6
  check_column(r, 2, 0, {0.0, 1.0 / 3.0, 1.0});
  // cost (4 - x) / 3
  check_column(r, 2, 1, {1.0, 2.0 / 3.0, 0.0});
  CHECK(r.sign == std::vector<double>{1.0, 1.0});
  CHECK(r.how == std::vector<std::string>{"min-max", "min-max"});
}

// Regression: min-max once computed x * (1/range) + (-min/range), which rounds the worst option to
// +-1e-16 instead of 0: values left [0, 1], and the weighted product refused or scored the worst
// option depending on rounding. It now divides (x - min) / range.
TEST_CASE("min-max gives the worst option exactly 0 and the best exactly 1",
          "[normalize][regression]") {
  SECTION("rounds to +6.9e-18, and WPM then scores the worst option instead of refusing") {
    const auto p =
        make_problem({{78.43979003264262}, {41.54761510599527}, {3.9000453474744421}}, {1});
    const auto r = normalize(p, Normalization::MinMax);
    CHECK(r.values[2] == 0.0);
    // The weighted product refuses the worst option's 0.
    CHECK_THROWS_AS(run_wpm(p, r, {}), tradeoff::Error);
  }
  SECTION("rounds to -1.1e-16, outside [0, 1]") {
    const auto p =
        make_problem({{84.707936375311647}, {31.670714552330285}, {52.692542205140768}}, {1});
    const auto r = normalize(p, Normalization::MinMax);
    CHECK(r.values[1] == 0.0);
    CHECK(r.values[0] == 1.0);
  }
}

TEST_CASE("max divides by the column maximum, costs take min / x", "[normalize]") {
  const auto r = normalize(mixed(), Normalization::Max);
  // benefit x / 8
  check_column(r, 2, 0, {0.25, 0.5, 1.0});
  // cost 1 / x (min = 1)
  check_column(r, 2, 1, {1.0, 0.5, 0.25});
  CHECK(r.sign == std::vector<double>{1.0, 1.0});
  CHECK(r.how == std::vector<std::string>{"x / max", "min / x"});
}

TEST_CASE("sum divides by the column sum, costs take (1/x) / sum(1/x)", "[normalize]") {
  const auto r = normalize(mixed(), Normalization::Sum);
  // benefit x / 14
  check_column(r, 2, 0, {1.0 / 7.0, 2.0 / 7.0, 4.0 / 7.0});
  // cost: 1/x = [1, 0.5, 0.25], sum 1.75 -> [4/7, 2/7, 1/7]
  check_column(r, 2, 1, {4.0 / 7.0, 2.0 / 7.0, 1.0 / 7.0});
  CHECK(r.how == std::vector<std::string>{"x / sum", "(1/x) / sum(1/x)"});
}

TEST_CASE("vector divides by the Euclidean norm, costs take 1 - x / norm", "[normalize]") {
  const auto r = normalize(mixed(), Normalization::Vector);
  // benefit: norm sqrt(4 + 16 + 64) = sqrt(84); 2/sqrt(84) = 1/sqrt(21) = 0.218217890235992
  check_column(r, 2, 0, {0.218217890235992, 0.436435780471985, 0.872871560943969});
  // cost: norm sqrt(1 + 4 + 16) = sqrt(21); 1 - [1, 2, 4] / sqrt(21)
  check_column(r, 2, 1, {0.781782109764008, 0.563564219528015, 0.127128439056031});
  CHECK(r.how == std::vector<std::string>{"x / norm", "1 - x / norm"});
}

TEST_CASE("declared normalisation uses the scale, the value function, else min-max",
          "[normalize]") {
  DecisionProblem p =
      make_problem({{1, 0, 50, 10, 10}, {3, 2.5, 550, 20, 20}, {5, 10, 2000, 30, 30}},
                   {1, 1, 1, 1, 1}, {1, 2, 4});
  p.criteria[0].scale = std::make_pair(1.0, 5.0);                      // benefit scale
  p.criteria[1].scale = std::make_pair(0.0, 10.0);                     // cost scale
  p.criteria[2].value_function = vf({{0, 1}, {100, 0.5}, {1000, 0}});  // cost, value function
  const auto r = normalize(p, Normalization::Declared);
  // (x - 1) / 4
  check_column(r, 5, 0, {0.0, 0.5, 1.0});
  // (10 - x) / 10
  check_column(r, 5, 1, {1.0, 0.75, 0.0});
  // 50 -> 1 - 0.5 * 50/100 = 0.75; 550 -> 0.5 - 0.5 * 450/900 = 0.25; 2000 -> beyond the end: 0
  check_column(r, 5, 2, {0.75, 0.25, 0.0});
  // min-max fallback: benefit (x - 10) / 20, cost (30 - x) / 20
  check_column(r, 5, 3, {0.0, 0.5, 1.0});
  check_column(r, 5, 4, {1.0, 0.5, 0.0});
  CHECK(r.sign == std::vector<double>(5, 1.0));
  CHECK(r.how == std::vector<std::string>{"scale [1, 5]", "scale [0, 10]", "value function",
                                          "min-max", "min-max"});
}

TEST_CASE("declared scales are described with people's numbers", "[normalize]") {
  DecisionProblem p = make_problem({{1, 500}, {2, 600}}, {1, 1});
  p.criteria[0].scale = std::make_pair(0.5, 2.5);
  p.criteria[1].scale = std::make_pair(0.0, 10000.0);
  const auto r = normalize(p, Normalization::Declared);
  CHECK(r.how == std::vector<std::string>{"scale [0.5, 2.5]", "scale [0, 10,000]"});
  // (1 - 0.5) / 2 = 0.25, (2 - 0.5) / 2 = 0.75; 500 / 10000 = 0.05, 600 / 10000 = 0.06
  check_column(r, 2, 0, {0.25, 0.75});
  check_column(r, 2, 1, {0.05, 0.06});
}

TEST_CASE("declared scales clamp scores outside the scale (API users)", "[normalize]") {
  DecisionProblem p = make_problem({{7, 7}, {0, 0}, {3, 3}}, {1, 1}, {1});
  p.criteria[0].scale = std::make_pair(1.0, 5.0);
  p.criteria[1].scale = std::make_pair(1.0, 5.0);
  const auto r = normalize(p, Normalization::Declared);
  // benefit: 7 -> 1.5 clamped to 1; 0 -> -0.25 clamped to 0; 3 -> 0.5
  check_column(r, 2, 0, {1.0, 0.0, 0.5});
  // cost: (5 - 7) / 4 = -0.5 -> 0; (5 - 0) / 4 = 1.25 -> 1; (5 - 3) / 4 = 0.5
  check_column(r, 2, 1, {0.0, 1.0, 0.5});
}

TEST_CASE("explicit normalisations ignore declared scales and value functions", "[normalize]") {
  DecisionProblem p = make_problem({{1}, {3}}, {1});
  p.criteria[0].scale = std::make_pair(0.0, 10.0);
  const auto r = normalize(p, Normalization::MinMax);
  check_column(r, 1, 0, {0.0, 1.0});  // not 0.1 and 0.3
  DecisionProblem q = make_problem({{1}, {3}}, {1});
  q.criteria[0].value_function = vf({{0, 0}, {10, 1}});
  check_column(normalize(q, Normalization::Max), 1, 0, {1.0 / 3.0, 1.0});
}

TEST_CASE("value functions interpolate linearly and are flat beyond their ends", "[normalize]") {
  const ValueFunction falling = vf({{0, 1}, {100, 0.5}, {1000, 0}});
  const ValueFunction rising = vf({{1, 0}, {3, 1}});
  struct Case {
    const ValueFunction* f;
    double x;
    double expected;
  };
  const std::vector<Case> cases = {
      {&falling, -5, 1.0},     // before the first point: its value
      {&falling, 0, 1.0},      // on the first point
      {&falling, 50, 0.75},    // 1 + (0.5 - 1) * 50/100
      {&falling, 100, 0.5},    // on an inner point
      {&falling, 325, 0.375},  // 0.5 + (0 - 0.5) * 225/900
      {&falling, 1000, 0.0},   // on the last point
      {&falling, 5000, 0.0},   // beyond the last point
      {&rising, 0, 0.0},      {&rising, 2, 0.5}, {&rising, 2.5, 0.75}, {&rising, 4, 1.0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.x);
    CHECK_THAT(apply_value_function(*c.f, c.x), WithinAbs(c.expected, kEps));
  }
}

TEST_CASE("ratio normalisations refuse values they cannot take", "[normalize][errors]") {
  struct Case {
    Normalization normalization;
    std::vector<std::vector<double>> rows;
    std::vector<size_t> cost;
    const char* message;
  };
  const std::vector<Case> cases = {
      {Normalization::Max,
       {{1, 2}, {2, 0}},
       {1},
       "normalization 'max' needs positive values, but option 'a2' scores 0 on criterion 'c2'"},
      {Normalization::Max,
       {{1, -3}, {2, 5}},
       {1},
       "normalization 'max' needs positive values, but option 'a1' scores -3 on criterion 'c2'"},
      {Normalization::Max,
       {{1, 5}, {-0.5, 5}},
       {},
       "normalization 'max' needs non-negative values, but option 'a2' scores -0.5 on "
       "criterion 'c1'"},
      {Normalization::Sum,
       {{1, 2}, {2, 0}},
       {1},
       "normalization 'sum' needs positive values, but option 'a2' scores 0 on criterion 'c2'"},
      {Normalization::Sum,
       {{-1500, 2}, {2, 1}},
       {},
       "normalization 'sum' needs non-negative values, but option 'a1' scores -1,500 on "
       "criterion 'c1'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.message);
    const auto p = make_problem(c.rows, {1, 1}, c.cost);
    const auto d = expect_error([&] { normalize(p, c.normalization); });
    CHECK(d.message == c.message);
    CHECK(d.code == ErrorCode::MethodDomain);
    CHECK(d.hint == "choose another normalization, e.g. --normalization minmax");
  }
}

TEST_CASE("domain errors point at the offending score", "[normalize][errors]") {
  auto p = make_problem({{1}, {0}}, {1}, {0});
  const tradeoff::SourceLocation first{"f.yaml", 12, 21};
  const tradeoff::SourceLocation second{"f.yaml", 14, 21};
  p.where = {&first, &second};
  const auto d = expect_error([&] { normalize(p, Normalization::Max); });
  CHECK(d.where.file == "f.yaml");
  CHECK(d.where.line == 14);
  CHECK(d.where.column == 21);
}

TEST_CASE("zero is fine where a ratio can take it", "[normalize]") {
  // Benefit columns may hold zeros under max and sum.
  const auto p = make_problem({{0}, {5}}, {1});
  check_column(normalize(p, Normalization::Max), 1, 0, {0.0, 1.0});
  check_column(normalize(p, Normalization::Sum), 1, 0, {0.0, 1.0});
}

TEST_CASE("constant columns normalise to constants, never NaN", "[normalize]") {
  // Benefit and cost columns of 3, 3, 3.
  const auto p = make_problem({{3, 3}, {3, 3}, {3, 3}}, {1, 1}, {1});
  struct Case {
    Normalization normalization;
    double benefit;
    double cost;
  };
  const std::vector<Case> cases = {
      {Normalization::Declared, 1.0, 1.0},  // min-max fallback
      {Normalization::MinMax, 1.0, 1.0},    // every option reaches the best value seen
      {Normalization::None, 3.0, 3.0},
      {Normalization::Max, 1.0, 1.0},              // 3/3 and min/x = 3/3
      {Normalization::Sum, 1.0 / 3.0, 1.0 / 3.0},  // 3/9 and (1/3)/(3/3)
      // 3 / sqrt(27) = 1/sqrt(3) = 0.577350269189626; cost 1 - 0.577350269189626
      {Normalization::Vector, 0.577350269189626, 0.422649730810374},
  };
  for (const auto& c : cases) {
    CAPTURE(tradeoff::to_string(c.normalization));
    const auto r = normalize(p, c.normalization);
    CHECK_FALSE(has_nan(r));
    check_column(r, 2, 0, {c.benefit, c.benefit, c.benefit});
    check_column(r, 2, 1, {c.cost, c.cost, c.cost});
  }
}

TEST_CASE("all-zero columns normalise without NaN where the formula allows", "[normalize]") {
  const auto p = make_problem({{0, 0}, {0, 0}}, {1, 1}, {1});
  struct Case {
    Normalization normalization;
    double benefit;
    double cost;
  };
  const std::vector<Case> cases = {
      {Normalization::Declared, 1.0, 1.0},
      {Normalization::MinMax, 1.0, 1.0},
      {Normalization::None, 0.0, 0.0},
      {Normalization::Vector, 0.0, 1.0},  // norm 0: benefit 0, cost 1 - 0
  };
  for (const auto& c : cases) {
    CAPTURE(tradeoff::to_string(c.normalization));
    const auto r = normalize(p, c.normalization);
    CHECK_FALSE(has_nan(r));
    check_column(r, 2, 0, {c.benefit, c.benefit});
    check_column(r, 2, 1, {c.cost, c.cost});
  }
  // Benefit-only zeros under max and sum: every option gets the same share.
  const auto b = make_problem({{0}, {0}}, {1});
  check_column(normalize(b, Normalization::Max), 1, 0, {1.0, 1.0});
  check_column(normalize(b, Normalization::Sum), 1, 0, {0.5, 0.5});  // 1/n
  // Cost zeros under max and sum are domain errors, not NaN.
  for (auto n : {Normalization::Max, Normalization::Sum}) {
    const auto d = expect_error([&] { normalize(make_problem({{0}, {0}}, {1}, {0}), n); });
    CHECK(d.code == ErrorCode::MethodDomain);
  }
}

TEST_CASE("a single option normalises without NaN", "[normalize]") {
  const auto p = make_problem({{7, 3}}, {1, 1}, {1});
  struct Case {
    Normalization normalization;
    double benefit;
    double cost;
  };
  const std::vector<Case> cases = {
      {Normalization::Declared, 1.0, 1.0}, {Normalization::MinMax, 1.0, 1.0},
      {Normalization::None, 7.0, 3.0},     {Normalization::Max, 1.0, 1.0},
      {Normalization::Sum, 1.0, 1.0},      {Normalization::Vector, 1.0, 0.0},  // 7/7; 1 - 3/3
  };
  for (const auto& c : cases) {
    CAPTURE(tradeoff::to_string(c.normalization));
    const auto r = normalize(p, c.normalization);
    CHECK_FALSE(has_nan(r));
    check_column(r, 2, 0, {c.benefit});
    check_column(r, 2, 1, {c.cost});
  }
}

// Regression: normalize() on a problem without options (every option vetoed) once read past the
// end of empty vectors when a ratio normalisation checked a cost column's domain.
TEST_CASE("normalising zero options does not crash", "[normalize][regression]") {
  tradeoff::detail::DecisionProblem p;
  p.criteria.push_back({"price", tradeoff::Direction::Cost, std::nullopt, std::nullopt});
  p.weights = {1.0};
  for (auto n : {Normalization::Max, Normalization::Sum}) {
    const auto r = normalize(p, n);
    CHECK(r.values.empty());
    CHECK(r.how.size() == 1);
  }
}

TEST_CASE("normalisation names round-trip", "[normalize]") {
  for (const auto& name : tradeoff::normalization_names()) {
    const auto n = tradeoff::parse_normalization(name);
    REQUIRE(n.has_value());
    CHECK(tradeoff::to_string(*n) == name);
  }
  CHECK(tradeoff::normalization_names() ==
        std::vector<std::string>{"declared", "none", "minmax", "max", "sum", "vector"});
  CHECK_FALSE(tradeoff::parse_normalization("min-max").has_value());
  CHECK_FALSE(tradeoff::parse_normalization("").has_value());
}

// --- the ends of the double range -------------------------------------------------------------
// Ranges, sums and norms of values near 1e308 overflow, and squares of values near 1e-200
// underflow: the columns are then taken in units of a power of two, and every formula gives
// what it gives on ordinary numbers.

namespace {

const double kHuge = 1.7e308;
/// m x 2^e, exactly.
double times_two_to(double m, int e) { return std::ldexp(m, e); }

}  // namespace

TEST_CASE("min-max of values whose range overflows", "[normalize][numeric]") {
  // Benefit [1.7e308, -1.7e308, 0], cost [-1e308, 1e308, 0]: the range is about 3.4e308.
  const auto p = make_problem({{kHuge, -1e308}, {-kHuge, 1e308}, {0, 0}}, {1, 1}, {1});
  for (auto n : {Normalization::MinMax, Normalization::Declared}) {
    const auto r = normalize(p, n);
    CHECK(r.values == std::vector<double>{1, 1, 0, 0, 0.5, 0.5});
    CHECK_FALSE(r.affine);  // taken in units of 2^1023, cell by cell
  }
}

TEST_CASE("declared scales and value functions with bounds near 1e308", "[normalize][numeric]") {
  DecisionProblem p =
      make_problem({{1e308, 1e308}, {0, 0}, {-1e308, -1e308}, {5e307, 5e307}}, {1, 1}, {1});
  p.criteria[0].scale = std::make_pair(-1e308, 1e308);
  p.criteria[1].scale = std::make_pair(-1e308, 1e308);
  const auto r = normalize(p, Normalization::Declared);
  CHECK_FALSE(has_nan(r));
  check_column(r, 2, 0, {1, 0.5, 0, 0.75});
  check_column(r, 2, 1, {0, 0.5, 1, 0.25});  // the cost mirrored
  CHECK(r.how == std::vector<std::string>{"scale [-1e+308, 1e+308]", "scale [-1e+308, 1e+308]"});

  const ValueFunction wide = vf({{-1e308, 1}, {0, 0.5}, {1.7e308, 0}});
  const ValueFunction huge_span = vf({{-kHuge, 0}, {kHuge, 1}});
  CHECK(apply_value_function(wide, -1.5e308) == 1);
  CHECK_THAT(apply_value_function(wide, -5e307), WithinAbs(0.75, kEps));
  CHECK(apply_value_function(huge_span, 0) == 0.5);  // the span, 3.4e308, overflows
  CHECK_THAT(apply_value_function(huge_span, kHuge / 2), WithinAbs(0.75, kEps));
  CHECK(apply_value_function(huge_span, -kHuge) == 0);
}

TEST_CASE("sum of values whose sum overflows, or whose reciprocals do", "[normalize][numeric]") {
  // Benefit: four values of 1e308 sum to 4e308. Cost: 1/x of 2^-1030 is 2^1030.
  const double tiny = times_two_to(1, -1030);
  const auto p = make_problem(
      {{1e308, tiny}, {1e308, 2 * tiny}, {1e308, 4 * tiny}, {1e308, 4 * tiny}}, {1, 1}, {1});
  const auto r = normalize(p, Normalization::Sum);
  // 1/x in units of 2^-1030: 1, 1/2, 1/4, 1/4, sum 2.
  CHECK(r.values == std::vector<double>{0.25, 0.5, 0.25, 0.25, 0.25, 0.125, 0.25, 0.125});
}

TEST_CASE("vector norms of values near 1e200, 1e-200 and subnormal", "[normalize][numeric]") {
  struct Case {
    const char* what;
    double unit;
    double eps;
  };
  const std::vector<Case> cases = {
      {"squares overflow (3 x 2^700)", times_two_to(1, 700), 0},
      {"near 1e200", 1e200, 1e-15},
      {"squares underflow to 0 (near 1e-200)", 1e-200, 1e-15},
      {"subnormal (3 x 2^-1074)", times_two_to(1, -1074), 0},
      {"ordinary", 1, 0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    // A 3-4-5 triangle in each column: benefit 3/5, 4/5; cost 1 - 3/5, 1 - 4/5.
    const auto p = make_problem({{3 * c.unit, 3 * c.unit}, {4 * c.unit, 4 * c.unit}}, {1, 1}, {1});
    const auto r = normalize(p, Normalization::Vector);
    CHECK_FALSE(has_nan(r));
    check_column(r, 2, 0, {0.6, 0.8});
    check_column(r, 2, 1, {0.4, 0.2});
    if (c.eps == 0) CHECK(r.values == std::vector<double>{0.6, 1 - 0.6, 0.8, 1 - 0.8});
  }
}

TEST_CASE("ratios of subnormal values are computed cell by cell", "[normalize][numeric]") {
  // 1 / 2^-1070 overflows: max and min-max cannot be folded into a product over the raw matrix.
  const double tiny = times_two_to(1, -1070);
  const auto benefit = make_problem({{tiny}, {2 * tiny}, {4 * tiny}}, {1});
  CHECK_FALSE(normalize(benefit, Normalization::Max, {}, true, false).affine);
  CHECK(normalize(benefit, Normalization::Max, {}, true, false).transform[0].divisor == 4 * tiny);
  const auto p =
      make_problem({{tiny, tiny}, {2 * tiny, 2 * tiny}, {4 * tiny, 4 * tiny}}, {1, 1}, {1});
  const auto r = normalize(p, Normalization::Max);
  CHECK(r.values == std::vector<double>{0.25, 1, 0.5, 0.5, 1, 0.25});
  const auto mm = normalize(p, Normalization::MinMax);
  CHECK(mm.values == std::vector<double>{0, 1, 1.0 / 3, 2.0 / 3, 1, 0});
}

TEST_CASE("negative zero normalises like zero", "[normalize][numeric]") {
  const auto p = make_problem({{-0.0, -0.0}, {0.0, 0.0}, {2, 2}}, {1, 1}, {1});
  const std::vector<std::pair<Normalization, std::vector<double>>> cases = {
      {Normalization::MinMax, {0, 1, 0, 1, 1, 0}},
      {Normalization::Vector, {0, 1, 0, 1, 1, 0}},
      {Normalization::None, {0, 0, 0, 0, 2, 2}},
  };
  for (const auto& [n, expected] : cases) {
    CAPTURE(tradeoff::to_string(n));
    CHECK(normalize(p, n).values == expected);
  }
  CHECK(normalize(make_problem({{-0.0}, {2}}, {1}), Normalization::Sum).values ==
        std::vector<double>{0, 1});
  // A cost of -0 under a ratio is a zero: refused, and shown as 0.
  const auto d = expect_error([&] { normalize(p, Normalization::Max); });
  CHECK(d.message ==
        "normalization 'max' needs positive values, but option 'a1' scores 0 on criterion 'c2'");
}

TEST_CASE("no normalisation gives NaN or infinity at the ends of the range",
          "[normalize][numeric]") {
  const double sub = std::numeric_limits<double>::denorm_min();
  const double max = std::numeric_limits<double>::max();
  const std::vector<std::vector<double>> columns = {
      {max, -max, 0}, {max, max, max / 2},   {1e-300, 1e300, 1},       {sub, 2 * sub, 0},
      {sub, max, 1},  {-max, -1e-300, -0.0}, {1e-200, 3e-200, 2e-200}, {1e200, 1e-200, 1},
  };
  for (const auto& column : columns) {
    for (bool cost : {false, true}) {
      std::vector<std::vector<double>> rows;
      for (double v : column) rows.push_back({v});
      const auto p = make_problem(rows, {1}, cost ? std::vector<size_t>{0} : std::vector<size_t>{});
      for (const auto& name : tradeoff::normalization_names()) {
        const Normalization n = *tradeoff::parse_normalization(name);
        CAPTURE(column, cost, name);
        try {
          const auto r = normalize(p, n);
          CHECK_FALSE(has_nan(r));
          if (n == Normalization::None) continue;
          for (double v : r.values) CHECK((v >= -1 && v <= 2));  // vector costs: 1 - [-1, 1]
        } catch (const tradeoff::Error& e) {
          CHECK(e.diagnostics().front().code == ErrorCode::MethodDomain);  // a ratio's domain
        }
      }
    }
  }
}
