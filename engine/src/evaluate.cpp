// The evaluation pipeline: bind the assessment, build the decision problem, normalise,
// aggregate, rank and explain.
#include "tradeoff/evaluate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "explain.hpp"
#include "weights/weighting.hpp"
#include "expr/check.hpp"
#include "inputs.hpp"
#include "load/expression_loader.hpp"
#include "methods/method.hpp"
#include "normalize.hpp"
#include "problem.hpp"
#include "rank.hpp"
#include "suggest.hpp"
#include "text.hpp"

namespace tradeoff {

Normalization default_normalization(Method method) {
  return detail::method_info(method).normalization;
}

const OptionResult* Result::option(const std::string& id) const {
  for (const auto& o : options) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

int Result::criterion_index(const std::string& id) const {
  for (size_t j = 0; j < criteria.size(); ++j) {
    if (criteria[j].id == id) return static_cast<int>(j);
  }
  return -1;
}

namespace {


}  // namespace

namespace {

/// The value slots expressions read, and how to report a failed evaluation.
class Values {
 public:
  explicit Values(const Framework& fw) : fw_(fw), slots_(fw.slot_count(), 0.0) {}

  double* data() { return slots_.data(); }
  double& operator[](size_t i) { return slots_[i]; }

  /// "100,000", "true", "basic": the value of a slot as people read it.
  std::string display(size_t slot) const {
    if (slot < fw_.inputs.size()) return fw_.inputs[slot].display(slots_[slot]);
    const Derived& d = fw_.derived[slot - fw_.inputs.size()];
    return display_typed(*d.formula.tree, slots_[slot]);
  }

  std::string display_typed(const expr::Tree& tree, double v) const {
    switch (expr::result_type(tree)) {
      case expr::Type::Bool: return v != 0 ? "true" : "false";
      case expr::Type::Level:
      case expr::Type::Choice: {
        const auto symbols = loader::symbols_of(fw_);
        const auto& values = symbols.domains[static_cast<size_t>(expr::result_domain(tree))].values;
        const auto index = static_cast<size_t>(v);
        return index < values.size() ? values[index] : "?";
      }
      default: return detail::quantity(v);
    }
  }

  /// A note with each {name} replaced by that value as people read it.
  std::string fill(const std::string& text) const {
    std::string out;
    size_t pos = 0;
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', pos)) {
      const size_t close = text.find('}', open);
      if (close == std::string::npos) break;
      const std::string name = text.substr(open + 1, close - open - 1);
      out += text.substr(pos, open - pos);
      size_t slot = fw_.slot_count();
      for (size_t k = 0; k < fw_.inputs.size(); ++k) {
        if (fw_.inputs[k].name == name) slot = k;
      }
      for (size_t k = 0; k < fw_.derived.size(); ++k) {
        if (fw_.derived[k].name == name) slot = fw_.inputs.size() + k;
      }
      out += slot < fw_.slot_count() ? display(slot) : text.substr(open, close - open + 1);
      pos = close + 1;
    }
    return out + text.substr(pos);
  }

  /// The names an expression reads, with their current values.
  std::vector<std::pair<std::string, std::string>> bindings(const Expression& e) const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& name : expr::names_in(*e.tree)) {
      for (const auto& n : e.tree->nodes) {
        if (n.op == expr::Op::Name && n.text == name && n.slot >= 0) {
          out.emplace_back(name, display(static_cast<size_t>(n.slot)));
          break;
        }
      }
    }
    return out;
  }

  double eval(const Expression& e, std::string_view what) const {
    try {
      return expr::evaluate(*e.tree, slots_.data());
    } catch (const expr::EvalError& err) {
      Diagnostic d;
      d.code = ErrorCode::Evaluation;
      const auto& node = e.tree->node(err.node);
      d.where = e.at(node.begin);
      std::string with;
      for (const auto& [name, value] : bindings(e)) {
        with += (with.empty() ? " (with " : ", ") + name + " = " + value;
      }
      if (!with.empty()) with += ")";
      d.message = fmt::format("in {}: {}{}", what, err.message, with);
      const auto end = e.at(node.end);
      d.length = end.line == d.where.line ? std::max(1, end.column - d.where.column) : 1;
      throw Error(std::move(d));
    }
  }

 private:
  const Framework& fw_;
  std::vector<double> slots_;
};

