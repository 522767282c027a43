// Weighting methods: AHP (eigenvector, geometric mean, normalised column mean; consistency with
// seven random-index tables), rank-order surrogates, swing, entropy, CRITIC, groups and
// stakeholders.
#include "weights/weighting.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "linalg.hpp"
#include "text.hpp"

namespace tradeoff::detail {

namespace {

/// RI by matrix size, ascending n.
using RiValues = std::vector<std::pair<size_t, double>>;

// Transcribed from ahp_consistency_ri_tables.json (sources there), in the order of RiTable.
const std::vector<RiValues>& ri_tables() {
  static const std::vector<RiValues> tables = {
      {
       {{3, 0.58}, {4, 0.9}, {5, 1.12}, {6, 1.24}, {7, 1.32}, {8, 1.41}, {9, 1.45}, {10, 1.49},
        {11, 1.51}, {12, 1.48}, {13, 1.56}, {14, 1.57}, {15, 1.59}}},
      {
       {{3, 0.58}, {4, 0.9}, {5, 1.12}, {6, 1.24}, {7, 1.32}, {8, 1.41}, {9, 1.45}, {10, 1.49},
        {11, 1.51}, {12, 1.53}, {13, 1.56}, {14, 1.57}, {15, 1.59}}},
      {
       {{3, 0.52}, {4, 0.89}, {5, 1.11}, {6, 1.25}, {7, 1.35}, {8, 1.4}, {9, 1.45}, {10, 1.49},
        {11, 1.52}, {12, 1.54}, {13, 1.56}, {14, 1.58}, {15, 1.59}}},
      {
       {{3, 0.4914},  {4, 0.8286},  {5, 1.0591},  {6, 1.1797},  {7, 1.2519},  {8, 1.3171},
        {9, 1.3733},  {10, 1.4055}, {11, 1.4213}, {12, 1.4497}, {13, 1.4643}, {14, 1.4822},
        {15, 1.4969}, {16, 1.5078}, {17, 1.5153}, {18, 1.5262}, {19, 1.5313}, {20, 1.5371},
        {25, 1.5619}, {30, 1.5772}, {40, 1.5976}, {50, 1.6102}, {60, 1.6178}, {70, 1.6237},
        {80, 1.6277}, {90, 1.6213}, {100, 1.6339}}},
      {
       {{3, 0.5247}, {4, 0.8816}, {5, 1.1086}, {6, 1.2479}, {7, 1.3417}, {8, 1.4057},
        {9, 1.4499}, {10, 1.4854}, {11, 1.514}, {12, 1.5365}, {13, 1.5551}, {14, 1.5713},
        {15, 1.5838}}},
      {
       {{3, 0.525}, {4, 0.882}, {5, 1.115}, {6, 1.252}, {7, 1.341}, {8, 1.404}, {9, 1.452},
        {10, 1.484}, {11, 1.513}, {12, 1.535}, {13, 1.555}, {14, 1.57}, {15, 1.583},
        {16, 1.595}}},
      {
       {{3, 0.5799}, {4, 0.8921}, {5, 1.1159}, {6, 1.2358}, {7, 1.3322}, {8, 1.3952},
        {9, 1.4537}, {10, 1.4882}, {11, 1.5117}, {12, 1.5356}, {13, 1.5571}, {14, 1.5714},
        {15, 1.5831}}},
  };
  return tables;
}

[[noreturn]] void domain(const SourceLocation& where, std::string message) {
  Diagnostic d;
  d.code = ErrorCode::MethodDomain;
  d.where = where;
  d.message = std::move(message);
  throw Error(std::move(d));
}

/// A judgement as written on Saaty's scale: "3", "1/3", or the number when it is neither.
std::string judgement_text(double v) {
  const double inverse = 1 / v;
  if (v < 1 && std::fabs(inverse - std::round(inverse)) < 1e-9) return fmt::format("1/{}", std::round(inverse));
  return quantity(v);
}

/// The nearest value on Saaty's 1-9 scale (or its reciprocal), as text.
std::string nearest_on_scale(double v) {
  const bool inverse = v < 1;
  const double x = std::clamp(std::round(inverse ? 1 / v : v), 1.0, 9.0);
  if (x == 1) return "1";
  return inverse ? fmt::format("1/{}", x) : fmt::format("{}", x);
}

}  // namespace

size_t random_index_limit(RiTable table) {
  if (table == RiTable::AlonsoLamata2006) return SIZE_MAX;
  return ri_tables()[static_cast<size_t>(table)].back().first;
}

std::optional<double> random_index(RiTable table, size_t n) {
  const RiValues& values = ri_tables()[static_cast<size_t>(table)];
  if (n < 3) return 0.0;
  for (size_t k = 0; k < values.size(); ++k) {
    if (values[k].first == n) return values[k].second;
    if (values[k].first > n && k > 0) {
      // Only Donegan-Dodd lists sizes with gaps; interpolate linearly between them.
      const auto [n0, r0] = values[k - 1];
      const auto [n1, r1] = values[k];
      const double f = static_cast<double>(n - n0) / static_cast<double>(n1 - n0);
      return r0 + f * (r1 - r0);
    }
  }
  if (table == RiTable::AlonsoLamata2006) {
    const double x = static_cast<double>(n);
    return (1.7699 * x - 4.3513) / (x - 1);
  }
  return std::nullopt;
}

AhpReport ahp(const PairwiseJudgements& j) {
  AhpReport r;
  r.elements = j.elements;
  r.priority_method = to_string(j.priority);
  RiTable table = j.ri_table;
  const size_t n = j.elements.size();
  const auto a = as_matrix(j.matrix, n, n);
  std::vector<double> w(n, 1.0 / static_cast<double>(n));
  if (n >= 2) {
    if (j.priority == PriorityMethod::GeometricMean) {
      for (size_t i = 0; i < n; ++i) {
        double log_sum = 0;
        for (size_t k = 0; k < n; ++k) log_sum += std::log(j.matrix[i * n + k]);
        w[i] = std::exp(log_sum / static_cast<double>(n));
      }
    } else if (j.priority == PriorityMethod::NormalizedColumnMean) {
      const Eigen::RowVectorXd column_sums = a.colwise().sum();
      for (size_t i = 0; i < n; ++i) {
        double sum = 0;
        for (size_t k = 0; k < n; ++k) {
          sum += j.matrix[i * n + k] / column_sums(static_cast<Eigen::Index>(k));
        }
        w[i] = sum / static_cast<double>(n);
      }
    } else {
      // The principal (Perron) eigenvector: real and positive for a positive matrix.
      Eigen::EigenSolver<RowMatrix> solver(a);
      const Eigen::VectorXcd values = solver.eigenvalues();
      Eigen::Index best = 0;
      for (Eigen::Index k = 1; k < values.size(); ++k) {
        if (values(k).real() > values(best).real()) best = k;
      }
      // eigenvectors() returns a temporary: keep it (a view into it would dangle).
      const Eigen::MatrixXcd vectors = solver.eigenvectors();
      for (size_t i = 0; i < n; ++i) {
        w[i] = std::fabs(vectors(static_cast<Eigen::Index>(i), best).real());
      }
    }
  }
  const double total = std::accumulate(w.begin(), w.end(), 0.0);
  for (auto& x : w) x /= total;
  r.priorities = w;
  // Consistency: lambda max as the mean of (A w)_i / w_i (exact for the eigenvector).
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
  r.consistency_index = n > 2 ? std::max(0.0, (r.lambda_max - static_cast<double>(n)) /
                                                  static_cast<double>(n - 1))
                              : 0.0;
  // The loader keeps a table to the sizes it lists; called directly with a larger matrix, the
  // ratio comes from the one table that covers every size, and the report says so.
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
  if (!r.consistent) {
    // The judgements furthest from what the priorities imply, by |ln(a_ij w_j / w_i)|.
    std::vector<std::pair<double, Judgement>> all;
    for (size_t i = 0; i < n; ++i) {
      for (size_t k = i + 1; k < n; ++k) {
        const double given = j.matrix[i * n + k];
        const double consistent = w[i] / w[k];
        Judgement jd;
        jd.row = j.elements[i];
        jd.column = j.elements[k];
        jd.given = given;
        jd.given_text = judgement_text(given);
        jd.consistent = consistent;
        jd.suggested = nearest_on_scale(consistent);
        jd.where = j.cells.empty() ? SourceLocation{} : j.cells[i * n + k];
        all.emplace_back(std::fabs(std::log(given / consistent)), std::move(jd));
      }
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    for (size_t k = 0; k < all.size() && k < 3; ++k) r.inconsistent.push_back(all[k].second);
  }
  return r;
}

std::vector<double> rank_order_weights(WeightingMethod method, size_t n) {
  std::vector<double> w(n, 0.0);
  const double dn = static_cast<double>(n);
  if (method == WeightingMethod::Roc) {
    for (size_t i = 0; i < n; ++i) {
      double sum = 0;
      for (size_t k = i + 1; k <= n; ++k) sum += 1.0 / static_cast<double>(k);
      w[i] = sum / dn;
    }
  } else if (method == WeightingMethod::RankSum) {
    for (size_t i = 0; i < n; ++i) w[i] = 2 * (dn + 1 - static_cast<double>(i + 1)) / (dn * (dn + 1));
  } else {  // rank_reciprocal
    double harmonic = 0;
    for (size_t k = 1; k <= n; ++k) harmonic += 1.0 / static_cast<double>(k);
    for (size_t i = 0; i < n; ++i) w[i] = (1.0 / static_cast<double>(i + 1)) / harmonic;
  }
  return w;
}

namespace {

/// (1 + x) ln(1 + x) - x, accurate for small x (where it is about x^2 / 2 and the direct form
/// cancels): the series sum over k >= 2 of (-1)^k x^k / (k (k - 1)).
double entropy_term(double x) {
  if (x <= -1) return 1;  // a share of 0: 0 ln 0 = 0
  if (std::fabs(x) < 1e-3) {
    double power = x * x;
    double sum = 0;
    for (int k = 2; k <= 8; ++k) {
      sum += (k % 2 == 0 ? power : -power) / static_cast<double>(k * (k - 1));
      power *= x;
    }
    return sum;
  }
  return (1 + x) * std::log1p(x) - x;
}

/// The diversity 1 - E_j of column j, computed as the divergence of its shares q_i from the
/// uniform 1/n over ln n: sum q_i ln(n q_i) / ln n. Written with q_i = (1 + x_i)/n, where the
/// x_i are the deviations from the mean (which sum to 0), it is the mean of
/// (1 + x_i) ln(1 + x_i) - x_i: no cancellation against 1, so a column that varies a little
/// gets its small diversity, and one that does not vary gets exactly 0.
double entropy_diversity(const DecisionProblem& p, size_t j, double sum) {
  const size_t n = p.rows();
  double lo = p.at(0, j);
  double hi = lo;
  for (size_t i = 1; i < n; ++i) {
    lo = std::min(lo, p.at(i, j));
    hi = std::max(hi, p.at(i, j));
  }
  if (!(hi > lo) || !(sum > 0)) return 0;  // alike everywhere (or all zero): no information
  const double mean = sum / static_cast<double>(n);
  double divergence = 0;
  for (size_t i = 0; i < n; ++i) divergence += entropy_term((p.at(i, j) - mean) / mean);
  divergence /= static_cast<double>(n);
  return std::max(0.0, divergence / std::log(static_cast<double>(n)));
}

}  // namespace

std::vector<double> entropy_weights(const DecisionProblem& p, const SourceLocation& where) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  if (n < 2) domain(where, "entropy weights need at least two options to compare");
  std::vector<double> d(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    double sum = 0;
    for (size_t i = 0; i < n; ++i) {
      if (p.at(i, j) < 0) {
        Diagnostic diag;
        diag.code = ErrorCode::MethodDomain;
        diag.where = p.location(i, j).file.empty() ? where : p.location(i, j);
        diag.length = static_cast<int>(plain_number(p.at(i, j)).size());
        diag.message = fmt::format(
            "entropy weights need non-negative values, but option '{}' scores {} on criterion "
            "'{}'",
            p.options[i], quantity(p.at(i, j)), p.criteria[j].id);
        diag.hint = "CRITIC weights accept any scores: weighting: {method: critic}";
        throw Error(std::move(diag));
      }
      sum += p.at(i, j);
    }
    d[j] = entropy_diversity(p, j, sum);
  }
  const double total = std::accumulate(d.begin(), d.end(), 0.0);
  if (!(total > 0)) {
    domain(where, "no criterion varies across the options, so entropy gives none any weight");
  }
  for (auto& x : d) x /= total;
  return d;
}

std::vector<double> critic_weights(const DecisionProblem& p, const SourceLocation& where) {
  const size_t n = p.rows();
  const size_t m = p.cols();
  if (n < 2) domain(where, "CRITIC weights need at least two options to compare");
  // Min-max normalised, direction-aware.
  std::vector<double> r(n * m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    double lo = p.at(0, j);
    double hi = lo;
    for (size_t i = 1; i < n; ++i) {
      lo = std::min(lo, p.at(i, j));
      hi = std::max(hi, p.at(i, j));
    }
    for (size_t i = 0; i < n; ++i) {
      const bool cost = p.criteria[j].direction == Direction::Cost;
      r[i * m + j] = hi > lo ? (cost ? hi - p.at(i, j) : p.at(i, j) - lo) / (hi - lo) : 0.0;
    }
  }
  std::vector<double> mean(m, 0.0);
  std::vector<double> sd(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    for (size_t i = 0; i < n; ++i) mean[j] += r[i * m + j];
    mean[j] /= static_cast<double>(n);
    for (size_t i = 0; i < n; ++i) sd[j] += (r[i * m + j] - mean[j]) * (r[i * m + j] - mean[j]);
    sd[j] = std::sqrt(sd[j] / static_cast<double>(n - 1));
  }
  const bool any_varies = std::any_of(sd.begin(), sd.end(), [](double x) { return x > 0; });
  if (!any_varies) {
    domain(where, "no criterion varies across the options, so CRITIC gives none any weight");
  }
  // A lone criterion has nothing to conflict with: it takes the whole weight.
  if (m == 1) return {1.0};
  std::vector<double> c(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    double conflict = 0;
    for (size_t k = 0; k < m; ++k) {
      double corr = 0;  // undefined for a constant column: count no correlation
      if (k == j) {
        corr = 1;
      } else if (sd[j] > 0 && sd[k] > 0) {
        double cov = 0;
        for (size_t i = 0; i < n; ++i) cov += (r[i * m + j] - mean[j]) * (r[i * m + k] - mean[k]);
        corr = std::clamp(cov / static_cast<double>(n - 1) / (sd[j] * sd[k]), -1.0, 1.0);
        // Columns that move together exactly must not keep a conflict made of rounding.
        if (1 - std::fabs(corr) < 1e-12) corr = corr > 0 ? 1 : -1;
      }
      conflict += 1 - corr;
    }
    c[j] = sd[j] * conflict;
  }
  const double total = std::accumulate(c.begin(), c.end(), 0.0);
  if (!(total > 0)) {
    domain(where,
           "the criteria that vary move in step (perfectly correlated), so CRITIC's conflict "
           "measure gives none any weight");
  }
  for (auto& x : c) x /= total;
  return c;
}

double kendall_tau(const std::vector<RankEntry>& a, const std::vector<RankEntry>& b) {
  std::map<std::string, int> rb;
  for (const auto& e : b) rb[e.option] = e.rank;
  std::vector<std::pair<int, int>> pairs;
  for (const auto& e : a) {
    auto it = rb.find(e.option);
    if (it != rb.end()) pairs.emplace_back(e.rank, it->second);
  }
  const size_t n = pairs.size();
  if (n < 2) return 1;
  double concordant = 0;
  double discordant = 0;
  double ties_a = 0;
  double ties_b = 0;
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = i + 1; k < n; ++k) {
      const int da = pairs[i].first - pairs[k].first;
      const int db = pairs[i].second - pairs[k].second;
      if (da == 0 && db == 0) continue;
      if (da == 0) {
        ties_a += 1;
      } else if (db == 0) {
        ties_b += 1;
      } else if ((da > 0) == (db > 0)) {
        concordant += 1;
      } else {
        discordant += 1;
      }
    }
  }
  const double untied_b = concordant + discordant + ties_a;
  const double untied_a = concordant + discordant + ties_b;
  // Tau-b is 0/0 when a ranking ties every option. Two such rankings are the same ranking
  // (1); one against a ranking that orders the options says nothing either way (0).
  if (untied_a == 0 && untied_b == 0) return 1.0;
  if (untied_a == 0 || untied_b == 0) return 0.0;
  return (concordant - discordant) / std::sqrt(untied_a * untied_b);
}

