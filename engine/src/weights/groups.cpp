// Hierarchical weighting by groups: the groups are weighted (directly or by a `top:` spec),
// then the criteria within each group (by its `local:` spec, or their own weights); a
// criterion's weight is its group's share times its share within the group.
#include <numeric>

#include "weights/weigh.hpp"

namespace tradeoff::detail {

namespace {

/// Weighs the criteria of one group, whose share among the groups is `share`: reports the
/// group and adds each criterion's global weight to `out`.
void add_group(const CriteriaGroup& group, double share, const std::vector<std::string>& criteria,
               const std::vector<double>& given, const DecisionProblem& problem, Weighting& out) {
  std::vector<size_t> columns;
  std::vector<double> own;
  for (const auto& c : group.criteria) {
    columns.push_back(index_of(criteria, c));
    own.push_back(given[index_of(criteria, c)]);
  }
  GroupReport gr;
  gr.id = group.id;
  gr.name = group.name;
  gr.weight = share;
  gr.criteria = group.criteria;
  gr.method = to_string(group.local ? group.local->method : WeightingMethod::Direct);
  gr.description = group.local ? describe(*group.local, problem.rows()) : "";
  std::vector<double> local =
      group.local ? weigh(*group.local, group.criteria, own, problem, columns, gr.ahp) : own;
  gr.local = normalized(local);
  for (size_t k = 0; k < columns.size(); ++k) out.weights[columns[k]] = share * gr.local[k];
  out.report.groups.push_back(std::move(gr));
}

}  // namespace

Weighting group_weighting(const WeightingSpec& spec, const std::vector<std::string>& criteria,
                          const std::vector<double>& given, const DecisionProblem& problem) {
  Weighting out;
  std::vector<size_t> all(criteria.size());
  std::iota(all.begin(), all.end(), size_t{0});
  std::vector<std::string> ids;
  std::vector<double> direct;
  for (const auto& g : spec.groups) {
    ids.push_back(g.id);
    direct.push_back(g.weight.value_or(0));
  }
  std::optional<AhpReport> top_ahp;
  const std::vector<double> top =
      normalized(spec.top ? weigh(*spec.top, ids, direct, problem, all, top_ahp) : direct);
  out.report.group_method = to_string(spec.top ? spec.top->method : WeightingMethod::Direct);
  out.report.group_ahp = std::move(top_ahp);
  out.weights.assign(criteria.size(), 0.0);
  for (size_t g = 0; g < spec.groups.size(); ++g) {
    add_group(spec.groups[g], top[g], criteria, given, problem, out);
  }
  return out;
}

}  // namespace tradeoff::detail