[[noreturn]] void input_error(ErrorCode code, SourceLocation where, std::string message,
                              std::string hint = {}) {
  Diagnostic d;
  d.code = code;
  d.where = std::move(where);
  d.message = std::move(message);
  d.hint = std::move(hint);
  throw Error(std::move(d));
}

std::string effect_kind(Effect::Kind k) {
  switch (k) {
    case Effect::Kind::Veto: return "veto";
    case Effect::Kind::ScoreAdd: return "add";
    case Effect::Kind::ScoreMultiply: return "multiply";
    case Effect::Kind::ScoreSet: return "set";
    case Effect::Kind::WeightMultiply: return "weight_multiply";
    case Effect::Kind::WeightSet: return "weight_set";
    case Effect::Kind::Note: return "note";
  }
  return "note";
}

}  // namespace

Result evaluate(const Framework& fw, const Assessment* assessment, const EvaluateOptions& opt) {
  static const Assessment kNone;
  const Assessment& a = assessment != nullptr ? *assessment : kNone;

  Result result;
  result.framework = fw.id;
  result.framework_title = fw.title;
  result.framework_version = fw.version;
  result.assessment = a.id;
  result.assessment_title = a.title;
  result.assessment_date = a.date;

  // Method and normalisation.
  const Method method_id = opt.method           ? *opt.method
                           : a.method.name      ? *a.method.name
                           : fw.method.name     ? *fw.method.name
                                                : Method::Wsm;
  const detail::MethodInfo* method = &detail::method_info(method_id);
  // A normalisation goes with the method chosen beside it or below it: switching the method on
  // the command line does not inherit a normalisation picked for the framework's method.
  const int method_level = opt.method         ? 3
                           : a.method.name    ? 2
                           : fw.method.name   ? 1
                                              : 0;
  Normalization normalization = method->normalization;
  bool norm_chosen = false;
  const std::pair<int, const std::optional<Normalization>*> norm_levels[] = {
      {3, &opt.normalization}, {2, &a.method.normalization}, {1, &fw.method.normalization}};
  for (const auto& [level, chosen] : norm_levels) {
    if (chosen->has_value() && level >= method_level) {
      normalization = **chosen;
      norm_chosen = true;
      break;
    }
  }
  const std::string norm_name(to_string(normalization));
  if (!method->allowed.empty() &&
      std::find(method->allowed.begin(), method->allowed.end(), normalization) ==
          method->allowed.end()) {
    std::string list;
    for (size_t k = 0; k < method->allowed.size(); ++k) {
      list += (k == 0 ? "'" : k + 1 == method->allowed.size() ? " or '" : ", '") +
              std::string(to_string(method->allowed[k])) + "'";
    }
    const std::string message =
        fmt::format("{} works with the {} normalization, not '{}'", method->title, list, norm_name);
    const std::string hint = fmt::format("{} normalises with '{}' by default", method->title,
                                         to_string(method->normalization));
    if (opt.normalization || opt.method) usage_error(message, hint);
    const MethodSpec& chosen = a.method.normalization ? a.method : fw.method;
    input_error(ErrorCode::InvalidValue,
                chosen.normalization_where.line > 0 ? chosen.normalization_where : chosen.where,
                message, hint);
  }
  // Method parameters: the assessment's, else the framework's.
  detail::MethodParams params;
  params.v = a.method.v.value_or(fw.method.v.value_or(0.5));
  params.lambda = a.method.lambda.value_or(fw.method.lambda.value_or(0.5));
  for (const auto& c : fw.criteria) {
    const PreferenceFunction* chosen = nullptr;
    for (const auto* list : {&fw.method.preference, &a.method.preference}) {
      for (const auto& pf : *list) {
        if (pf.criterion.empty() && (chosen == nullptr || chosen->criterion.empty())) chosen = &pf;
      }
      for (const auto& pf : *list) {
        if (pf.criterion == c.id) chosen = &pf;
      }
    }
    detail::Preference pref;
    if (chosen != nullptr) {
      pref.kind = chosen->function;
      pref.q = chosen->q;
      pref.p = chosen->p;
      pref.s = chosen->s;
    }
    params.preference.push_back(pref);
  }
  result.method = std::string(method->name);
  result.method_title = std::string(method->title);
  result.normalization = norm_name;
  result.contribution_meaning = std::string(method->contribution);
  result.contribution_total = std::string(method->total);

  // Inputs: defaults, then the assessment's answers, then the command line's.
  Values values(fw);
  for (const auto& in : fw.inputs) {
    InputResult r;
    r.name = in.name;
    r.description = in.description;
    r.unit = in.unit;
    r.origin = "default";
    r.source = in.source;
    r.as_of = in.as_of;
    values[result.inputs.size()] = in.default_value;
    result.inputs.push_back(std::move(r));
  }
  for (const auto& answer : a.inputs) {
    for (size_t k = 0; k < fw.inputs.size(); ++k) {
      if (fw.inputs[k].name != answer.name) continue;
      // The framework's source vouches for its default, not for the assessment's answer.
      values[k] = answer.value;
      result.inputs[k].origin = "assessment";
      result.inputs[k].source = answer.source;
      result.inputs[k].as_of = answer.as_of;
      result.inputs[k].because = answer.because;
    }
  }
  std::vector<std::string> input_names;
  for (const auto& in : fw.inputs) input_names.push_back(in.name);
  for (const auto& [name, text] : opt.set) {
    const SourceLocation where{"--set " + name + "=" + text, 0, 0};
    size_t k = 0;
    while (k < fw.inputs.size() && fw.inputs[k].name != name) ++k;
    if (k == fw.inputs.size()) {
      usage_error(fmt::format("--set {}={}: framework '{}' has no input '{}'", name, text, fw.id,
                              name),
                  detail::did_you_mean(name, input_names));
    }
    detail::InputProblem problem;
    const auto v = detail::parse_input_value(fw.inputs[k], text, true,
                                             fmt::format("--set {}", name), problem);
    if (!v) usage_error(problem.message, problem.hint);
    values[k] = *v;
    result.inputs[k].origin = "command line";
    result.inputs[k].source.clear();
    result.inputs[k].as_of.clear();
    result.inputs[k].because.clear();
  }
  for (size_t k = 0; k < fw.inputs.size(); ++k) {
    result.inputs[k].value = values[k];
    result.inputs[k].display = fw.inputs[k].display(values[k]);
  }

  // Derived values, dependencies first.
  const size_t first_derived = fw.inputs.size();
  for (size_t d : fw.derived_order) {
    const Derived& dv = fw.derived[d];
    values[first_derived + d] =
        values.eval(dv.formula, fmt::format("derived value '{}'", dv.name));
  }
  for (size_t d = 0; d < fw.derived.size(); ++d) {
    const Derived& dv = fw.derived[d];
    const double v = values[first_derived + d];
    result.derived.push_back({dv.name, dv.description, dv.unit, dv.formula.text, v,
                              values.display(first_derived + d)});
  }

  // Weights: the framework's, overridden by the assessment (rules may change them below).
  for (const auto& c : fw.criteria) {
    CriterionResult cr;
    cr.id = c.id;
    cr.name = c.name;
    cr.unit = c.unit;
    cr.direction = c.direction;
    cr.weight = c.weight.value_or(0);
    cr.weight_origin = "framework";
    for (const auto& o : a.weights) {
      if (o.criterion == c.id) {
        cr.weight = o.weight;
        cr.weight_origin = "assessment";
      }
    }
    result.criteria.push_back(std::move(cr));
  }

  // Raw scores: the framework's (numbers or formulas), overridden by the assessment.
  const size_t m = fw.criteria.size();
  std::vector<SourceLocation> where;
  for (const auto& option : fw.options) {
    OptionResult o;
    o.id = option.id;
    o.name = option.name;
    for (const auto& c : fw.criteria) {
      const Score* s = option.score(c.id);
      bool overridden = false;
      for (const auto& so : a.scores) {
        if (so.option == option.id && so.score.criterion == c.id) {
          s = &so.score;
          overridden = true;
        }
      }
      // Loading guarantees a score for every criterion; be defensive for API users.
      if (s == nullptr) {
        input_error(ErrorCode::MissingScore, option.scores_where,
                    fmt::format("option '{}' has no score for criterion '{}'", option.id, c.id));
      }
      double v = s->value;
      if (s->formula) {
        v = values.eval(*s->formula,
                        fmt::format("the score of '{}' on '{}'", option.id, c.id));
        if (c.scale && (v < c.scale->first || v > c.scale->second)) {
          Diagnostic d;
          d.code = ErrorCode::OutOfRange;
          d.where = s->formula->at(0);
          d.length = s->formula->text.find('\n') == std::string::npos
                         ? std::max(1, static_cast<int>(detail::display_width(s->formula->text)))
                         : 1;
          d.message = fmt::format(
              "the score of '{}' on '{}' is {}, outside the criterion's scale [{}, {}]",
              option.id, c.id, detail::quantity(v), detail::quantity(c.scale->first),
              detail::quantity(c.scale->second));
          std::string with;
          for (const auto& [name, value] : values.bindings(*s->formula)) {
            with += (with.empty() ? "" : ", ") + name + " = " + value;
          }
          if (!with.empty()) d.message += " (with " + with + ")";
          throw Error(std::move(d));
        }
      }
      o.raw.push_back(v);
      o.because.push_back(s->because);
      o.source.push_back(s->source);
      o.overridden.push_back(overridden);
      where.push_back(s->where);
    }
    result.options.push_back(std::move(o));
  }

  // Rules, in file order; each effect in the order written.
  struct SetBy {
    std::string rule;
    double value;
  };
  std::map<std::pair<std::string, std::string>, SetBy> score_sets;
  std::map<std::string, SetBy> weight_sets;
  struct WeightEffect {
    const Effect* effect;
    const Rule* rule;
    double value;
    size_t rule_index;    ///< in result.rules
    size_t effect_index;  ///< in that rule's trace
  };
  std::vector<WeightEffect> weight_effects;
  auto option_index = [&](const std::string& id) {
    for (size_t i = 0; i < result.options.size(); ++i) {
      if (result.options[i].id == id) return i;
    }
    return result.options.size();
  };
  auto criterion_index = [&](const std::string& id) {
    return static_cast<size_t>(result.criterion_index(id));
  };
  for (const Rule& rule : fw.rules) {
    RuleTrace trace;
    trace.id = rule.id;
    trace.when = rule.when.text;
    trace.because = rule.because;
    trace.source = rule.source;
    trace.bindings = values.bindings(rule.when);
    trace.fired = values.eval(rule.when, fmt::format("the condition of rule '{}'", rule.id)) != 0;
    if (trace.fired) {
      for (const Effect& e : rule.effects) {
        const std::string what = describe(e, rule.id);
        switch (e.kind) {
          case Effect::Kind::Veto:
            for (const auto& id : e.options) {
              const bool already = std::any_of(result.vetoed.begin(), result.vetoed.end(),
                                               [&](const Veto& v) { return v.option == id; });
              EffectTrace t;
              t.kind = "veto";
              t.option = id;
              if (already) {
                t.text = fmt::format("{} was already vetoed", id);
              } else {
                result.vetoed.push_back({id, rule.id, rule.because});
                t.text = fmt::format("vetoes {}", id);
              }
              trace.effects.push_back(std::move(t));
            }
            break;
          case Effect::Kind::ScoreAdd:
          case Effect::Kind::ScoreMultiply:
          case Effect::Kind::ScoreSet: {
            const double v = values.eval(*e.value, what);
            const size_t j = criterion_index(e.criterion);
            const Criterion& c = fw.criteria[j];
            for (const auto& id : e.options) {
              OptionResult& o = result.options[option_index(id)];
              const double before = o.raw[j];
              double after = e.kind == Effect::Kind::ScoreAdd        ? before + v
                             : e.kind == Effect::Kind::ScoreMultiply ? before * v
                                                                     : v;
              std::string clamped;
              if (c.scale && (after < c.scale->first || after > c.scale->second)) {
                after = std::clamp(after, c.scale->first, c.scale->second);
                clamped = fmt::format(" (kept within the scale [{}, {}])",
                                      detail::quantity(c.scale->first),
                                      detail::quantity(c.scale->second));
              }
              if (!std::isfinite(after)) {
                input_error(ErrorCode::Evaluation, e.where,
                            fmt::format("{} makes the score of '{}' on '{}' too large", what, id,
                                        c.id));
              }
              if (e.kind == Effect::Kind::ScoreSet) {
                const auto key = std::make_pair(id, c.id);
                auto it = score_sets.find(key);
                if (it != score_sets.end() && it->second.value != after) {
                  Diagnostic w;
                  w.code = ErrorCode::Conflict;
                  w.severity = Severity::Warning;
                  w.where = e.where;
                  w.message =
                      it->second.rule == rule.id
                          ? fmt::format("rule '{}' sets the score of '{}' on '{}' twice, "
                                        "differently ({} and {}); the later effect wins",
                                        rule.id, id, c.id, detail::quantity(it->second.value),
                                        detail::quantity(after))
                          : fmt::format("rules '{}' and '{}' set the score of '{}' on '{}' "
                                        "differently ({} and {}); the later rule, '{}', wins",
                                        it->second.rule, rule.id, id, c.id,
                                        detail::quantity(it->second.value),
                                        detail::quantity(after), rule.id);
                  result.warnings.push_back(std::move(w));
                }
                score_sets[key] = {rule.id, after};
              }
              o.raw[j] = after;
              EffectTrace t;
              t.kind = effect_kind(e.kind);
              t.option = id;
              t.criterion = c.id;
              t.operand = v;
              t.before = before;
              t.after = after;
              t.clamped = !clamped.empty();
              t.text = fmt::format("{} on {}: {} -> {}{}", id, c.id, detail::quantity(before),
                                   detail::quantity(after), clamped);
              trace.effects.push_back(std::move(t));
            }
            break;
          }
          case Effect::Kind::WeightMultiply:
          case Effect::Kind::WeightSet: {
            // Weights are known only once the weighting has run (objective methods read the
            // final matrix): evaluate the value now, apply it below, in the same order.
            const double v = values.eval(*e.value, what);
            weight_effects.push_back({&e, &rule, v, result.rules.size(), trace.effects.size()});
            EffectTrace t;
            t.kind = effect_kind(e.kind);
            t.criterion = e.criterion;
            t.operand = v;
            trace.effects.push_back(std::move(t));
            break;
          }
          case Effect::Kind::Note: {
            const std::string text = values.fill(e.text);
            result.notes.push_back({rule.id, text});
            EffectTrace t;
            t.kind = "note";
            t.text = "note: " + text;
            trace.effects.push_back(std::move(t));
            break;
          }
        }
      }
    }
    result.rules.push_back(std::move(trace));
  }

  // The decision problem: the options no rule vetoed.
  detail::DecisionProblem problem;
  for (size_t j = 0; j < m; ++j) {
    const Criterion& c = fw.criteria[j];
    problem.criteria.push_back({c.id, c.direction, c.scale, c.value_function});
  }
  std::vector<size_t> eligible;
  for (size_t i = 0; i < result.options.size(); ++i) {
    OptionResult& o = result.options[i];
    o.eligible = std::none_of(result.vetoed.begin(), result.vetoed.end(),
                              [&](const Veto& v) { return v.option == o.id; });
    o.normalized.assign(m, 0.0);
    o.contribution.assign(m, 0.0);
    if (!o.eligible) continue;
    eligible.push_back(i);
    problem.options.push_back(o.id);
    for (size_t j = 0; j < m; ++j) {
      problem.values.push_back(o.raw[j]);
      problem.where.push_back(where[i * m + j]);
    }
  }

  // Weights: the weighting method's (the criteria's own by default), then the rules' effects.
  const WeightingSpec* spec = a.weighting ? &*a.weighting : fw.weighting ? &*fw.weighting : nullptr;
  std::vector<std::string> criterion_ids;
  std::vector<double> given;
  for (const auto& cr : result.criteria) {
    criterion_ids.push_back(cr.id);
    given.push_back(cr.weight);
  }
  const bool objective = spec != nullptr && (spec->method == WeightingMethod::Entropy ||
                                             spec->method == WeightingMethod::Critic);
  detail::Weighting weighting;
  if (objective && eligible.empty()) {
    weighting.weights.assign(m, 1.0);  // nothing to measure; the ranking is empty anyway
    weighting.report.method = to_string(spec->method);
  } else {
    weighting = detail::compute_weighting(spec, criterion_ids, given, problem);
  }
  result.weighting = weighting.report;
  if (spec != nullptr && a.weighting) result.weighting.origin = "assessment";
  for (size_t j = 0; j < m; ++j) {
    result.criteria[j].weight = weighting.weights[j];
    if (spec != nullptr && !(spec->method == WeightingMethod::Direct && spec->weights.empty())) {
      result.criteria[j].weight_origin = to_string(spec->method);
    }
  }
  auto apply_weight_effects = [&](std::vector<double>& weights, bool trace) {
    for (const auto& we : weight_effects) {
      const Effect& e = *we.effect;
      const size_t j = criterion_index(e.criterion);
      const double before = weights[j];
      const double after = e.kind == Effect::Kind::WeightMultiply ? before * we.value : we.value;
      if (!trace) {
        weights[j] = std::max(0.0, after);
        continue;
      }
      const std::string what = describe(e, we.rule->id);
      if (!(after >= 0) || !std::isfinite(after)) {
        std::string with;
        for (const auto& [name, value] : values.bindings(*e.value)) {
          with += (with.empty() ? " (with " : ", ") + name + " = " + value;
        }
        if (!with.empty()) with += ")";
        Diagnostic d;
        d.code = ErrorCode::InvalidWeights;
        d.where = e.value->at(0);
        d.length = e.value->text.find('\n') == std::string::npos
                       ? std::max(1, static_cast<int>(detail::display_width(e.value->text)))
                       : 1;
        d.message = fmt::format("{} makes the weight of '{}' {}{}; weights must be non-negative",
                                what, e.criterion, detail::quantity(after), with);
        throw Error(std::move(d));
      }
      if (e.kind == Effect::Kind::WeightSet) {
        auto it = weight_sets.find(e.criterion);
        if (it != weight_sets.end() && it->second.value != after) {
          Diagnostic w;
          w.code = ErrorCode::Conflict;
          w.severity = Severity::Warning;
          w.where = e.where;
          w.message = fmt::format(
              "rules '{}' and '{}' set the weight of '{}' differently ({} and {}); the later "
              "rule, '{}', wins",
              it->second.rule, we.rule->id, e.criterion, detail::quantity(it->second.value),
              detail::quantity(after), we.rule->id);
          result.warnings.push_back(std::move(w));
        }
        weight_sets[e.criterion] = {we.rule->id, after};
      }
      weights[j] = after;
      result.criteria[j].weight_origin = "rule " + we.rule->id;
      EffectTrace& t = result.rules[we.rule_index].effects[we.effect_index];
      t.before = before;
      t.after = after;
      t.text = fmt::format("weight of {}: {} -> {}", e.criterion, detail::quantity(before),
                           detail::quantity(after));
    }
  };
  std::vector<double> weights = weighting.weights;
  apply_weight_effects(weights, true);
  double total = 0;
  for (size_t j = 0; j < m; ++j) {
    result.criteria[j].weight = weights[j];
    total += weights[j];
  }
  if (!(total > 0)) {
    // Point at the last weight effect that applied, if a rule zeroed the weights.
    SourceLocation at = fw.criteria_where;
    std::string by;
    if (!weight_effects.empty()) {
      at = weight_effects.back().effect->where;
      by = fmt::format(" after rule '{}'", weight_effects.back().rule->id);
    }
    input_error(ErrorCode::InvalidWeights, at,
                fmt::format("all criterion weights are zero{}; at least one must be positive", by));
  }
  for (auto& cr : result.criteria) cr.normalized_weight = cr.weight / total;
  for (size_t j = 0; j < m; ++j) problem.weights.push_back(result.criteria[j].normalized_weight);

  // Normalise, aggregate, rank.
  if (!eligible.empty()) {
    const detail::NormalizedMatrix normalized = detail::normalize(
        problem, normalization, norm_chosen ? "" : method->title, method->oriented);
    for (size_t j = 0; j < m; ++j) result.criteria[j].normalization = normalized.how[j];
    const detail::MethodOutput out = method->run(problem, normalized, params);
    result.higher_is_better = out.higher_is_better;
    result.details = out.details;
    result.details.options = problem.options;
    for (size_t k = 0; k < eligible.size(); ++k) {
      OptionResult& o = result.options[eligible[k]];
      o.normalized.assign(normalized.values.begin() + static_cast<std::ptrdiff_t>(k * m),
                          normalized.values.begin() + static_cast<std::ptrdiff_t>((k + 1) * m));
      o.contribution.assign(out.contributions.begin() + static_cast<std::ptrdiff_t>(k * m),
                            out.contributions.begin() + static_cast<std::ptrdiff_t>((k + 1) * m));
      o.score = out.scores[k];
    }
    result.ranking = detail::rank_options(problem.options, out.scores, out.higher_is_better);
    for (const auto& entry : result.ranking) result.options[option_index(entry.option)].rank = entry.rank;
    // Each stakeholder's own ranking, under their weights and the same rules.
    for (auto& sr : result.weighting.stakeholders) {
      std::vector<double> own = sr.weights;
      apply_weight_effects(own, false);
      const double own_total = std::accumulate(own.begin(), own.end(), 0.0);
      detail::DecisionProblem theirs = problem;
      for (size_t j = 0; j < m; ++j) theirs.weights[j] = own_total > 0 ? own[j] / own_total : 0;
      const detail::MethodOutput o = method->run(theirs, normalized, params);
      sr.ranking = detail::rank_options(problem.options, o.scores, o.higher_is_better);
      sr.tau = detail::kendall_tau(sr.ranking, result.ranking);
    }
    const auto& st = result.weighting.stakeholders;
    if (st.size() > 1) {
      double sum = 0;
      int pairs = 0;
      for (size_t x = 0; x < st.size(); ++x) {
        for (size_t y = x + 1; y < st.size(); ++y) {
          sum += detail::kendall_tau(st[x].ranking, st[y].ranking);
          ++pairs;
        }
      }
      result.weighting.mean_pairwise_tau = sum / pairs;
    }
  } else {
    // Nothing to normalise: say what each criterion would have used.
    const detail::NormalizedMatrix empty =
        detail::normalize(problem, normalization, "", method->oriented);
    for (size_t j = 0; j < m; ++j) result.criteria[j].normalization = empty.how[j];
  }
  result.explanation = detail::explain(result);
  return result;
}

