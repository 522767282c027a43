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

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
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

// --- TOPSIS, VIKOR, PROMETHEE II, WASPAS --------------------------------------------------
//
//   TOPSIS  every column normalised as a benefit (vector x / sqrt(sum x^2), min-max
//           (x - min) / (max - min), max x / max, sum x / sum); v_ij = w_j r_ij; the ideal is the
//           largest v of a benefit column and the smallest of a cost column, the anti-ideal the
//           other end; D+ and D- the Euclidean distances to them; C = D- / (D+ + D-), and 0.5
//           when both are 0 (Hwang and Yoon 1981)
//   VIKOR   on raw values: f*_j the best (max for a benefit, min for a cost), f-_j the worst;
//           S_i = sum_j w_j (f*_j - f_ij) / (f*_j - f-_j), R_i = max_j of the same terms,
//           Q_i = v (S_i - S*) / (S- - S*) + (1 - v) (R_i - R*) / (R- - R*); every 0/0 is 0.
//           DQ = 1 / (m - 1); advantage: Q(a2) - Q(a1) >= DQ; stability: a1 is also best by S or
//           by R; compromise set {a1}, {a1, a2} (stability fails), or every option with
//           Q - Q(a1) < DQ (advantage fails) (Opricovic and Tzeng 2007)
//   PROMETHEE II  y = s_j r_ij (y = -x for a cost under 'none'); pi(a, b) = sum_j w_j
//           P_j(y_aj - y_bj) over the full matrix of pairs; phi+ = sum_b pi(a, b) / (m - 1),
//           phi- = sum_b pi(b, a) / (m - 1), phi = phi+ - phi- (Brans and Vincke 1985)
//   WASPAS  r = x / max (benefit), min / x (cost); lambda sum_j w_j r_ij +
//           (1 - lambda) prod_j r_ij ^ w_j (Zavadskas et al. 2012)

/// The Euclidean distance between two vectors.
inline double distance(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0;
  for (size_t k = 0; k < a.size(); ++k) sum += (a[k] - b[k]) * (a[k] - b[k]);
  return std::sqrt(sum);
}

struct Topsis {
  std::vector<double> closeness;
  std::vector<double> d_plus;
  std::vector<double> d_minus;
  std::vector<double> ideal;       // per criterion, weighted
  std::vector<double> anti_ideal;  // per criterion, weighted
  Matrix weighted;                 // v_ij = w_j r_ij
};

/// `norm` is Vector, MinMax, Max or Sum; it is applied to every column as to a benefit.
inline Topsis topsis(const Matrix& x, const std::vector<Criterion>& criteria,
                     const std::vector<double>& weights, Norm norm) {
  std::vector<Criterion> as_benefit = criteria;
  for (auto& c : as_benefit) c.cost = false;
  const Normalized r = normalize(x, as_benefit, norm);
  const size_t n = x.size();
  const size_t m = criteria.size();
  Topsis out;
  out.weighted.assign(n, std::vector<double>(m, 0.0));
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) out.weighted[i][j] = weights[j] * r.r[i][j];
  }
  out.ideal.assign(m, 0.0);
  out.anti_ideal.assign(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    double hi = out.weighted[0][j];
    double lo = out.weighted[0][j];
    for (size_t i = 1; i < n; ++i) {
      if (out.weighted[i][j] > hi) hi = out.weighted[i][j];
      if (out.weighted[i][j] < lo) lo = out.weighted[i][j];
    }
    out.ideal[j] = criteria[j].cost ? lo : hi;
    out.anti_ideal[j] = criteria[j].cost ? hi : lo;
  }
  for (size_t i = 0; i < n; ++i) {
    const double plus = distance(out.weighted[i], out.ideal);
    const double minus = distance(out.weighted[i], out.anti_ideal);
    out.d_plus.push_back(plus);
    out.d_minus.push_back(minus);
    out.closeness.push_back(plus + minus == 0 ? 0.5 : minus / (plus + minus));
  }
  return out;
}

struct Vikor {
  std::vector<double> s;
  std::vector<double> r;
  std::vector<double> q;
  Matrix terms;  // w_j (f*_j - f_ij) / (f*_j - f-_j)
  double dq = 0;
  bool advantage = true;
  bool stability = true;
  std::vector<size_t> compromise;  // option indices, best first
  std::vector<size_t> order;       // every option, best first (by Q, then by id)
};

