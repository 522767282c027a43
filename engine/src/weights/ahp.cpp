// AHP: priorities by the eigenvector, geometric mean or normalised column mean; consistency
// (lambda max, CI, CR under every random-index table); and, when CR > 0.1, the judgements
// furthest from what the priorities imply.
#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "support/linalg.hpp"
#include "support/ri_tables.hpp"
#include "support/text.hpp"
#include "weights/weighting.hpp"

namespace tradeoff::detail {

namespace {

/// The row-wise geometric means of the judgements.
std::vector<double> geometric_mean_priorities(const PairwiseJudgements& j) {
  const size_t n = j.elements.size();
  std::vector<double> w(n);
  for (size_t i = 0; i < n; ++i) {
    double log_sum = 0;
    for (size_t k = 0; k < n; ++k) log_sum += std::log(j.matrix[i * n + k]);
    w[i] = std::exp(log_sum / static_cast<double>(n));
  }
  return w;
}

/// The row means of the matrix with each column divided by its sum.
std::vector<double> column_mean_priorities(const PairwiseJudgements& j) {
  const size_t n = j.elements.size();
  const Eigen::RowVectorXd column_sums = as_matrix(j.matrix, n, n).colwise().sum();
  std::vector<double> w(n);
  for (size_t i = 0; i < n; ++i) {
    double sum = 0;
    for (size_t k = 0; k < n; ++k) {
      sum += j.matrix[i * n + k] / column_sums(static_cast<Eigen::Index>(k));
    }
    w[i] = sum / static_cast<double>(n);
  }
  return w;
}

/// The principal (Perron) eigenvector: real and positive for a positive matrix.
std::vector<double> eigenvector_priorities(const PairwiseJudgements& j) {
  const size_t n = j.elements.size();
  Eigen::EigenSolver<RowMatrix> solver(as_matrix(j.matrix, n, n));
  const Eigen::VectorXcd values = solver.eigenvalues();
  Eigen::Index best = 0;
  for (Eigen::Index k = 1; k < values.size(); ++k) {
    if (values(k).real() > values(best).real()) best = k;
  }
  // eigenvectors() returns a temporary: keep it (a view into it would dangle).
  const Eigen::MatrixXcd vectors = solver.eigenvectors();
  std::vector<double> w(n);
  for (size_t i = 0; i < n; ++i) {
    w[i] = std::fabs(vectors(static_cast<Eigen::Index>(i), best).real());
  }
  return w;
}

/// Priorities by the judgements' method, normalised to sum to 1 (equal below two elements).
std::vector<double> priorities(const PairwiseJudgements& j) {
  const size_t n = j.elements.size();
  std::vector<double> w(n, 1.0 / static_cast<double>(n));
  if (n >= 2) {
    if (j.priority == PriorityMethod::GeometricMean) {
      w = geometric_mean_priorities(j);
    } else if (j.priority == PriorityMethod::NormalizedColumnMean) {
      w = column_mean_priorities(j);
    } else {
      w = eigenvector_priorities(j);
    }
  }
  const double total = std::accumulate(w.begin(), w.end(), 0.0);
  for (auto& x : w) x /= total;
  return w;
}

/// Fills the consistency vector, lambda max, CI, and CR under every table (the report's own
/// table, or Alonso-Lamata when that one has no value for n).
void add_consistency(const PairwiseJudgements& j, AhpReport& r) {
  const size_t n = j.elements.size();
  const std::vector<double>& w = r.priorities;
  // Lambda max as the mean of (A w)_i / w_i (exact for the eigenvector).
  r.consistency_vector.resize(n);
  double lambda = 0;
  for (size_t i = 0; i < n; ++i) {
    double aw = 0;
    for (size_t k = 0; k < n; ++k) aw += j.matrix[i * n + k] * w[k];
    r.consistency_vector[i] = aw / w[i];
    lambda += r.consistency_vector[i];
  }
  r.lambda_max = n > 0 ? lambda / static_cast<double>(n) : 0;
  // A 1x1 or 2x2 reciprocal matrix is always consistent; rounding must not say otherwise.
  r.consistency_index =
      n > 2 ? std::max(0.0, (r.lambda_max - static_cast<double>(n)) / static_cast<double>(n - 1))
            : 0.0;
  // The loader keeps a table to the sizes it lists; called directly with a larger matrix, the
  // ratio comes from the one table that covers every size, and the report says so.
  RiTable table = j.ri_table;
  if (!random_index(table, n)) table = RiTable::AlonsoLamata2006;
  r.ri_table = to_string(table);
  for (const auto& name : choice_names<RiTable>()) {
    const RiTable each = *parse_choice<RiTable>(name);
    const auto ri = random_index(each, n);
    if (!ri) continue;
    const double cr = *ri > 0 ? r.consistency_index / *ri : 0.0;
    r.ratio_by_table.emplace_back(name, cr);
    if (each == table) {
      r.random_index = *ri;
      r.consistency_ratio = cr;
    }
  }
  r.consistent = r.consistency_ratio <= 0.1;
}

/// A judgement as written on Saaty's scale: "3", "1/3", or the number when it is neither.
std::string judgement_text(double v) {
  const double inverse = 1 / v;
  if (v < 1 && std::fabs(inverse - std::round(inverse)) < 1e-9) {
    return fmt::format("1/{}", std::round(inverse));
  }
  return quantity(v);
}

/// The nearest value on Saaty's 1-9 scale (or its reciprocal), as text.
std::string nearest_on_scale(double v) {
  const bool inverse = v < 1;
  const double x = std::clamp(std::round(inverse ? 1 / v : v), 1.0, 9.0);
  if (x == 1) return "1";
  return inverse ? fmt::format("1/{}", x) : fmt::format("{}", x);
}

/// The (at most) three judgements furthest from what the priorities `w` imply, by
/// |ln(a_ij w_j / w_i)|, worst first; ties keep matrix order.
std::vector<Judgement> worst_judgements(const PairwiseJudgements& j, const std::vector<double>& w) {
  const size_t n = j.elements.size();
  std::vector<std::pair<double, Judgement>> all;
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = i + 1; k < n; ++k) {
      Judgement jd;
      jd.row = j.elements[i];
      jd.column = j.elements[k];
      jd.given = j.matrix[i * n + k];
      jd.given_text = judgement_text(jd.given);
      jd.consistent = w[i] / w[k];
      jd.suggested = nearest_on_scale(jd.consistent);
      jd.where = j.cells.empty() ? SourceLocation{} : j.cells[i * n + k];
      const double distance = std::fabs(std::log(jd.given / jd.consistent));
      all.emplace_back(distance, std::move(jd));
    }
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  std::vector<Judgement> worst;
  for (size_t k = 0; k < all.size() && k < 3; ++k) worst.push_back(all[k].second);
  return worst;
}

}  // namespace

AhpReport ahp(const PairwiseJudgements& j) {
  AhpReport r;
  r.elements = j.elements;
  r.priority_method = to_string(j.priority);
  r.priorities = priorities(j);
  add_consistency(j, r);
  if (!r.consistent) r.inconsistent = worst_judgements(j, r.priorities);
  return r;
}

}  // namespace tradeoff::detail