namespace {

/// A line that says how a spec weighs, for the methods whose figures are not otherwise shown.
std::string describe(const WeightingSpec& spec, size_t options) {
  using M = WeightingMethod;
  if (spec.method == M::Roc || spec.method == M::RankSum || spec.method == M::RankReciprocal) {
    std::string order;
    for (const auto& tied : spec.order) {
      std::string rank;
      for (const auto& id : tied) rank += (rank.empty() ? "" : " = ") + id;
      order += (order.empty() ? "" : ", ") + rank;
    }
    return "rank order, most important first: " + order;
  }
  if (spec.method == M::Swing) {
    std::string points;
    for (const auto& [id, v] : spec.weights) points += (points.empty() ? "" : ", ") + id + " " + quantity(v);
    return "swing points: " + points;
  }
  if (spec.method == M::Entropy) {
    return fmt::format("from the scores of {} options: how unevenly each criterion spreads them",
                       options);
  }
  if (spec.method == M::Critic) {
    return fmt::format("from the scores of {} options: each criterion's spread times its conflict "
                       "with the others",
                       options);
  }
  return "";
}

/// Weights over `elements` (criteria, or group ids) from a spec; `given` for direct weighting.
std::vector<double> weigh(const WeightingSpec& spec, const std::vector<std::string>& elements,
                          const std::vector<double>& given, const DecisionProblem& problem,
                          const std::vector<size_t>& columns, std::optional<AhpReport>& ahp_out) {
  const size_t n = elements.size();
  std::vector<double> w(n, 0.0);
  auto index = [&](const std::string& id) {
    return static_cast<size_t>(std::find(elements.begin(), elements.end(), id) - elements.begin());
  };
  using M = WeightingMethod;
  if (spec.method == M::Direct) {
    if (spec.weights.empty()) return given;
    for (const auto& [id, v] : spec.weights) w[index(id)] = v;
  } else if (spec.method == M::Swing) {
    for (const auto& [id, v] : spec.weights) w[index(id)] = v;
  } else if (spec.method == M::Ahp) {
    AhpReport report = ahp(spec.ahp);
    for (size_t k = 0; k < report.elements.size(); ++k) w[index(report.elements[k])] = report.priorities[k];
    ahp_out = std::move(report);
  } else if (spec.method == M::Roc || spec.method == M::RankSum ||
             spec.method == M::RankReciprocal) {
    const auto position = rank_order_weights(spec.method, n);
    size_t next = 0;
    for (const auto& tied : spec.order) {
      // Tied elements share the mean of the positions they occupy.
      double sum = 0;
      for (size_t k = 0; k < tied.size(); ++k) sum += position[next + k];
      for (const auto& id : tied) w[index(id)] = sum / static_cast<double>(tied.size());
      next += tied.size();
    }
  } else if (spec.method == M::Entropy || spec.method == M::Critic) {
    DecisionProblem sub;
    sub.options = problem.options;
    for (size_t c : columns) sub.criteria.push_back(problem.criteria[c]);
    for (size_t i = 0; i < problem.rows(); ++i) {
      for (size_t c : columns) {
        sub.values.push_back(problem.at(i, c));
        if (!problem.where.empty()) sub.where.push_back(problem.location(i, c));
      }
    }
    w = spec.method == M::Entropy ? entropy_weights(sub, spec.where) : critic_weights(sub, spec.where);
  }
  return w;
}

std::vector<double> normalized(std::vector<double> w) {
  const double total = std::accumulate(w.begin(), w.end(), 0.0);
  if (total > 0) {
    for (auto& x : w) x /= total;
  }
  return w;
}

}  // namespace