MethodComparison compare_methods(const Framework& fw, const Assessment* assessment,
                                 const EvaluateOptions& options, std::vector<Method> methods) {
  static const Assessment kNone;
  const Assessment& a = assessment != nullptr ? *assessment : kNone;
  if (methods.empty()) methods = !a.method.compare.empty() ? a.method.compare : fw.method.compare;
  if (methods.empty()) {
    for (const auto& info : detail::methods()) methods.push_back(info.id);
  }
  const Method own = a.method.name ? *a.method.name : fw.method.name.value_or(Method::Wsm);
  MethodComparison out;
  for (const Method name : methods) {
    const detail::MethodInfo& info = detail::method_info(name);
    EvaluateOptions o = options;
    // The files' own method keeps the files' normalisation; the others use their own default,
    // or the command line's when they accept it.
    if (o.normalization && !info.allowed.empty() &&
        std::find(info.allowed.begin(), info.allowed.end(), *o.normalization) ==
            info.allowed.end()) {
      o.normalization.reset();
    }
    o.method = name == own && !o.normalization ? std::nullopt : std::optional<Method>(name);
    Result r = evaluate(fw, assessment, o);
    if (r.method != to_string(name)) {
      // The files chose another method at a level the command line does not reach.
      o.method = name;
      r = evaluate(fw, assessment, o);
    }
    out.results.push_back(std::move(r));
  }
  const size_t k = out.results.size();
  out.tau.assign(k, std::vector<double>(k, 1.0));
  for (size_t x = 0; x < k; ++x) {
    for (size_t y = x + 1; y < k; ++y) {
      out.tau[x][y] = out.tau[y][x] =
          detail::kendall_tau(out.results[x].ranking, out.results[y].ranking);
    }
  }
  if (k > 0) {
    auto winners = [](const Result& r) {
      std::vector<std::string> w;
      for (const auto& e : r.ranking) {
        if (e.rank == 1) w.push_back(e.option);
      }
      return w;
    };
    const auto first = winners(out.results[0]);
    for (const auto& r : out.results) out.same_winner = out.same_winner && winners(r) == first;
    for (const auto& entry : out.results[0].ranking) {
      bool differs = false;
      for (const auto& r : out.results) {
        const OptionResult* o = r.option(entry.option);
        differs = differs || o == nullptr || o->rank != entry.rank;
      }
      if (differs) out.rank_dependent.push_back(entry.option);
    }
    std::sort(out.rank_dependent.begin(), out.rank_dependent.end());
  }
  return out;
}

}  // namespace tradeoff
