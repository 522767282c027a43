// Test-only reference implementations of the weightings (AHP priorities and consistency,
// entropy, CRITIC, rank-order weights) and of Kendall's tau-b: plain loops, written from the
// formulas in the README, for the oracle tests. The methods are in naive_methods.hpp.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "naive_methods.hpp"

namespace tradeoff::reference {

// --- weighting --------------------------------------------------------------------------
//
//   AHP priorities: the principal eigenvector of A (power iteration), the geometric mean of
//       each row, or the mean of each row of A with its columns normalised to sum to 1; all
//       scaled to sum to 1. lambda max = mean_i (A w)_i / w_i, CI = (lambda max - n) / (n - 1)
//       (0 for n < 3), CR = CI / RI(n)
//   entropy  p_ij = x_ij / sum_i x_ij, E_j = -(1 / ln m) sum_i p_ij ln p_ij (0 ln 0 = 0; a
//       column of zeros has E = 1), w_j = (1 - E_j) / sum_k (1 - E_k)
//   CRITIC  r = min-max normalised by direction; C_j = sigma_j sum_k (1 - rho_jk) (sigma the
//       standard deviation, rho Pearson's correlation, 0 when either column is constant),
//       w_j = C_j / sum_k C_k
//   ROC w_i = (1/n) sum_{k=i..n} 1/k; rank sum 2 (n + 1 - i) / (n (n + 1)); rank reciprocal
//       (1/i) / sum_k 1/k, for positions i = 1..n

inline std::vector<double> scaled_to_one(std::vector<double> w) {
  double total = 0;
  for (double v : w) total += v;
  for (double& v : w) v /= total;
  return w;
}

inline std::vector<double> ahp_eigenvector(const Matrix& a) {
  const size_t n = a.size();
  std::vector<double> w(n, 1.0 / static_cast<double>(n));
  for (int iteration = 0; iteration < 100000; ++iteration) {
    std::vector<double> next(n, 0.0);
    for (size_t i = 0; i < n; ++i) {
      for (size_t k = 0; k < n; ++k) next[i] += a[i][k] * w[k];
    }
    next = scaled_to_one(next);
    double change = 0;
    for (size_t i = 0; i < n; ++i) change = std::max(change, std::fabs(next[i] - w[i]));
    w = next;
    if (change < 1e-16) break;
  }
  return w;
}

inline std::vector<double> ahp_geometric_mean(const Matrix& a) {
  const size_t n = a.size();
  std::vector<double> w(n, 1.0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < n; ++k) w[i] *= a[i][k];
    w[i] = std::pow(w[i], 1.0 / static_cast<double>(n));
  }
  return scaled_to_one(w);
}

inline std::vector<double> ahp_column_mean(const Matrix& a) {
  const size_t n = a.size();
  std::vector<double> w(n, 0.0);
  for (size_t k = 0; k < n; ++k) {
    double column = 0;
    for (size_t i = 0; i < n; ++i) column += a[i][k];
    for (size_t i = 0; i < n; ++i) w[i] += a[i][k] / column / static_cast<double>(n);
  }
  return scaled_to_one(w);
}

struct Consistency {
  std::vector<double> vector;  // (A w)_i / w_i
  double lambda_max = 0;
  double ci = 0;
};

inline Consistency ahp_consistency(const Matrix& a, const std::vector<double>& w) {
  const size_t n = a.size();
  Consistency out;
  for (size_t i = 0; i < n; ++i) {
    double aw = 0;
    for (size_t k = 0; k < n; ++k) aw += a[i][k] * w[k];
    out.vector.push_back(aw / w[i]);
    out.lambda_max += aw / w[i] / static_cast<double>(n);
  }
  const double dn = static_cast<double>(n);
  out.ci = n < 3 ? 0.0 : (out.lambda_max - dn) / (dn - 1);
  return out;
}

/// CR = CI / RI(n); 0 where RI is 0 (n < 3).
inline double consistency_ratio(double ci, double ri) { return ri > 0 ? ci / ri : 0.0; }

