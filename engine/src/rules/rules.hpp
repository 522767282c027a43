// The rules stage: each rule's condition over the value slots and, when it holds, its effects in
// the order written: vetoes, score adjustments (kept within the criterion's scale), weight
// effects (applied once the weighting has run) and notes. Takes the slots and the matrix before
// the rules; gives the matrix after them, the vetoed options and the values of the weight
// effects. A trace, when asked for, records what each rule read and did.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "derive/formula.hpp"
#include "tradeoff/model.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff::detail {

struct CompiledEffect {
  const Effect* effect = nullptr;
  std::vector<size_t> options;  ///< veto and score effects: option indices
  size_t criterion = 0;         ///< score and weight effects: criterion index
};

struct CompiledRule {
  const Rule* rule = nullptr;
  std::vector<CompiledEffect> effects;
  size_t first = 0;  ///< index of its first effect among all effects
};

/// A criterion's limit, with the criterion's index.
struct CompiledLimit {
  const Limit* limit = nullptr;
  size_t criterion = 0;
};

/// A value the assessment (or the command line) set on purpose: rules leave it alone.
struct Fixed {
  bool fixed = false;
  std::string by;      ///< "the assessment", "the command line"
  std::string reason;  ///< the assessment's `because`, if any
};

/// A framework's rules with ids resolved to indices.
struct RuleSet {
  std::vector<CompiledRule> rules;
  size_t effects = 0;  ///< effects of all rules
  size_t options = 0;
  size_t criteria = 0;
  /// Options x criteria: 1 where the assessment sets the score; empty: none fixed. Bytes, not
  /// Fixed, since an assessment's table may set millions.
  std::vector<uint8_t> fixed_scores;
  std::map<size_t, std::string> fixed_reasons;  ///< by cell: the assessment's `because`
  std::vector<Fixed> fixed_weights;             ///< per criterion; empty: none fixed
  std::vector<CompiledLimit> limits;            ///< checked after every rule, in criterion order
};
RuleSet compile_rules(const Framework& fw);

/// "not applied: the assessment sets buy_api's delivery_risk to 2 (we already run vLLM)".
std::string not_applied(const Fixed& fixed, std::string_view what, double value);

/// What the rules did, re-used from one evaluation to the next.
struct RuleState {
  std::vector<uint8_t> fired;  ///< per rule
  std::vector<double> values;  ///< per effect: its value, when its rule fired
  /// Options x criteria, after the rules, when a rule changed a score (`adjusted`); else the
  /// scores before the rules stand (see after_rules()): a table's matrix is not copied for
  /// rules that never touch it.
  std::vector<double> raw;
  bool adjusted = false;
  std::vector<uint8_t> vetoed;  ///< per option
  std::vector<double> bounds;   ///< per limit: its min and max (-inf and inf when absent)
};

/// The scores after the rules: `state.raw` when a rule changed one, else `base` itself.
inline const std::vector<double>& after_rules(const RuleState& state,
                                              const std::vector<double>& base) {
  return state.adjusted ? state.raw : base;
}

/// Who set a score or a weight, to warn when two rules set it differently.
struct SetBy {
  std::string rule;
  double value = 0;
};

/// The rules' trace: every rule in file order, fired or not, and what the effects did.
struct RulesTrace {
  std::vector<RuleTrace> rules;
  std::vector<Veto> vetoed;
  std::vector<Note> notes;
  std::vector<Diagnostic> warnings;
  /// Per effect: where its trace is (rule, effect), for weight effects traced later.
  std::vector<std::pair<size_t, size_t>> effect_trace;
  std::map<std::pair<size_t, size_t>, SetBy> score_sets;
  std::map<size_t, SetBy> weight_sets;
};

/// Applies the rules to `base`, then excludes the options beyond a criterion's limit. With
/// `reevaluate`, conditions and effect values are computed over `slots`; otherwise those of the
/// last run are kept (only the scores changed).
void apply_rules(const RuleSet& rules, const SlotNames& names, const double* slots,
                 const std::vector<double>& base, bool reevaluate, RuleState& state,
                 RulesTrace* trace);

/// Applies the fired weight effects to `weights`, in file order. A weight made too large to
/// represent is an error; one made negative too when `strict`, otherwise it is kept at 0 (a
/// stakeholder's own weights).
/// With a trace, records each effect's before and after and the criterion's new origin.
void apply_weight_effects(const RuleSet& rules, const SlotNames& names, const double* slots,
                          const RuleState& state, std::vector<double>& weights, bool strict,
                          RulesTrace* trace, std::vector<std::string>* origins);

/// The last weight effect that fired, or null.
const CompiledEffect* last_weight_effect(const RuleSet& rules, const RuleState& state,
                                         const Rule** rule);

}  // namespace tradeoff::detail
