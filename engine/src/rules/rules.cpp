// Rules: conditions, vetoes, score adjustments and notes, and their trace; see rules/rules.hpp.
#include "rules/rules.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

size_t index_of(const Framework& fw, const std::string& option, const Effect& e) {
  for (size_t i = 0; i < fw.options.size(); ++i) {
    if (fw.options[i].id == option) return i;
  }
  fail(ErrorCode::UnknownReference, e.where, fmt::format("unknown option '{}'", option));
}

size_t criterion_of(const Framework& fw, const Effect& e) {
  for (size_t j = 0; j < fw.criteria.size(); ++j) {
    if (fw.criteria[j].id == e.criterion) return j;
  }
  fail(ErrorCode::UnknownReference, e.where, fmt::format("unknown criterion '{}'", e.criterion));
}

std::string_view kind_name(Effect::Kind k) {
  switch (k) {
    case Effect::Kind::Veto:
      return "veto";
    case Effect::Kind::ScoreAdd:
      return "add";
    case Effect::Kind::ScoreMultiply:
      return "multiply";
    case Effect::Kind::ScoreSet:
      return "set";
    case Effect::Kind::WeightMultiply:
      return "weight_multiply";
    case Effect::Kind::WeightSet:
      return "weight_set";
    case Effect::Kind::Note:
      return "note";
  }
  return "note";
}

/// What one run of the rules reads and writes.
struct Run {
  const RuleSet& rules;
  const SlotNames& names;
  const double* slots;
  bool reevaluate;
  RuleState& state;
  RulesTrace* trace;
  const std::vector<double>& base;  ///< the scores before the rules
};

double effect_value(Run& run, const CompiledRule& rule, size_t k) {
  const size_t index = rule.first + k;
  if (run.reevaluate) {
    const Effect& e = *rule.effects[k].effect;
    run.state.values[index] =
        evaluate(run.names, run.slots, *e.value, [&] { return describe(e, rule.rule->id); });
  }
  return run.state.values[index];
}

void veto(Run& run, const CompiledRule& rule, const CompiledEffect& ce, RuleTrace* rt) {
  for (size_t i : ce.options) {
    const bool already = run.state.vetoed[i] != 0;
    run.state.vetoed[i] = 1;
    if (rt == nullptr) continue;
    const std::string& id = run.names.fw->options[i].id;
    EffectTrace t;
    t.kind = "veto";
    t.option = id;
    if (already) {
      t.text = fmt::format("{} was already vetoed", id);
    } else {
      Veto v;
      v.option = id;
      v.rule = rule.rule->id;
      v.because = rule.rule->because;
      run.trace->vetoed.push_back(std::move(v));
      t.text = fmt::format("vetoes {}", id);
    }
    rt->effects.push_back(std::move(t));
  }
}

void warn_score_set(Run& run, const Rule& rule, const Effect& e, size_t i, size_t j, double after) {
  const Framework& fw = *run.names.fw;
  const std::string& id = fw.options[i].id;
  const std::string& c = fw.criteria[j].id;
  auto& sets = run.trace->score_sets;
  const auto it = sets.find({i, j});
  if (it != sets.end() && it->second.value != after) {
    run.trace->warnings.push_back(make_diagnostic(
        ErrorCode::Conflict, e.where,
        it->second.rule == rule.id
            ? fmt::format("rule '{}' sets the score of '{}' on '{}' twice, differently ({} and "
                          "{}); the later effect wins",
                          rule.id, id, c, quantity(it->second.value), quantity(after))
            : fmt::format("rules '{}' and '{}' set the score of '{}' on '{}' differently ({} "
                          "and {}); the later rule, '{}', wins",
                          it->second.rule, rule.id, id, c, quantity(it->second.value),
                          quantity(after), rule.id),
        {}, Severity::Warning));
  }
  sets[{i, j}] = {rule.id, after};
}

/// The trace of a score effect that the assessment's own score overrides.
void skipped_score(const Run& run, const Effect& e, size_t i, size_t j, double value,
                   double operand, RuleTrace& rt) {
  const Criterion& c = run.names.fw->criteria[j];
  EffectTrace t;
  t.kind = kind_name(e.kind);
  t.option = run.names.fw->options[i].id;
  t.criterion = c.id;
  t.operand = operand;
  t.before = value;
  t.after = value;
  t.applied = false;
  const auto reason = run.rules.fixed_reasons.find(i * run.rules.criteria + j);
  const Fixed fixed{true, "the assessment",
                    reason != run.rules.fixed_reasons.end() ? reason->second : ""};
  t.text = fmt::format("{} on {}: {}", t.option, c.id,
                       not_applied(fixed, fmt::format("{}'s {}", t.option, c.id), value));
  rt.effects.push_back(std::move(t));
}