/// Throws std::domain_error for a negative value or fewer than two options.
inline std::vector<double> entropy_weights(const Matrix& x) {
  const size_t n = x.size();
  if (n < 2) throw std::domain_error("entropy: needs two options");
  const size_t m = x[0].size();
  std::vector<double> diversity(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    double total = 0;
    for (size_t i = 0; i < n; ++i) {
      if (x[i][j] < 0) throw std::domain_error("entropy: needs non-negative values");
      total += x[i][j];
    }
    double e = 1;
    if (total > 0) {
      double h = 0;
      for (size_t i = 0; i < n; ++i) {
        const double p = x[i][j] / total;
        if (p > 0) h += p * std::log(p);
      }
      e = -h / std::log(static_cast<double>(n));
    }
    diversity[j] = 1 - e;
  }
  return scaled_to_one(diversity);
}

inline std::vector<double> critic_weights(const Matrix& x, const std::vector<Criterion>& criteria) {
  const size_t n = x.size();
  const size_t m = criteria.size();
  Matrix r(n, std::vector<double>(m, 0.0));
  for (size_t j = 0; j < m; ++j) {
    const double lo = column_min(x, j);
    const double hi = column_max(x, j);
    for (size_t i = 0; i < n; ++i) {
      if (hi > lo)
        r[i][j] = criteria[j].cost ? (hi - x[i][j]) / (hi - lo) : (x[i][j] - lo) / (hi - lo);
    }
  }
  std::vector<double> mean(m, 0.0);
  std::vector<double> sigma(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    for (size_t i = 0; i < n; ++i) mean[j] += r[i][j] / static_cast<double>(n);
    for (size_t i = 0; i < n; ++i) sigma[j] += (r[i][j] - mean[j]) * (r[i][j] - mean[j]);
    sigma[j] = std::sqrt(sigma[j] / static_cast<double>(n - 1));
  }
  std::vector<double> c(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    for (size_t k = 0; k < m; ++k) {
      double rho = 0;
      if (sigma[j] > 0 && sigma[k] > 0) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (size_t i = 0; i < n; ++i) {
          xy += (r[i][j] - mean[j]) * (r[i][k] - mean[k]);
          xx += (r[i][j] - mean[j]) * (r[i][j] - mean[j]);
          yy += (r[i][k] - mean[k]) * (r[i][k] - mean[k]);
        }
        rho = xy / std::sqrt(xx * yy);
      }
      c[j] += sigma[j] * (1 - rho);
    }
  }
  return scaled_to_one(c);
}

inline std::vector<double> roc_weights(size_t n) {
  std::vector<double> w;
  for (size_t i = 1; i <= n; ++i) {
    double sum = 0;
    for (size_t k = i; k <= n; ++k) sum += 1.0 / static_cast<double>(k);
    w.push_back(sum / static_cast<double>(n));
  }
  return w;
}

inline std::vector<double> rank_sum_weights(size_t n) {
  std::vector<double> w;
  const double dn = static_cast<double>(n);
  for (size_t i = 1; i <= n; ++i)
    w.push_back(2 * (dn + 1 - static_cast<double>(i)) / (dn * (dn + 1)));
  return w;
}

inline std::vector<double> rank_reciprocal_weights(size_t n) {
  std::vector<double> w;
  for (size_t i = 1; i <= n; ++i) w.push_back(1.0 / static_cast<double>(i));
  return scaled_to_one(w);
}

/// Kendall's tau-b between two rank vectors of the same options (ties allowed): (concordant -
/// discordant) / sqrt((n0 - n1)(n0 - n2)), n0 the number of pairs, n1 and n2 the pairs tied in
/// each ranking.
inline double kendall_tau_b(const std::vector<int>& a, const std::vector<int>& b) {
  double concordant = 0;
  double discordant = 0;
  double pairs = 0;
  double tied_a = 0;
  double tied_b = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t k = i + 1; k < a.size(); ++k) {
      pairs += 1;
      const int da = a[i] - a[k];
      const int db = b[i] - b[k];
      if (da == 0) tied_a += 1;
      if (db == 0) tied_b += 1;
      if (da != 0 && db != 0) ((da > 0) == (db > 0) ? concordant : discordant) += 1;
    }
  }
  return (concordant - discordant) / std::sqrt((pairs - tied_a) * (pairs - tied_b));
}

}  // namespace tradeoff::reference
