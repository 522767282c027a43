// What Monte-Carlo analysis varies: see analysis/uncertainty.hpp.
#include "analysis/uncertainty.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "derive/derive.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

/// The Dirichlet parameters of a model: concentration x stated share, or 1 each for `none`.
std::vector<double> dirichlet_alpha(const WeightModel& m, double concentration) {
  std::vector<double> alpha(m.stated.size(), 1.0);
  if (m.kind == Uncertainty::Weights::None) return alpha;
  // A zero weight has a zero share, hence alpha 0: it stays zero in every sample.
  for (size_t j = 0; j < alpha.size(); ++j) alpha[j] = concentration * (m.stated[j] / m.total);
  return alpha;
}

WeightModel weight_model(const Uncertainty& u, const Evaluator& ev) {
  WeightModel m;
  m.kind = u.weights;
  const size_t n = ev.criterion_count();
  for (size_t j = 0; j < n; ++j) m.stated.push_back(ev.stated_weight(j));
  for (double w : m.stated) m.total += w;
  switch (u.weights) {
    case Uncertainty::Weights::Stated:
      m.description = "stated";
      break;
    case Uncertainty::Weights::None:
      m.description = "none";
      break;
    case Uncertainty::Weights::Concentration:
      m.description = "concentration " + quantity(u.concentration);
      break;
    case Uncertainty::Weights::Ranges:
      m.description = "ranges";
      m.low = m.stated;
      m.high = m.stated;
      for (const auto& r : u.ranges) {
        if (const auto j = ev.criterion_index(r.criterion)) {
          m.low[*j] = r.low;
          m.high[*j] = r.high;
        }
      }
      return m;
  }
  // Shares of nothing are undefined: with no stated weight (every weight comes from the rules)
  // a concentration has nothing to centre on, and the weights stay as stated.
  if (m.kind == Uncertainty::Weights::Concentration && !(m.total > 0)) {
    m.kind = Uncertainty::Weights::Stated;
    m.description = "stated";
  }
  if (m.kind != Uncertainty::Weights::Stated) {
    m.dirichlet.emplace(dirichlet_alpha(m, u.concentration));
  }
  return m;
}

const InputValue* answer(const Assessment* a, const std::string& name) {
  if (a == nullptr) return nullptr;
  const InputValue* found = nullptr;
  for (const auto& v : a->inputs) {
    if (v.name == name) found = &v;
  }
  return found;
}

bool set_on_command_line(const EvaluateOptions& options, const std::string& name) {
  return std::any_of(options.set.begin(), options.set.end(),
                     [&](const auto& s) { return s.first == name; });
}

}  // namespace

void WeightModel::draw(Random& rng, double* out) const {
  const size_t n = stated.size();
  switch (kind) {
    case Uncertainty::Weights::Stated:
      std::copy(stated.begin(), stated.end(), out);
      return;
    case Uncertainty::Weights::Ranges:
      for (size_t j = 0; j < n; ++j) {
        out[j] = low[j] < high[j] ? uniform(rng, low[j], high[j]) : low[j];
      }
      return;
    case Uncertainty::Weights::None:
    case Uncertainty::Weights::Concentration: {
      (*dirichlet)(rng, out);
      // In the weighting's units, so that a rule that sets a weight means what it says.
      const double scale = total > 0 ? total : 1;
      for (size_t j = 0; j < n; ++j) out[j] *= scale;
      return;
    }
  }
}

bool WeightModel::draw_shares(Random& rng, double* out) const {
  if (dirichlet) {  // shares already
    (*dirichlet)(rng, out);
    return true;
  }
  draw(rng, out);
  double sum = 0;
  for (size_t j = 0; j < stated.size(); ++j) sum += out[j];
  if (!(sum > 0)) return false;
  for (size_t j = 0; j < stated.size(); ++j) out[j] /= sum;
  return true;
}

double draw(const Distribution& d, Random& rng) {
  return d.kind == Distribution::Kind::Range ? uniform(rng, d.low, d.high)
                                             : triangle(rng, d.low, d.mode, d.high);
}

SamplingPlan plan_sampling(const Framework& fw, const Assessment* assessment,
                           const EvaluateOptions& options, const Evaluator& ev) {
  SamplingPlan plan;
  const Uncertainty declared = assessment != nullptr && assessment->uncertainty
                                   ? *assessment->uncertainty
                               : fw.uncertainty ? *fw.uncertainty
                                                : Uncertainty{};
  plan.weights = weight_model(declared, ev);
  if (plan.weights.varies()) plan.uncertain.emplace_back("weights");
  const Assessment none;
  const Cells cells = compile_cells(fw, assessment != nullptr ? *assessment : none);
  const size_t m = fw.criteria.size();
  for (size_t k = 0; k < cells.size(); ++k) {
    const Score* score = cells.score(k);
    const Distribution* d = score != nullptr ? score->uncertainty.get() : nullptr;
    if (d == nullptr || d->low == d->high) continue;
    plan.scores.push_back({k / m, k % m, *d});
    plan.uncertain.push_back(
        fmt::format("score {}/{}", fw.options[k / m].id, fw.criteria[k % m].id));
  }
  for (size_t i = 0; i < fw.inputs.size(); ++i) {
    const InputValue* v = answer(assessment, fw.inputs[i].name);
    if (v == nullptr || !v->uncertainty || v->uncertainty->low == v->uncertainty->high ||
        set_on_command_line(options, v->name)) {
      continue;
    }
    plan.inputs.push_back({i, *v->uncertainty});
    plan.uncertain.push_back("input " + v->name);
  }
  return plan;
}

}  // namespace tradeoff::detail
