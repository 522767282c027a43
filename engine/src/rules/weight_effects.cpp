// The rules' weight effects, applied to the weights the weighting gives: see rules/rules.hpp.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "rules/rules.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

/// A weight made negative, or beyond the largest double (multiplied by 1e300 twice, say).
[[noreturn]] void bad_weight(const SlotNames& names, const double* slots, const Effect& e,
                             const std::string& rule, double after) {
  Diagnostic d = make_diagnostic(
      ErrorCode::InvalidWeights, e.value->at(0),
      std::isfinite(after)
          ? fmt::format("{} makes the weight of '{}' {}{}; weights must be non-negative",
                        describe(e, rule), e.criterion, quantity(after),
                        with_bindings(names, slots, *e.value))
          : fmt::format("{} makes the weight of '{}' too large to represent{}", describe(e, rule),
                        e.criterion, with_bindings(names, slots, *e.value)));
  d.length = e.value->text.find('\n') == std::string::npos
                 ? std::max(1, static_cast<int>(display_width(e.value->text)))
                 : 1;
  throw Error(std::move(d));
}

void warn_weight_set(RulesTrace& trace, const Effect& e, size_t j, const std::string& rule,
                     double after) {
  auto& sets = trace.weight_sets;
  const auto it = sets.find(j);
  if (it != sets.end() && it->second.value != after) {
    trace.warnings.push_back(make_diagnostic(
        ErrorCode::Conflict, e.where,
        fmt::format("rules '{}' and '{}' set the weight of '{}' differently ({} and {}); the "
                    "later rule, '{}', wins",
                    it->second.rule, rule, e.criterion, quantity(it->second.value), quantity(after),
                    rule),
        {}, Severity::Warning));
  }
  sets[j] = {rule, after};
}

}  // namespace

void apply_weight_effects(const RuleSet& rules, const SlotNames& names, const double* slots,
                          const RuleState& state, std::vector<double>& weights, bool strict,
                          RulesTrace* trace, std::vector<std::string>* origins) {
  for (size_t r = 0; r < rules.rules.size(); ++r) {
    if (state.fired[r] == 0) continue;
    const CompiledRule& rule = rules.rules[r];
    for (size_t k = 0; k < rule.effects.size(); ++k) {
      const CompiledEffect& ce = rule.effects[k];
      const Effect& e = *ce.effect;
      if (e.kind != Effect::Kind::WeightMultiply && e.kind != Effect::Kind::WeightSet) continue;
      const size_t j = ce.criterion;
      const double v = state.values[rule.first + k];
      const double before = weights[j];
      if (!rules.fixed_weights.empty() && rules.fixed_weights[j].fixed) {
        if (trace == nullptr) continue;
        const auto [at_rule, at_effect] = trace->effect_trace[rule.first + k];
        EffectTrace& t = trace->rules[at_rule].effects[at_effect];
        t.before = before;
        t.after = before;
        t.applied = false;
        t.text = fmt::format(
            "weight of {}: {}", e.criterion,
            not_applied(rules.fixed_weights[j], "the weight of " + e.criterion, before));
        continue;
      }
      const double after = e.kind == Effect::Kind::WeightMultiply ? before * v : v;
      if (!std::isfinite(after)) bad_weight(names, slots, e, rule.rule->id, after);
      if (!strict) {
        weights[j] = std::max(0.0, after);
        continue;
      }
      if (!(after >= 0)) bad_weight(names, slots, e, rule.rule->id, after);
      weights[j] = after;
      if (trace == nullptr) continue;
      if (e.kind == Effect::Kind::WeightSet) warn_weight_set(*trace, e, j, rule.rule->id, after);
      if (origins != nullptr) (*origins)[j] = "rule " + rule.rule->id;
      const auto [at_rule, at_effect] = trace->effect_trace[rule.first + k];
      EffectTrace& t = trace->rules[at_rule].effects[at_effect];
      t.before = before;
      t.after = after;
      t.text =
          fmt::format("weight of {}: {} -> {}", e.criterion, quantity(before), quantity(after));
    }
  }
}

const CompiledEffect* last_weight_effect(const RuleSet& rules, const RuleState& state,
                                         const Rule** rule) {
  const CompiledEffect* last = nullptr;
  for (size_t r = 0; r < rules.rules.size(); ++r) {
    if (state.fired[r] == 0) continue;
    for (const auto& ce : rules.rules[r].effects) {
      if (ce.effect->kind == Effect::Kind::WeightMultiply ||
          ce.effect->kind == Effect::Kind::WeightSet) {
        last = &ce;
        *rule = rules.rules[r].rule;
      }
    }
  }
  return last;
}

}  // namespace tradeoff::detail