/// Conditions compare within `tolerance`, so that rounding cannot decide them; options whose
/// Q lie within it of each other count as tied and go by id.
inline Vikor vikor(const Matrix& f, const std::vector<Criterion>& criteria,
                   const std::vector<double>& weights, double v,
                   const std::vector<std::string>& ids, double tolerance = 1e-12) {
  const size_t n = f.size();
  const size_t m = criteria.size();
  Vikor out;
  out.terms.assign(n, std::vector<double>(m, 0.0));
  for (size_t j = 0; j < m; ++j) {
    const double hi = column_max(f, j);
    const double lo = column_min(f, j);
    const double best = criteria[j].cost ? lo : hi;
    const double worst = criteria[j].cost ? hi : lo;
    for (size_t i = 0; i < n; ++i) {
      out.terms[i][j] = best == worst ? 0.0 : weights[j] * (best - f[i][j]) / (best - worst);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    double sum = 0;
    double top = 0;
    for (size_t j = 0; j < m; ++j) {
      sum += out.terms[i][j];
      if (out.terms[i][j] > top) top = out.terms[i][j];
    }
    out.s.push_back(sum);
    out.r.push_back(top);
  }
  const double s_best = *std::min_element(out.s.begin(), out.s.end());
  const double s_worst = *std::max_element(out.s.begin(), out.s.end());
  const double r_best = *std::min_element(out.r.begin(), out.r.end());
  const double r_worst = *std::max_element(out.r.begin(), out.r.end());
  for (size_t i = 0; i < n; ++i) {
    const double qs = s_worst == s_best ? 0.0 : (out.s[i] - s_best) / (s_worst - s_best);
    const double qr = r_worst == r_best ? 0.0 : (out.r[i] - r_best) / (r_worst - r_best);
    out.q.push_back(v * qs + (1 - v) * qr);
  }
  // Best first: selection by the smallest Q (ties within the tolerance by id).
  std::vector<size_t> left;
  for (size_t i = 0; i < n; ++i) left.push_back(i);
  while (!left.empty()) {
    size_t best = 0;
    for (size_t k = 1; k < left.size(); ++k) {
      const double a = out.q[left[k]];
      const double b = out.q[left[best]];
      if (a < b - tolerance || (std::fabs(a - b) <= tolerance && ids[left[k]] < ids[left[best]])) {
        best = k;
      }
    }
    out.order.push_back(left[best]);
    left.erase(left.begin() + static_cast<std::ptrdiff_t>(best));
  }
  if (n == 1) {
    out.compromise = {0};
    return out;
  }
  out.dq = 1.0 / static_cast<double>(n - 1);
  const size_t a1 = out.order[0];
  const size_t a2 = out.order[1];
  out.advantage = out.q[a2] - out.q[a1] >= out.dq - tolerance;
  out.stability = out.s[a1] <= s_best + tolerance || out.r[a1] <= r_best + tolerance;
  if (!out.advantage) {
    for (size_t i : out.order) {
      if (out.q[i] - out.q[a1] < out.dq - tolerance) out.compromise.push_back(i);
    }
  } else if (!out.stability) {
    out.compromise = {a1, a2};
  } else {
    out.compromise = {a1};
  }
  return out;
}

enum class Function { Usual, UShape, VShape, Level, Linear, Gaussian };

struct Preference {
  Function function = Function::Usual;
  double q = 0;
  double p = 0;
  double s = 0;
};

/// P(d) for a difference d = y_a - y_b of oriented values.
inline double preference(const Preference& f, double d) {
  switch (f.function) {
    case Function::Usual:
      return d > 0 ? 1.0 : 0.0;
    case Function::UShape:
      return d > f.q ? 1.0 : 0.0;
    case Function::VShape:
      if (d <= 0) return 0.0;
      return d <= f.p ? d / f.p : 1.0;
    case Function::Level:
      if (d <= f.q) return 0.0;
      return d <= f.p ? 0.5 : 1.0;
    case Function::Linear:
      if (d <= f.q) return 0.0;
      return d <= f.p ? (d - f.q) / (f.p - f.q) : 1.0;
    case Function::Gaussian:
      return d > 0 ? 1.0 - std::exp(-d * d / (2 * f.s * f.s)) : 0.0;
  }
  return 0.0;
}

/// For one criterion: F(a) = sum_b P(y_a - y_b) and G(a) = sum_b P(y_b - y_a), pair by pair.
inline void pairwise_sums(const std::vector<double>& y, const Preference& f,
                          std::vector<double>& plus, std::vector<double>& minus) {
  plus.assign(y.size(), 0.0);
  minus.assign(y.size(), 0.0);
  for (size_t a = 0; a < y.size(); ++a) {
    for (size_t b = 0; b < y.size(); ++b) {
      if (a == b) continue;
      plus[a] += preference(f, y[a] - y[b]);
      minus[a] += preference(f, y[b] - y[a]);
    }
  }
}

struct Promethee {
  std::vector<double> phi_plus;
  std::vector<double> phi_minus;
  std::vector<double> phi;
  Matrix net;  // w_j phi_j(a): each criterion's weighted net flow
  Matrix pi;   // the aggregated preference index pi(a, b)
};

/// `preferences` per criterion; empty means the usual function everywhere.
inline Promethee promethee2(const Normalized& r, const std::vector<double>& weights,
                            const std::vector<Preference>& preferences) {
  const size_t n = r.r.size();
  const size_t m = weights.size();
  const double others = n > 1 ? static_cast<double>(n - 1) : 1.0;
  Promethee out;
  out.pi.assign(n, std::vector<double>(n, 0.0));
  out.net.assign(n, std::vector<double>(m, 0.0));
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = 0; b < n; ++b) {
      if (a == b) continue;
      for (size_t j = 0; j < m; ++j) {
        const Preference f = preferences.empty() ? Preference{} : preferences[j];
        const double d = r.sign[j] * r.r[a][j] - r.sign[j] * r.r[b][j];
        const double ab = weights[j] * preference(f, d);
        const double ba = weights[j] * preference(f, -d);
        out.pi[a][b] += ab;
        out.net[a][j] += (ab - ba) / others;
      }
    }
  }
  for (size_t a = 0; a < n; ++a) {
    double plus = 0;
    double minus = 0;
    for (size_t b = 0; b < n; ++b) {
      plus += out.pi[a][b];
      minus += out.pi[b][a];
    }
    out.phi_plus.push_back(plus / others);
    out.phi_minus.push_back(minus / others);
    out.phi.push_back((plus - minus) / others);
  }
  return out;
}