void adjust_scores(Run& run, const CompiledRule& rule, size_t k, RuleTrace* rt) {
  const CompiledEffect& ce = rule.effects[k];
  const Effect& e = *ce.effect;
  const double v = effect_value(run, rule, k);
  const size_t m = run.rules.criteria;
  const Criterion& c = run.names.fw->criteria[ce.criterion];
  for (size_t i : ce.options) {
    if (!run.state.adjusted) {  // the first change: from here on the rules work on a copy
      run.state.raw.assign(run.base.begin(), run.base.end());
      run.state.adjusted = true;
    }
    double& cell = run.state.raw[i * m + ce.criterion];
    const double before = cell;
    if (!run.rules.fixed_scores.empty() && run.rules.fixed_scores[i * m + ce.criterion] != 0) {
      if (rt != nullptr) skipped_score(run, e, i, ce.criterion, before, v, *rt);
      continue;
    }
    double after = e.kind == Effect::Kind::ScoreAdd        ? before + v
                   : e.kind == Effect::Kind::ScoreMultiply ? before * v
                                                           : v;
    const bool clamped = c.scale && (after < c.scale->first || after > c.scale->second);
    if (clamped) after = std::clamp(after, c.scale->first, c.scale->second);
    if (!std::isfinite(after)) {
      fail(ErrorCode::Evaluation, e.where,
           fmt::format("{} makes the score of '{}' on '{}' too large", describe(e, rule.rule->id),
                       run.names.fw->options[i].id, c.id));
    }
    if (rt != nullptr && e.kind == Effect::Kind::ScoreSet) {
      warn_score_set(run, *rule.rule, e, i, ce.criterion, after);
    }
    cell = after;
    if (rt == nullptr) continue;
    EffectTrace t;
    t.kind = kind_name(e.kind);
    t.option = run.names.fw->options[i].id;
    t.criterion = c.id;
    t.operand = v;
    t.before = before;
    t.after = after;
    t.clamped = clamped;
    t.text = fmt::format("{} on {}: {} -> {}{}", t.option, c.id, quantity(before), quantity(after),
                         clamped ? fmt::format(" (kept within the scale [{}, {}])",
                                               quantity(c.scale->first), quantity(c.scale->second))
                                 : "");
    rt->effects.push_back(std::move(t));
  }
}

void apply_effect(Run& run, const CompiledRule& rule, size_t k, RuleTrace* rt) {
  const CompiledEffect& ce = rule.effects[k];
  const Effect& e = *ce.effect;
  if (run.trace != nullptr) {
    run.trace->effect_trace[rule.first + k] = {run.trace->rules.size() - 1, rt->effects.size()};
  }
  switch (e.kind) {
    case Effect::Kind::Veto:
      return veto(run, rule, ce, rt);
    case Effect::Kind::ScoreAdd:
    case Effect::Kind::ScoreMultiply:
    case Effect::Kind::ScoreSet:
      return adjust_scores(run, rule, k, rt);
    case Effect::Kind::WeightMultiply:
    case Effect::Kind::WeightSet: {
      // Weights are known only once the weighting has run (objective methods read the final
      // matrix): the value is kept now, and applied then, in the same order.
      const double v = effect_value(run, rule, k);
      if (rt == nullptr) return;
      EffectTrace t;
      t.kind = kind_name(e.kind);
      t.criterion = e.criterion;
      t.operand = v;
      rt->effects.push_back(std::move(t));
      return;
    }
    case Effect::Kind::Note: {
      if (rt == nullptr) return;
      const std::string text = fill(run.names, run.slots, e.text);
      run.trace->notes.push_back({rule.rule->id, text});
      EffectTrace t;
      t.kind = "note";
      t.text = "note: " + text;
      rt->effects.push_back(std::move(t));
      return;
    }
  }
}

/// "52 weeks is above the limit of 32.5 weeks (deadline_weeks * 1.25; with deadline_weeks = 26)".
std::string limit_reason(const Run& run, const Criterion& c, const Expression& bound, bool upper,
                         double value, double limit) {
  const std::string unit = c.unit.empty() ? "" : " " + c.unit;
  std::string text = fmt::format("{}{} is {} the limit of {}{}", quantity(value), unit,
                                 upper ? "above" : "below", quantity(limit), unit);
  if (bound.text != quantity(limit)) {
    std::string with = with_bindings(run.names, run.slots, bound);  // " (with a = 1)"
    if (with.size() > 3) with = "; " + with.substr(2, with.size() - 3);
    text += fmt::format(" ({}{})", bound.text, with);
  }
  const std::string& because = c.limit->because;
  return because.empty() ? text : fmt::format("{}: {}", text, because);
}

