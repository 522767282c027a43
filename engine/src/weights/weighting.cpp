// The weighting stage: from a `weighting:` spec to criterion weights and their report. Hands
// each method to its own file (ahp, rank_order, objective, groups, stakeholders); direct and
// swing weights are the numbers the spec gives.
#include "weights/weighting.hpp"

#include <numeric>

#include <fmt/format.h>

#include "problem/magnitude.hpp"
#include "support/text.hpp"
#include "weights/weigh.hpp"

namespace tradeoff::detail {

namespace {

bool is_rank_order(WeightingMethod method) {
  return method == WeightingMethod::Roc || method == WeightingMethod::RankSum ||
         method == WeightingMethod::RankReciprocal;
}

/// "a = b, c": the order's ranks, most important first, ties joined by " = ".
std::string order_text(const std::vector<std::vector<std::string>>& order) {
  std::string text;
  for (const auto& tied : order) {
    std::string rank;
    for (const auto& id : tied) rank += (rank.empty() ? "" : " = ") + id;
    text += (text.empty() ? "" : ", ") + rank;
  }
  return text;
}

}  // namespace

std::string describe(const WeightingSpec& spec, size_t options) {
  using M = WeightingMethod;
  if (is_rank_order(spec.method)) {
    return "rank order, most important first: " + order_text(spec.order);
  }
  if (spec.method == M::Swing) {
    std::string points;
    for (const auto& [id, v] : spec.weights) {
      points += (points.empty() ? "" : ", ") + id + " " + quantity(v);
    }
    return "swing points: " + points;
  }
  if (spec.method == M::Entropy) {
    return fmt::format("from the scores of {} options: how unevenly each criterion spreads them",
                       options);
  }
  if (spec.method == M::Critic) {
    return fmt::format(
        "from the scores of {} options: each criterion's spread times its conflict "
        "with the others",
        options);
  }
  return "";
}

std::vector<double> weigh(const WeightingSpec& spec, const std::vector<std::string>& elements,
                          const std::vector<double>& given, const DecisionProblem& problem,
                          const std::vector<size_t>& columns, std::optional<AhpReport>& ahp_out) {
  using M = WeightingMethod;
  if (spec.method == M::Direct && spec.weights.empty()) return given;
  std::vector<double> w(elements.size(), 0.0);
  if (spec.method == M::Direct || spec.method == M::Swing) {
    for (const auto& [id, v] : spec.weights) w[index_of(elements, id)] = v;
  } else if (spec.method == M::Ahp) {
    AhpReport report = ahp(spec.ahp);
    for (size_t k = 0; k < report.elements.size(); ++k) {
      w[index_of(elements, report.elements[k])] = report.priorities[k];
    }
    ahp_out = std::move(report);
  } else if (is_rank_order(spec.method)) {
    w = ordered_weights(spec, elements);
  } else if (spec.method == M::Entropy || spec.method == M::Critic) {
    w = objective_weights(spec, problem, columns);
  }
  return w;
}

std::vector<double> normalized(std::vector<double> w) {
  const Shares total(w.data(), w.size());
  if (total.total > 0) {
    for (auto& x : w) x = total.share(x);
  }
  return w;
}

Weighting compute_weighting(const WeightingSpec* spec, const std::vector<std::string>& criteria,
                            const std::vector<double>& given, const DecisionProblem& problem) {
  if (spec == nullptr) return Weighting{given, {}};
  Weighting out;
  if (spec->method == WeightingMethod::Groups) {
    out = group_weighting(*spec, criteria, given, problem);
  } else if (spec->method == WeightingMethod::Stakeholders) {
    out = stakeholder_weighting(*spec, criteria, given, problem);
  } else {
    std::vector<size_t> all(criteria.size());
    std::iota(all.begin(), all.end(), size_t{0});
    std::optional<AhpReport> report;
    out.weights = weigh(*spec, criteria, given, problem, all, report);
    out.report.ahp = std::move(report);
    out.report.description = describe(*spec, problem.rows());
  }
  out.report.method = to_string(spec->method);
  return out;
}

}  // namespace tradeoff::detail