Weighting compute_weighting(const WeightingSpec* spec, const std::vector<std::string>& criteria,
                            const std::vector<double>& given, const DecisionProblem& problem) {
  Weighting out;
  const size_t m = criteria.size();
  std::vector<size_t> all(m);
  std::iota(all.begin(), all.end(), size_t{0});
  if (spec == nullptr) {
    out.weights = given;
    return out;
  }
  out.report.method = to_string(spec->method);
  auto column_of = [&](const std::string& id) {
    return static_cast<size_t>(std::find(criteria.begin(), criteria.end(), id) - criteria.begin());
  };
  if (spec->method == WeightingMethod::Groups) {
    // Group weights, then local weights within each group; global = group share x local share.
    std::vector<std::string> ids;
    std::vector<double> direct;
    for (const auto& g : spec->groups) {
      ids.push_back(g.id);
      direct.push_back(g.weight.value_or(0));
    }
    std::optional<AhpReport> top_ahp;
    std::vector<double> top = spec->top ? weigh(*spec->top, ids, direct, problem, all, top_ahp) : direct;
    top = normalized(top);
    out.report.group_method = to_string(spec->top ? spec->top->method : WeightingMethod::Direct);
    out.report.group_ahp = top_ahp;
    out.weights.assign(m, 0.0);
    for (size_t g = 0; g < spec->groups.size(); ++g) {
      const CriteriaGroup& group = spec->groups[g];
      std::vector<size_t> columns;
      std::vector<double> own;
      for (const auto& c : group.criteria) {
        columns.push_back(column_of(c));
        own.push_back(given[column_of(c)]);
      }
      GroupReport gr;
      gr.id = group.id;
      gr.name = group.name;
      gr.weight = top[g];
      gr.criteria = group.criteria;
      gr.method = to_string(group.local ? group.local->method : WeightingMethod::Direct);
      gr.description = group.local ? describe(*group.local, problem.rows()) : "";
      std::vector<double> local =
          group.local ? weigh(*group.local, group.criteria, own, problem, columns, gr.ahp) : own;
      gr.local = normalized(local);
      for (size_t k = 0; k < columns.size(); ++k) out.weights[columns[k]] = top[g] * gr.local[k];
      out.report.groups.push_back(std::move(gr));
    }
    return out;
  }
  if (spec->method == WeightingMethod::Stakeholders) {
    out.report.aggregate = to_string(spec->aggregate);
    double influence_total = 0;
    for (const auto& s : spec->stakeholders) influence_total += s.weight;
    std::vector<std::vector<double>> each;
    for (const auto& s : spec->stakeholders) {
      StakeholderReport sr;
      sr.id = s.id;
      sr.name = s.name;
      sr.influence = s.weight / influence_total;
      sr.method = to_string(s.weighting->method);
      sr.weights = normalized(weigh(*s.weighting, criteria, given, problem, all, sr.ahp));
      each.push_back(sr.weights);
      out.report.stakeholders.push_back(std::move(sr));
    }
    out.weights.assign(m, 0.0);
    if (spec->aggregate == StakeholderAggregate::Geometric) {
      // Aggregation of individual judgements: the weighted geometric mean of each judgement,
      // then the priorities of the aggregated matrix.
      PairwiseJudgements joint = spec->stakeholders.front().weighting->ahp;
      const size_t n = joint.elements.size();
      std::fill(joint.matrix.begin(), joint.matrix.end(), 0.0);
      joint.cells.clear();
      for (const auto& s : spec->stakeholders) {
        const PairwiseJudgements& own = s.weighting->ahp;
        const double share = s.weight / influence_total;
        for (size_t i = 0; i < n; ++i) {
          for (size_t k = 0; k < n; ++k) {
            const auto oi = static_cast<size_t>(
                std::find(own.elements.begin(), own.elements.end(), joint.elements[i]) - own.elements.begin());
            const auto ok = static_cast<size_t>(
                std::find(own.elements.begin(), own.elements.end(), joint.elements[k]) - own.elements.begin());
            joint.matrix[i * n + k] += share * std::log(own.matrix[oi * n + ok]);
          }
        }
      }
      for (auto& x : joint.matrix) x = std::exp(x);
      AhpReport report = ahp(joint);
      for (size_t k = 0; k < n; ++k) out.weights[column_of(report.elements[k])] = report.priorities[k];
      out.report.ahp = std::move(report);
    } else {
      for (size_t s = 0; s < each.size(); ++s) {
        for (size_t j = 0; j < m; ++j) out.weights[j] += out.report.stakeholders[s].influence * each[s][j];
      }
    }
    // How far apart the stakeholders' weights are: per criterion, the standard deviation.
    out.report.weight_spread.assign(m, 0.0);
    for (size_t j = 0; j < m; ++j) {
      double mean = 0;
      for (const auto& w : each) mean += w[j];
      mean /= static_cast<double>(each.size());
      double var = 0;
      for (const auto& w : each) var += (w[j] - mean) * (w[j] - mean);
      out.report.weight_spread[j] = std::sqrt(var / static_cast<double>(each.size()));
    }
    return out;
  }
  std::optional<AhpReport> report;
  out.weights = weigh(*spec, criteria, given, problem, all, report);
  out.report.ahp = std::move(report);
  out.report.description = describe(*spec, problem.rows());
  return out;
}

}  // namespace tradeoff::detail
