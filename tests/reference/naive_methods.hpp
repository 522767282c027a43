// Test-only reference implementations: plain loops over a matrix, written from the formulas in
// the README (not from the engine's code), for the oracle tests. Slow and obvious on purpose.
//
//   minmax   benefit (x - min) / (max - min)      cost (max - x) / (max - min)   constant: 1
//   max      benefit x / max (all zero: 1)         cost min / x
//   sum      benefit x / sum (all zero: 1 / n)     cost (1 / x) / sum(1 / x)
//   vector   benefit x / sqrt(sum x^2)             cost 1 - x / sqrt(sum x^2)     norm 0: 0 / 1
//   none     x, and cost criteria count negatively (sign -1)
//   declared value function if any, else the scale (clamped to [0, 1]), else minmax
//
//   WSM  S_i = sum_j w_j s_j r_ij
//   WPM  P_i = prod_j r_ij ^ (w_j s_j), criteria of weight 0 left out
#pragma once

#include <cmath>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace tradeoff::reference {

using Matrix = std::vector<std::vector<double>>;  // rows = options, columns = criteria

enum class Norm { Declared, None, MinMax, Max, Sum, Vector };

struct Criterion {
  bool cost = false;
  std::optional<std::pair<double, double>> scale;
  std::vector<std::pair<double, double>> value_function;  // empty = none
};

struct Normalized {
  Matrix r;
  std::vector<double> sign;
};

inline double column_min(const Matrix& x, size_t j) {
  double m = x[0][j];
  for (size_t i = 1; i < x.size(); ++i) {
    if (x[i][j] < m) m = x[i][j];
  }
  return m;
}

inline double column_max(const Matrix& x, size_t j) {
  double m = x[0][j];
  for (size_t i = 1; i < x.size(); ++i) {
    if (x[i][j] > m) m = x[i][j];
  }
  return m;
}

/// Piecewise-linear through the points; flat before the first and after the last.
inline double value_function(const std::vector<std::pair<double, double>>& points, double x) {
  if (x <= points.front().first) return points.front().second;
  for (size_t k = 1; k < points.size(); ++k) {
    const double x0 = points[k - 1].first;
    const double x1 = points[k].first;
    if (x <= x1) {
      const double y0 = points[k - 1].second;
      const double y1 = points[k].second;
      return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
    }
  }
  return points.back().second;
}

inline double minmax_value(const Matrix& x, size_t i, size_t j, bool cost) {
  const double lo = column_min(x, j);
  const double hi = column_max(x, j);
  if (hi == lo) return 1.0;
  return cost ? (hi - x[i][j]) / (hi - lo) : (x[i][j] - lo) / (hi - lo);
}

/// Throws std::domain_error where the engine reports a method-domain error.
inline Normalized normalize(const Matrix& x, const std::vector<Criterion>& criteria, Norm norm) {
  const size_t n = x.size();
  const size_t m = criteria.size();
  Normalized out;
  out.r.assign(n, std::vector<double>(m, 0.0));
  out.sign.assign(m, 1.0);
  for (size_t j = 0; j < m; ++j) {
    const bool cost = criteria[j].cost;
    for (size_t i = 0; i < n; ++i) {
      const double v = x[i][j];
      double r = 0;
      switch (norm) {
        case Norm::None:
          r = v;
          out.sign[j] = cost ? -1.0 : 1.0;
          break;
        case Norm::MinMax:
          r = minmax_value(x, i, j, cost);
          break;
        case Norm::Max: {
          if (cost) {
            for (size_t k = 0; k < n; ++k) {
              if (!(x[k][j] > 0)) throw std::domain_error("max: cost needs positive values");
            }
            r = column_min(x, j) / v;
          } else {
            for (size_t k = 0; k < n; ++k) {
              if (x[k][j] < 0) throw std::domain_error("max: needs non-negative values");
            }
            const double hi = column_max(x, j);
            r = hi == 0 ? 1.0 : v / hi;
          }
          break;
        }
        case Norm::Sum: {
          if (cost) {
            double total = 0;
            for (size_t k = 0; k < n; ++k) {
              if (!(x[k][j] > 0)) throw std::domain_error("sum: cost needs positive values");
              total += 1.0 / x[k][j];
            }
            r = (1.0 / v) / total;
          } else {
            double total = 0;
            for (size_t k = 0; k < n; ++k) {
              if (x[k][j] < 0) throw std::domain_error("sum: needs non-negative values");
              total += x[k][j];
            }
            r = total == 0 ? 1.0 / static_cast<double>(n) : v / total;
          }
          break;
        }
        case Norm::Vector: {
          double squares = 0;
          for (size_t k = 0; k < n; ++k) squares += x[k][j] * x[k][j];
          const double norm2 = std::sqrt(squares);
          if (norm2 == 0) {
            r = cost ? 1.0 : 0.0;
          } else {
            r = cost ? 1.0 - v / norm2 : v / norm2;
          }
          break;
        }
        case Norm::Declared:
          if (!criteria[j].value_function.empty()) {
            r = value_function(criteria[j].value_function, v);
          } else if (criteria[j].scale) {
            const double lo = criteria[j].scale->first;
            const double hi = criteria[j].scale->second;
            r = cost ? (hi - v) / (hi - lo) : (v - lo) / (hi - lo);
            if (r < 0) r = 0;
            if (r > 1) r = 1;
          } else {
            r = minmax_value(x, i, j, cost);
          }
          break;
      }
      out.r[i][j] = r;
    }
  }
  return out;
}

inline std::vector<double> wsm(const Normalized& r, const std::vector<double>& weights) {
  std::vector<double> scores(r.r.size(), 0.0);
  for (size_t i = 0; i < r.r.size(); ++i) {
    for (size_t j = 0; j < weights.size(); ++j) scores[i] += weights[j] * r.sign[j] * r.r[i][j];
  }
  return scores;
}

/// Throws std::domain_error for a non-positive value on a weighted criterion.
inline std::vector<double> wpm(const Normalized& r, const std::vector<double>& weights) {
  std::vector<double> scores(r.r.size(), 1.0);
  for (size_t i = 0; i < r.r.size(); ++i) {
    for (size_t j = 0; j < weights.size(); ++j) {
      if (weights[j] == 0) continue;
      if (!(r.r[i][j] > 0)) throw std::domain_error("wpm: needs positive values");
      scores[i] *= std::pow(r.r[i][j], weights[j] * r.sign[j]);
    }
  }
  return scores;
}

}  // namespace tradeoff::reference
