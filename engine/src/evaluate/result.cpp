// Assembling the Result of a traced run: every figure a report shows, taken from the plan, the
// state of the stages and their trace; nothing is computed again except the stakeholders' own
// rankings, and the explanation.
#include <algorithm>
#include <iterator>
#include <memory>
#include <numeric>
#include <utility>

#include "analysis/compare.hpp"
#include "evaluate/option_columns.hpp"
#include "evaluate/state.hpp"
#include "explain/explain.hpp"
#include "problem/magnitude.hpp"
#include "rank/rank.hpp"
#include "support/sha256.hpp"
#include "tradeoff/version.hpp"

namespace tradeoff::detail {

namespace {

Provenance provenance_of(const Framework& fw, const Assessment& a) {
  Provenance p;
  p.tool = "tradeoff " + std::string(kVersion);
  p.framework_files = fw.files;
  std::string digests;
  for (const auto& f : fw.files) digests += f.sha256 + "\n";
  if (!fw.files.empty()) p.framework_sha256 = sha256_hex(digests);
  p.assessment_files = a.files;
  if (!a.files.empty()) p.assessment_sha256 = a.files.front().sha256;
  return p;
}

void header(const Plan& plan, Result& r) {
  const Framework& fw = *plan.fw;
  const Assessment& a = *plan.assessment;
  r.framework = fw.id;
  r.framework_title = fw.title;
  r.framework_version = fw.version;
  r.framework_description = fw.description;
  r.assessment = a.id;
  r.assessment_title = a.title;
  r.assessment_date = a.date;
  r.assessment_description = a.description;
  r.record = a.record;
  r.provenance = provenance_of(fw, a);
  r.sources = fw.sources;
  r.sources.insert(r.sources.end(), a.sources.begin(), a.sources.end());
  const MethodInfo& m = *plan.method.info;
  r.method = std::string(m.name);
  r.method_title = std::string(m.title);
  r.normalization = std::string(to_string(plan.method.normalization));
  r.contribution_meaning = std::string(m.contribution);
  r.contribution_total = std::string(m.total);
  r.higher_is_better = m.higher_is_better;  // also when no option is ranked
}

void inputs(const Plan& plan, const State& s, Result& r) {
  const Framework& fw = *plan.fw;
  for (size_t k = 0; k < fw.inputs.size(); ++k) {
    const Input& in = fw.inputs[k];
    InputResult ir;
    ir.name = in.name;
    ir.description = in.description;
    ir.unit = in.unit;
    // A value set through the evaluation API (by an analysis) is vouched for by nobody.
    const InputOrigin origin = s.set_inputs[k] != 0 ? InputOrigin::Analysis : plan.inputs.origin[k];
    switch (origin) {
      case InputOrigin::Default:
        ir.origin = "default";
        ir.source = in.source;
        ir.as_of = in.as_of;
        break;
      case InputOrigin::Assessment: {
        // The framework's source vouches for its default, not for the assessment's answer.
        const InputValue& answer = *plan.inputs.answer[k];
        ir.origin = "assessment";
        ir.source = answer.source;
        ir.as_of = answer.as_of;
        ir.because = answer.because;
        break;
      }
      case InputOrigin::CommandLine:
        ir.origin = "command line";
        break;
      case InputOrigin::Analysis:
        ir.origin = "analysis";
        break;
    }
    ir.value = s.slots[k];
    ir.display = in.display(s.slots[k]);
    r.inputs.push_back(std::move(ir));
  }
}

void derived(const Plan& plan, const State& s, Result& r) {
  const Framework& fw = *plan.fw;
  for (size_t d = 0; d < fw.derived.size(); ++d) {
    const Derived& dv = fw.derived[d];
    const size_t slot = fw.inputs.size() + d;
    r.derived.push_back({dv.name, dv.description, dv.unit, dv.formula.text, s.slots[slot],
                         display(plan.names, s.slots.data(), slot)});
  }
}

void criteria(const Plan& plan, const State& s, const Trace& trace, Result& r) {
  const Framework& fw = *plan.fw;
  for (size_t j = 0; j < fw.criteria.size(); ++j) {
    const Criterion& c = fw.criteria[j];
    CriterionResult cr;
    cr.id = c.id;
    cr.name = c.name;
    cr.unit = c.unit;
    cr.direction = c.direction;
    cr.weight = s.weights[j];
    cr.normalized_weight = s.problem.weights[j];
    cr.weight_origin = trace.weight_origin[j];
    cr.description = c.description;
    cr.file = c.file;
    for (const WeightOverride& w : plan.assessment->weights) {
      if (w.criterion != c.id || cr.weight_origin != "assessment") continue;
      cr.weight_because = w.because;
      cr.weight_source = w.source;
    }
    cr.normalization =
        describe_normalization(plan.columns[j], plan.method.normalization,
                               plan.method.info->oriented, !plan.method.normalization_chosen);
    r.criteria.push_back(std::move(cr));
  }
}

/// The figures of the ranked options (rows of the problem): their normalised values, kept only
/// when they are more than a plain transform of the scores per column, and their contributions:
/// the method's rule when they are weighted normalised values, else its matrix, taken from the
/// state (the next run that needs them computes them again).
void ranked_figures(const Plan& plan, State& s, OptionColumns& c) {
  const size_t m = plan.criteria();
  const size_t rows = s.rows.eligible.size();
  const bool plain = s.normalized.values.empty() && s.problem.shared != nullptr &&
                     std::all_of(s.normalized.transform.begin(), s.normalized.transform.end(),
                                 [](const Transform& t) { return t.function == nullptr; });
  if (plain) {
    c.normalize_from = s.problem.shared;
    c.transform = s.normalized.transform;
  } else {
    std::vector<double> values(rows * m);
    for (size_t k = 0; k < rows; ++k) {
      for (size_t j = 0; j < m; ++j) values[k * m + j] = s.normalized.value(s.problem, k, j);
    }
    c.normalized = std::make_shared<const std::vector<double>>(std::move(values));
  }
  if (!s.output.weighted.empty() && rows > 0) {
    c.weighted = s.output.weighted;
  } else {
    std::vector<double> parts = std::move(s.output.contributions);
    s.output.contributions.clear();
    parts.resize(rows * m, 0.0);  // no rows when nothing is ranked
    c.contribution = std::make_shared<const std::vector<double>>(std::move(parts));
  }
  c.zeros = std::make_shared<const std::vector<double>>(m, 0.0);
  bool identity = rows == c.n;
  for (size_t k = 0; k < rows && identity; ++k) identity = s.rows.eligible[k] == k;
  if (identity) return;
  c.row.assign(c.n, OptionColumns::kNoRow);
  for (size_t k = 0; k < rows; ++k) c.row[s.rows.eligible[k]] = static_cast<uint32_t>(k);
}

/// The options' ids, and their names and descriptions, kept only when some option has its own.
void names(const Plan& plan, const Framework& fw, OptionColumns& c) {
  c.ids = plan.option_ids;
  bool named = false;
  bool described = false;
  for (const Alternative& a : fw.options) {
    named = named || a.name != a.id;
    described = described || !a.description.empty();
  }
  for (const Alternative& a : fw.options) {
    if (named) c.names.push_back(a.name);
    if (described) c.descriptions.push_back(a.description);
  }
}

/// Which scores the assessment set, and the reasons and sources of the options that give any.
void provenance(const Plan& plan, OptionColumns& c) {
  const size_t m = c.m;
  c.overridden.resize(c.n * m);
  // Every score from a table, none set by the assessment: nothing to record per cell.
  if (plan.cells.scores.empty() && plan.cells.overridden.empty()) return;
  for (size_t i = 0; i < c.n; ++i) {
    bool reasons = false;
    for (size_t j = 0; j < m; ++j) {
      const Score* score = plan.cells.score(i * m + j);
      c.overridden[i * m + j] = plan.cells.is_overridden(i * m + j);
      reasons = reasons || (score != nullptr && !(score->because.empty() && score->source.empty()));
    }
    // Twenty empty strings per option would be most of a large table's result.
    if (!reasons) continue;
    OptionReasons& given = c.reasons.emplace_back();
    given.option = static_cast<uint32_t>(i);
    for (size_t j = 0; j < m; ++j) {
      const Score* score = plan.cells.score(i * m + j);
      given.because.push_back(score != nullptr ? score->because : std::string());
      given.source.push_back(score != nullptr ? score->source : std::string());
    }
  }
}

void options(const Plan& plan, State& s, Result& r) {
  const Framework& fw = *plan.fw;
  auto c = std::make_shared<OptionColumns>(fw.options.size(), plan.criteria());
  names(plan, fw, *c);
  provenance(plan, *c);
  c->raw = s.rules.adjusted ? std::make_shared<const std::vector<double>>(s.rules.raw) : s.base;
  c->score = s.score;
  c->rank = s.rank;
  c->eligible.resize(c->n);
  for (size_t i = 0; i < c->n; ++i) c->eligible[i] = s.rules.vetoed[i] == 0 ? 1 : 0;
  ranked_figures(plan, s, *c);
  r.options = OptionResults(std::move(c));
}

/// Each stakeholder's own ranking, under their weights and the same rules, and how far the
/// stakeholders agree.
void stakeholders(const Plan& plan, const State& s, Result& r) {
  auto& st = r.weighting.stakeholders;
  for (auto& sr : st) {
    std::vector<double> own = sr.weights;
    apply_weight_effects(plan.rules, plan.names, s.slots.data(), s.rules, own, false, nullptr,
                         nullptr);
    const Shares total(own.data(), own.size());
    DecisionProblem theirs = s.problem;
    for (size_t j = 0; j < own.size(); ++j) {
      theirs.weights[j] = total.total > 0 ? total.share(own[j]) : 0;
    }
    const MethodOutput o = run_method(*plan.method.info, theirs, s.normalized, plan.method.params);
    sr.ranking = rank_options(s.problem.option_ids(), o.scores, o.higher_is_better);
    sr.tau = kendall_tau(sr.ranking, r.ranking);
  }
  if (st.size() < 2) return;
  double sum = 0;
  int pairs = 0;
  for (size_t x = 0; x < st.size(); ++x) {
    for (size_t y = x + 1; y < st.size(); ++y) {
      sum += kendall_tau(st[x].ranking, st[y].ranking);
      ++pairs;
    }
  }
  r.weighting.mean_pairwise_tau = sum / pairs;
}

/// The ranking, and the method's details and warnings, moved out of the state (each traced run
/// starts them afresh).
void ranking(State& s, Result& r) {
  r.higher_is_better = s.output.higher_is_better;
  r.details = std::move(s.output.details);
  r.details.options = s.problem.option_ids();
  r.ranking.reserve(s.order.size());
  for (size_t i : s.order) r.ranking.push_back({r.options.id(i), s.rank[i], s.score[i]});
  r.warnings.insert(r.warnings.end(), std::make_move_iterator(s.output.warnings.begin()),
                    std::make_move_iterator(s.output.warnings.end()));
}

}  // namespace

Result assemble_result(const Plan& plan, State& s, Trace& trace) {
  Result r;
  header(plan, r);
  inputs(plan, s, r);
  derived(plan, s, r);
  r.rules = std::move(trace.rules.rules);
  r.vetoed = std::move(trace.rules.vetoed);
  r.notes = std::move(trace.rules.notes);
  r.warnings = std::move(trace.rules.warnings);
  r.weighting = std::move(trace.weighting);
  if (plan.weighting.spec != nullptr && plan.assessment->weighting) {
    r.weighting.origin = "assessment";
  }
  criteria(plan, s, trace, r);
  options(plan, s, r);
  if (!s.rows.eligible.empty()) {
    ranking(s, r);
    stakeholders(plan, s, r);
  }
  r.explanation = explain(r);
  return r;
}

}  // namespace tradeoff::detail
