// Shared by methods_oracle_test.cpp, methods_promethee_test.cpp and methods_properties_test.cpp:
// seeded random decision problems held by the engine and by the loop-only references, how a
// method is run, the details it reports, and PROMETHEE preference functions in both versions.
#pragma once

#include <cstddef>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "methods/method.hpp"
#include "naive_methods.hpp"
#include "normalize/normalize.hpp"
#include "tradeoff/evaluate.hpp"

namespace tradeoff::test::methods_oracle_cases {

namespace ref = tradeoff::reference;
using tradeoff::detail::MethodOutput;
using tradeoff::detail::MethodParams;
using tradeoff::detail::Preference;

struct Shape {
  size_t rows;
  size_t cols;
};

inline const std::vector<Shape> kShapes = {{1, 1}, {1, 5}, {2, 3}, {7, 4}, {50, 10}, {300, 6}};
inline const std::vector<unsigned> kSeeds = {3, 11, 97, 2025};

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

inline std::string option_id(size_t i) {
  std::string digits = std::to_string(i);
  while (digits.size() < 3) digits.insert(digits.begin(), '0');
  return "o" + digits;  // zero-padded: id order is row order
}

inline Case random_case(unsigned seed, Shape shape, bool zero_weight = false) {
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
inline constexpr double kRel = 1e-9;
inline constexpr double kAbs = 1e-11;

/// How a method is run: the normalised matrix materialised or not, contributions or not.
struct Run {
  bool materialize;
  bool contributions;
};
inline const std::vector<Run> kRuns = {{true, true}, {true, false}, {false, true}, {false, false}};

using Method = MethodOutput (*)(const detail::DecisionProblem&, const detail::NormalizedMatrix&,
                                const MethodParams&);

inline MethodOutput run(Method method, const Case& c, Normalization n, bool oriented, Run how,
                        MethodParams params = {}) {
  const auto r = detail::normalize(c.problem, n, "", oriented, how.materialize);
  CHECK(r.values.empty() == !how.materialize);
  params.contributions = how.contributions;
  MethodOutput out = method(c.problem, r, params);
  REQUIRE(out.scores.size() == c.problem.rows());
  CHECK(out.contributions.size() == (how.contributions ? c.problem.rows() * c.problem.cols() : 0));
  return out;
}

inline const std::vector<double>& per_option(const tradeoff::MethodDetails& d,
                                             const std::string& name) {
  for (const auto& [key, values] : d.per_option) {
    if (key == name) return values;
  }
  FAIL("no per-option detail '" << name << "'");
  static const std::vector<double> none;
  return none;
}

/// Row i of a rows x cols contribution matrix.
inline std::vector<double> row_of(const std::vector<double>& values, size_t i, size_t cols) {
  return {values.begin() + static_cast<std::ptrdiff_t>(i * cols),
          values.begin() + static_cast<std::ptrdiff_t>((i + 1) * cols)};
}

inline double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

inline ref::Norm ref_norm(Normalization n) {
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

inline PreferencePair preference_of(Preference::Kind kind, double q, double p, double s) {
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

inline const std::vector<Preference::Kind> kKinds = {
    Preference::Kind::Usual, Preference::Kind::UShape, Preference::Kind::VShape,
    Preference::Kind::Level, Preference::Kind::Linear, Preference::Kind::Gaussian};

inline const char* kind_name(Preference::Kind k) {
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
inline std::vector<PreferencePair> preferences(const Case& c, Preference::Kind kind) {
  std::vector<PreferencePair> out;
  for (size_t j = 0; j < c.kinds.size(); ++j) {
    const bool small = c.kinds[j] != Kind::Continuous;
    out.push_back(preference_of(kind, small ? 1 : 10, small ? 2 : 30, small ? 1 : 20));
  }
  return out;
}

/// A different function on each criterion.
inline std::vector<PreferencePair> mixed_preferences(const Case& c) {
  std::vector<PreferencePair> out;
  for (size_t j = 0; j < c.kinds.size(); ++j) {
    const bool small = c.kinds[j] != Kind::Continuous;
    out.push_back(
        preference_of(kKinds[j % kKinds.size()], small ? 1 : 10, small ? 2 : 30, small ? 1 : 20));
  }
  return out;
}

}  // namespace tradeoff::test::methods_oracle_cases