struct Waspas {
  std::vector<double> score;
  std::vector<double> wsm;
  std::vector<double> wpm;
};

/// Throws std::domain_error when a cost column holds a non-positive value or a benefit column
/// a negative one.
inline Waspas waspas(const Matrix& x, const std::vector<Criterion>& criteria,
                     const std::vector<double>& weights, double lambda) {
  const size_t n = x.size();
  const size_t m = criteria.size();
  Matrix r(n, std::vector<double>(m, 0.0));
  for (size_t j = 0; j < m; ++j) {
    const double hi = column_max(x, j);
    const double lo = column_min(x, j);
    if (criteria[j].cost && !(lo > 0))
      throw std::domain_error("waspas: cost needs positive values");
    if (!criteria[j].cost && lo < 0) throw std::domain_error("waspas: needs non-negative values");
    for (size_t i = 0; i < n; ++i) {
      if (criteria[j].cost) {
        r[i][j] = lo / x[i][j];
      } else {
        r[i][j] = hi == 0 ? 1.0 : x[i][j] / hi;
      }
    }
  }
  Waspas out;
  for (size_t i = 0; i < n; ++i) {
    double sum = 0;
    double product = 1;
    for (size_t j = 0; j < m; ++j) {
      sum += weights[j] * r[i][j];
      product *= std::pow(r[i][j], weights[j]);  // 0^0 = 1: a criterion without weight
    }
    out.wsm.push_back(sum);
    out.wpm.push_back(product);
    out.score.push_back(lambda * sum + (1 - lambda) * product);
  }
  return out;
}

}  // namespace tradeoff::reference
