// Test-only: decision problems and frameworks built in code (see frameworks.hpp).
#include "frameworks.hpp"

#include <numeric>

#include <fmt/format.h>

namespace tradeoff::test {

detail::DecisionProblem make_problem(const std::vector<std::vector<double>>& rows,
                                     const std::vector<double>& weights,
                                     const std::vector<size_t>& cost) {
  detail::DecisionProblem p;
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  for (size_t j = 0; j < weights.size(); ++j) {
    detail::Column c;
    c.id = fmt::format("c{}", j + 1);
    for (size_t k : cost) {
      if (k == j) c.direction = Direction::Cost;
    }
    p.criteria.push_back(c);
    p.weights.push_back(weights[j] / total);
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    p.options.push_back(fmt::format("a{}", i + 1));
    for (double v : rows[i]) p.values.push_back(v);
  }
  return p;
}

Framework framework_of(const std::vector<std::vector<double>>& x, const std::vector<bool>& cost,
                       const std::vector<double>& weights, const std::vector<std::string>& ids) {
  Framework fw;
  fw.id = "random";
  fw.title = "random";
  fw.file = "random.yaml";
  for (size_t j = 0; j < weights.size(); ++j) {
    Criterion c;
    c.id = "c" + std::to_string(j);
    c.name = c.id;
    c.direction = cost[j] ? Direction::Cost : Direction::Benefit;
    c.weight = weights[j];
    fw.criteria.push_back(c);
  }
  for (size_t i = 0; i < x.size(); ++i) {
    Alternative a;
    a.id = ids[i];
    a.name = ids[i];
    for (size_t j = 0; j < weights.size(); ++j) {
      Score s;
      s.criterion = "c" + std::to_string(j);
      s.value = x[i][j];
      a.scores.push_back(s);
    }
    fw.options.push_back(a);
  }
  return fw;
}

}  // namespace tradeoff::test
