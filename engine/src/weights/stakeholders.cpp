// Group decisions: each stakeholder weighs the criteria their own way; the weights combine by
// influence, as the weighted mean of their weights or (aggregation of individual judgements)
// the AHP priorities of the weighted geometric mean of their pairwise judgements.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "problem/magnitude.hpp"
#include "weights/weigh.hpp"

namespace tradeoff::detail {

namespace {

/// The stakeholders' AHP judgements combined cell by cell as a weighted geometric mean, over
/// the first stakeholder's element order (the loader has checked that all judge the same ones).
PairwiseJudgements joint_judgements(const WeightingSpec& spec, const Shares& influence) {
  PairwiseJudgements joint = spec.stakeholders.front().weighting->ahp;
  const size_t n = joint.elements.size();
  std::fill(joint.matrix.begin(), joint.matrix.end(), 0.0);
  joint.cells.clear();
  for (const auto& s : spec.stakeholders) {
    const PairwiseJudgements& own = s.weighting->ahp;
    const double share = influence.share(s.weight);
    for (size_t i = 0; i < n; ++i) {
      for (size_t k = 0; k < n; ++k) {
        const size_t oi = index_of(own.elements, joint.elements[i]);
        const size_t ok = index_of(own.elements, joint.elements[k]);
        joint.matrix[i * n + k] += share * std::log(own.matrix[oi * n + ok]);
      }
    }
  }
  for (auto& x : joint.matrix) x = std::exp(x);
  return joint;
}

/// How far apart the stakeholders' weights are: per criterion, the standard deviation.
std::vector<double> weight_spread(const std::vector<std::vector<double>>& each, size_t m) {
  std::vector<double> spread(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    double mean = 0;
    for (const auto& w : each) mean += w[j];
    mean /= static_cast<double>(each.size());
    double var = 0;
    for (const auto& w : each) var += (w[j] - mean) * (w[j] - mean);
    spread[j] = std::sqrt(var / static_cast<double>(each.size()));
  }
  return spread;
}

}  // namespace

Weighting stakeholder_weighting(const WeightingSpec& spec, const std::vector<std::string>& criteria,
                                const std::vector<double>& given, const DecisionProblem& problem) {
  const size_t m = criteria.size();
  std::vector<size_t> all(m);
  std::iota(all.begin(), all.end(), size_t{0});
  Weighting out;
  out.report.aggregate = to_string(spec.aggregate);
  std::vector<double> given_influence;
  for (const auto& s : spec.stakeholders) given_influence.push_back(s.weight);
  const Shares influences(given_influence.data(), given_influence.size());
  std::vector<std::vector<double>> each;
  for (const auto& s : spec.stakeholders) {
    StakeholderReport sr;
    sr.id = s.id;
    sr.name = s.name;
    sr.influence = influences.share(s.weight);
    sr.method = to_string(s.weighting->method);
    sr.weights = normalized(weigh(*s.weighting, criteria, given, problem, all, sr.ahp));
    each.push_back(sr.weights);
    out.report.stakeholders.push_back(std::move(sr));
  }
  out.weights.assign(m, 0.0);
  if (spec.aggregate == StakeholderAggregate::Geometric) {
    AhpReport report = ahp(joint_judgements(spec, influences));
    for (size_t k = 0; k < report.elements.size(); ++k) {
      out.weights[index_of(criteria, report.elements[k])] = report.priorities[k];
    }
    out.report.ahp = std::move(report);
  } else {
    for (size_t s = 0; s < each.size(); ++s) {
      const double influence = out.report.stakeholders[s].influence;
      for (size_t j = 0; j < m; ++j) out.weights[j] += influence * each[s][j];
    }
  }
  out.report.weight_spread = weight_spread(each, m);
  return out;
}

}  // namespace tradeoff::detail