/// Options whose score lies beyond a criterion's limit leave the ranking, after every rule.
void apply_limits(Run& run) {
  const size_t m = run.rules.criteria;
  const double inf = std::numeric_limits<double>::infinity();
  for (size_t l = 0; l < run.rules.limits.size(); ++l) {
    const CompiledLimit& cl = run.rules.limits[l];
    const Criterion& c = run.names.fw->criteria[cl.criterion];
    double& lo = run.state.bounds[2 * l];
    double& hi = run.state.bounds[2 * l + 1];
    if (run.reevaluate) {
      const auto bound = [&](const std::optional<Expression>& e, const char* which, double none) {
        if (!e) return none;
        return evaluate(run.names, run.slots, *e,
                        [&] { return fmt::format("the {} limit of criterion '{}'", which, c.id); });
      };
      lo = bound(cl.limit->min, "lower", -inf);
      hi = bound(cl.limit->max, "upper", inf);
    }
    for (size_t i = 0; i < run.rules.options; ++i) {
      if (run.state.vetoed[i] != 0) continue;
      const double x = after_rules(run.state, run.base)[i * m + cl.criterion];
      const bool above = x > hi;
      if (!above && !(x < lo)) continue;
      run.state.vetoed[i] = 1;
      if (run.trace == nullptr) continue;
      Veto v;
      v.option = run.names.fw->options[i].id;
      v.limit = c.id;
      v.bound_kind = above ? "max" : "min";
      v.bound = above ? hi : lo;
      v.value = x;
      v.because = limit_reason(run, c, above ? *cl.limit->max : *cl.limit->min, above, x, v.bound);
      run.trace->vetoed.push_back(std::move(v));
    }
  }
}

RuleTrace* begin_trace(Run& run, const Rule& rule) {
  if (run.trace == nullptr) return nullptr;
  RuleTrace t;
  t.id = rule.id;
  t.when = rule.when.text;
  t.because = rule.because;
  t.source = rule.source;
  t.bindings = bindings(run.names, run.slots, rule.when);
  run.trace->rules.push_back(std::move(t));
  return &run.trace->rules.back();
}

}  // namespace

std::string not_applied(const Fixed& fixed, std::string_view what, double value) {
  return fmt::format("not applied: {} sets {} to {}{}", fixed.by, what, quantity(value),
                     fixed.reason.empty() ? "" : fmt::format(" ({})", fixed.reason));
}

RuleSet compile_rules(const Framework& fw) {
  RuleSet set;
  set.options = fw.options.size();
  set.criteria = fw.criteria.size();
  for (const Rule& rule : fw.rules) {
    CompiledRule cr;
    cr.rule = &rule;
    cr.first = set.effects;
    for (const Effect& e : rule.effects) {
      CompiledEffect ce;
      ce.effect = &e;
      for (const auto& id : e.options) ce.options.push_back(index_of(fw, id, e));
      if (!e.criterion.empty()) ce.criterion = criterion_of(fw, e);
      cr.effects.push_back(std::move(ce));
      ++set.effects;
    }
    set.rules.push_back(std::move(cr));
  }
  for (size_t j = 0; j < fw.criteria.size(); ++j) {
    if (fw.criteria[j].limit) set.limits.push_back({&*fw.criteria[j].limit, j});
  }
  return set;
}

void apply_rules(const RuleSet& rules, const SlotNames& names, const double* slots,
                 const std::vector<double>& base, bool reevaluate, RuleState& state,
                 RulesTrace* trace) {
  state.adjusted = false;
  state.vetoed.assign(rules.options, 0);
  if (reevaluate) {
    state.fired.assign(rules.rules.size(), 0);
    state.values.assign(rules.effects, 0.0);
    state.bounds.assign(2 * rules.limits.size(), 0.0);
  }
  if (trace != nullptr) trace->effect_trace.assign(rules.effects, {0, 0});
  Run run{rules, names, slots, reevaluate, state, trace, base};
  for (size_t r = 0; r < rules.rules.size(); ++r) {
    const CompiledRule& rule = rules.rules[r];
    RuleTrace* rt = begin_trace(run, *rule.rule);
    if (reevaluate) {
      state.fired[r] = evaluate(names, slots, rule.rule->when, [&] {
                         return fmt::format("the condition of rule '{}'", rule.rule->id);
                       }) != 0;
    }
    if (rt != nullptr) rt->fired = state.fired[r] != 0;
    if (state.fired[r] == 0) continue;
    for (size_t k = 0; k < rule.effects.size(); ++k) apply_effect(run, rule, k, rt);
  }
  apply_limits(run);
}

}  // namespace tradeoff::detail
